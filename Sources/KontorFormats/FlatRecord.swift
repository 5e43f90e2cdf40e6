import KontorCore

/// One value of a flat record, with the place it came from.
public struct FieldValue: Sendable, Equatable {
    /// The text as found, entities and quotes resolved, not trimmed.
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// One record of Kontor's own formats, whatever the syntax: a CSV row under its header,
/// a JSON object of the top-level array, or an XML record element's children.
///
/// Keys are the column names, keys or element names as written in the file, trimmed;
/// the canonical mapping matches them without regard to case.
public struct FlatRecord: Sendable, Equatable {
    /// Where the record starts (CSV line; JSON pointer and line; XML element path and line).
    public var location: SourceLocation
    /// Field values by name, in the file's order.
    public var fields: [(name: String, value: FieldValue)]

    public init(location: SourceLocation, fields: [(name: String, value: FieldValue)]) {
        self.location = location
        self.fields = fields
    }

    public static func == (a: FlatRecord, b: FlatRecord) -> Bool {
        a.location == b.location && a.fields.elementsEqual(b.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
