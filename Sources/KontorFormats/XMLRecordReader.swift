import KontorCore

/// Hands out the records of an XML document one at a time, each as a small element tree,
/// so that memory holds one record rather than the document.
///
/// Records are the elements that `Selection` picks: those at a depth (the root's children
/// for Kontor's own format, and for headers like openTRANS's `ORDER_HEADER`), or those with
/// certain local names, wherever they are (`ORDER_ITEM` inside `ORDER_ITEM_LIST`). Elements
/// inside a record belong to it, even when they would be picked too. Text outside records
/// is skipped.
///
/// ```swift
/// var records = try XMLRecordReader(source: FileByteSource(path: path), fileName: "products.xml")
/// while let product = try records.next() { ... product.flatRecord(file: "products.xml") ... }
/// ```
public struct XMLRecordReader {
    /// Which elements are records.
    public enum Selection: Sendable, Equatable {
        /// Elements at this depth: 0 is the root (the whole document is one record), 1 its
        /// children, and so on.
        case depth(Int)
        /// Elements with one of these local names, at any depth.
        case names(Set<String>)
    }

    /// The reader underneath, for its `diagnostics`.
    public let reader: XMLReader
    /// Which elements are records.
    public let selection: Selection
    /// The root element's local name.
    public let rootName: String
    /// The root element's namespace URI, nil for none.
    public let rootNamespace: String?
    /// The root element's attributes.
    public let rootAttributes: [XMLAttribute]
    /// The root's opening tag, while it still has to be handed out as a record.
    private var pendingRoot: XMLElementStart?

    /// Reads up to the root element of `source`; `fileName` names it in diagnostics.
    ///
    /// Throws a refusal of `XMLReader`, or `xml.syntax` for a document without elements.
    public init(source: some ByteSource, fileName: String, selection: Selection = .depth(1),
                options: XMLReader.Options = XMLReader.Options()) throws {
        let reader = try XMLReader(source: source, fileName: fileName, options: options)
        var root: XMLElementStart?
        while root == nil, let event = try reader.next() {
            if case .start(let start) = event { root = start }
        }
        guard let root else {
            throw Diagnostic.xmlSyntax("the document has no root element", at: SourceLocation(file: fileName))
        }
        self.reader = reader
        self.selection = selection
        rootName = root.name
        rootNamespace = root.namespace
        rootAttributes = root.attributes
        pendingRoot = root
    }

    /// The file's name as the shop uploaded it, for diagnostics.
    public var fileName: String { reader.fileName }

    /// Warnings and schema problems found so far.
    public var diagnostics: DiagnosticLog { reader.diagnostics }

    /// The warnings and schema problems found since the last call.
    public func takeNewDiagnostics() -> DiagnosticLog { reader.takeNewDiagnostics() }

    /// The next record, or nil at the end of the document.
    public mutating func next() throws -> XMLElementNode? {
        if let root = pendingRoot {
            pendingRoot = nil
            if isRecord(root) { return try record(from: root) }
        }
        while let event = try reader.next() {
            if case .start(let start) = event, isRecord(start) {
                return try record(from: start)
            }
        }
        return nil
    }

    private func isRecord(_ start: XMLElementStart) -> Bool {
        switch selection {
        case .depth(let depth): start.depth == depth
        case .names(let names): names.contains(start.name)
        }
    }

    /// Reads the rest of the element that `start` opened.
    private func record(from start: XMLElementStart) throws -> XMLElementNode {
        var open = [XMLElementNode(start)]
        while let event = try reader.next() {
            switch event {
            case .start(let child):
                open.append(XMLElementNode(child))
            case .text(let text):
                open[open.count - 1].text += text
            case .end:
                var element = open.removeLast()
                if !element.children.isEmpty, element.text.allSatisfy(\.isWhitespace) {
                    element.text = ""
                }
                if open.isEmpty { return element }
                open[open.count - 1].children.append(element)
            }
        }
        throw Diagnostic.xmlSyntax("the document ends inside <\(start.name)>", at: SourceLocation(file: reader.fileName, line: start.line, path: start.path))
    }
}
