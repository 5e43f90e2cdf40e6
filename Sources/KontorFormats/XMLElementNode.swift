/// An element with everything inside it: what `XMLRecordReader` hands out per record.
public struct XMLElementNode: Sendable, Equatable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil for an element in no namespace.
    public var namespace: String?
    /// The attributes in document order, namespace declarations left out.
    public var attributes: [XMLAttribute]
    /// The child elements in document order.
    public var children: [XMLElementNode]
    /// The character data directly inside (text and CDATA, references resolved); empty when
    /// it is only the white space that indents child elements.
    public var text: String
    /// The 1-based line of the opening tag.
    public var line: Int
    /// Local names from the root, as in `XMLElementStart.path`.
    public var path: String

    /// Creates an element.
    public init(name: String, namespace: String? = nil, attributes: [XMLAttribute] = [], children: [XMLElementNode] = [],
                text: String = "", line: Int, path: String) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.path = path
    }

    /// An element without content yet, for the opening tag `start`.
    init(_ start: XMLElementStart) {
        self.init(name: start.name, namespace: start.namespace, attributes: start.attributes,
                  line: start.line, path: start.path)
    }

    /// The value of the attribute with this local name, whatever its namespace.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }
}
