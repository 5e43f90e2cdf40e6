/// One element of the records array of a JSON file, with where it was found.
public struct JSONElement: Sendable, Equatable {
    /// The element.
    public var value: JSONValue
    /// The element's JSON pointer (RFC 6901): `/3`, or `/orders/3` when the array is a
    /// member of the top-level object.
    public var pointer: String
    /// The 1-based line where the element starts.
    public var line: Int

    /// An element found at `pointer`, starting on `line`.
    public init(value: JSONValue, pointer: String, line: Int) {
        self.value = value
        self.pointer = pointer
        self.line = line
    }
}
