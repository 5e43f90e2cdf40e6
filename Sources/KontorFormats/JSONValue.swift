/// A JSON value as read from a file.
///
/// Numbers keep their literal text (`"19.90"`, `"1e3"`), so that an amount of money is
/// never rounded through a floating point number; objects keep their members in the
/// file's order.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number as written in the file, such as `-12.50`.
    case number(String)
    /// A string, its escapes resolved.
    case string(String)
    /// An array of values.
    case array([JSONValue])
    /// An object: its members in the file's order.
    case object([(key: String, value: JSONValue)])

    /// Values are equal when they are the same kind with equal contents; objects when
    /// they hold equal members in the same order, numbers when their text is the same.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.elementsEqual(y) { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The value of the object's first member named `key`; nil if there is none or this
    /// is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The array's element at `index`; nil if it is out of range or this is not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The text of a string.
    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    /// The literal text of a number.
    public var numberText: String? {
        if case .number(let text) = self { text } else { nil }
    }

    /// The value of `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// The elements of an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The members of an object, in the file's order.
    public var objectValue: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The kind of value with its article, for messages: `an object`, `a number`.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The kind of value in German, for messages: `ein Objekt`, `eine Zahl`.
    var kindDescriptionDE: String {
        switch self {
        case .null: "null"
        case .bool: "ein Wahrheitswert"
        case .number: "eine Zahl"
        case .string: "ein Text"
        case .array: "eine Liste"
        case .object: "ein Objekt"
        }
    }
}
