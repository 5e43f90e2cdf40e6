import KontorCore

/// A value inside one record of a shop system's JSON export, with its JSON pointer, so that
/// every problem found in it names its place: `orders.json:14 /2/line_items/0/total`.
///
/// A missing member is a node whose `value` is nil; looking further into it gives missing
/// nodes again, so that a mapping can ask for `order["billing"]["email"]` without checks.
struct ShopJSONNode {
    /// The value, or nil when the member is not there.
    let value: JSONValue?
    /// Where the value is (RFC 6901).
    let pointer: String
    /// The file's name as the shop uploaded it.
    let file: String
    /// The line where the record starts.
    let line: Int

    init(value: JSONValue?, pointer: String, file: String, line: Int) {
        self.value = value
        self.pointer = pointer
        self.file = file
        self.line = line
    }

    /// The node of a whole record.
    init(element: JSONElement, file: String) {
        self.init(value: element.value, pointer: element.pointer, file: file, line: element.line)
    }

    /// The place of this value, for diagnostics.
    var location: SourceLocation { SourceLocation(file: file, line: line, path: pointer) }

    /// The member's name (the last step of the pointer), as messages name the value.
    var name: String {
        guard let slash = pointer.lastIndex(of: "/") else { return pointer }
        return String(pointer[pointer.index(after: slash)...]).replacing("~1", with: "/").replacing("~0", with: "~")
    }

    /// The member `key` of this object; a missing node if there is none.
    subscript(key: String) -> ShopJSONNode {
        ShopJSONNode(value: value?[key], pointer: pointer + "/" + JSONPointer.escape(key), file: file, line: line)
    }

    /// How messages name an element of an array without a name of its own: `no. 2` for `/line_items/1`.
    var positionLabel: String { Int(name).map { "no. \($0 + 1)" } ?? name }

    /// Whether the value is missing or `null`.
    var isAbsent: Bool { value == nil || value == .null }

    /// The elements of an array, each with its pointer; nil when this is not an array.
    var elements: [ShopJSONNode]? {
        guard case .array(let items)? = value else { return nil }
        return items.enumerated().map { ShopJSONNode(value: $1, pointer: pointer + "/\($0)", file: file, line: line) }
    }

    /// The text of a string, or the literal of a number, trimmed; nil when missing, null or empty.
    var text: String? {
        let raw: String
        switch value {
        case .string(let s)?: raw = s
        case .number(let n)?: raw = n
        default: return nil
        }
        let trimmed = raw.trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text with HTML character references resolved, as WordPress stores names.
    var decodedText: String? { text.map(HTMLEntityDecoder.decode).map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } }

    /// `true` or `false`; nil for anything else.
    var bool: Bool? { value?.boolValue }
}
