/// An opening tag as `XMLReader` reports it, with its place in the document.
public struct XMLElementStart: Sendable, Equatable {
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil for an element in no namespace.
    public var namespace: String?
    /// The attributes in document order, namespace declarations left out.
    public var attributes: [XMLAttribute]
    /// The 1-based line of the opening tag.
    public var line: Int
    /// 0 for the root element, 1 for its children, and so on.
    public var depth: Int
    /// Local names from the root, such as `/ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]`; an element
    /// that has an earlier sibling of the same name carries its 1-based position among them.
    public var path: String

    /// Creates an opening tag.
    public init(name: String, namespace: String?, attributes: [XMLAttribute], line: Int, depth: Int, path: String) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.line = line
        self.depth = depth
        self.path = path
    }
}
