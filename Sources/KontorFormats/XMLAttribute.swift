/// One attribute of an XML element, namespace declarations left out.
public struct XMLAttribute: Sendable, Hashable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil for an attribute without prefix.
    public var namespace: String?
    /// The value, with references resolved.
    public var value: String

    /// Creates an attribute.
    public init(name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
