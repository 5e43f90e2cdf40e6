/// Where in an input file something was found.
///
/// CSV places are `line:column` (the column is the field's position, as a spreadsheet
/// counts it); XML places are an element path with its line; JSON places are a JSON
/// pointer (RFC 6901) with its line.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file's name as the shop uploaded it.
    public var file: String
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column (CSV: field position), if known.
    public var column: Int?
    /// Element path (`/ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/QUANTITY`) or JSON pointer (`/3/quantity`).
    public var path: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }
}

extension SourceLocation: CustomStringConvertible {
    /// `orders.csv:14:5`, `order.xml:12 /ORDER/ORDER_HEADER`, `orders.json:3 /0/quantity`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let path { text += " \(path)" }
        return text
    }
}
