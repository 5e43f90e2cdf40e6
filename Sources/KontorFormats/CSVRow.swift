/// One record of a CSV file, its fields decoded, as many as the header has columns.
public struct CSVRow: Sendable, Equatable {
    /// The 1-based physical line where the record starts; a quoted field with line breaks
    /// makes a record span several lines.
    public var line: Int
    /// The field texts, quotes resolved, not trimmed.
    public var fields: [String]

    /// A row starting on `line`.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
