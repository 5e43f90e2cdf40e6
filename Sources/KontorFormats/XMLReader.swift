import CLibXML2
import KontorCore

/// A streaming XML reader over a `ByteSource`, on libxml2's `xmlTextReader`, hardened for
/// files from outside: it hands out one `XMLEvent` at a time and holds little more than the
/// element path in memory.
///
/// It refuses, by throwing a `Diagnostic`:
/// - a DOCTYPE (`xml.doctype`), found before libxml2 parses it, so that no entity is ever
///   declared, expanded or loaded from a file or the network;
/// - an entity reference other than the predefined ones (`xml.entity`);
/// - elements nested deeper than `Options.maxDepth` (`xml.depth`);
/// - text or attribute values longer than `Options.maxTextBytes` (`xml.text-size`);
/// - an element with more than `Options.maxAttributes` attributes (`xml.attribute-count`),
///   found in the bytes before libxml2 parses the tag;
/// - anything libxml2 finds not well-formed (`xml.syntax`, with line and column).
///
/// Errors of the byte source are rethrown as they are. With a schema in the options,
/// validation problems do not stop reading: they collect in `diagnostics` as `xml.schema`,
/// each tied to its element's line and path by the time the reader has passed that element.
/// libxml2 prints nothing to standard error.
public final class XMLReader {
    /// The file's name as the shop uploaded it, for diagnostics.
    public let fileName: String
    /// The limits and the schema this reader works with.
    public let options: Options
    /// Warnings, and schema problems found so far; errors here reject the file.
    public private(set) var diagnostics = DiagnosticLog()
    /// What `diagnostics` gained since the last `takeNewDiagnostics()`.
    private var unreported = DiagnosticLog()

    /// One open element.
    /// Whether the reader stands after a child element of the current element (or outside the root).
    private var betweenChildren: Bool { frames.last.map { !$0.childCounts.isEmpty } ?? true }

    private struct Frame {
        var node: UnsafeMutableRawPointer
        var path: String
        var childCounts: [String: Int] = [:]
        var textBytes = 0
    }

    private let reader: xmlTextReaderPtr
    private let context: XMLReaderContext
    private var frames: [Frame] = []
    private var rootName: String?
    private var emptyElementOpen = false
    private var failure: (any Error)?

    /// Starts reading `source`; `fileName` names it in diagnostics. Nothing is parsed before
    /// the first `next()`, except that the source's first chunk is read here.
    public init(source: some ByteSource, fileName: String, options: Options = Options()) throws {
        var source = source
        let firstChunk = try source.nextChunk() ?? []
        let context = XMLReaderContext(source: source, firstChunk: firstChunk, schema: options.schema,
                                       maxAttributes: options.maxAttributes)
        let contextPointer = Unmanaged.passUnretained(context).toOpaque()
        let parserOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let reader = context.reportingErrors {
            xmlReaderForIO({ context, buffer, capacity in
                guard let context, let buffer else { return -1 }
                return Unmanaged<XMLReaderContext>.fromOpaque(context).takeUnretainedValue()
                    .read(into: buffer, capacity: Int(capacity))
            }, nil, contextPointer, nil, nil, parserOptions)
        }
        guard let reader else {
            throw Diagnostic.xmlSyntax("libxml2 could not start a reader", at: SourceLocation(file: fileName))
        }
        xmlTextReaderSetStructuredErrorHandler(reader, XMLReaderContext.reportError, contextPointer)
        if let schema = options.schema, xmlTextReaderSetSchema(reader, schema.pointer) != 0 {
            xmlFreeTextReader(reader)
            throw Diagnostic.xmlSyntax("libxml2 could not attach the schema", at: SourceLocation(file: fileName))
        }
        context.reader = reader
        self.reader = reader
        self.context = context
        self.fileName = fileName
        self.options = options
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next event, or nil at the end of the document. After a refusal every call
    /// throws the same error again.
    public func next() throws -> XMLEvent? {
        if let failure { throw failure }
        do {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    private func step() throws -> XMLEvent? {
        if emptyElementOpen {
            emptyElementOpen = false
            frames.removeLast()
            return .end
        }
        while true {
            let status = context.reportingErrors { xmlTextReaderRead(reader) }
            try takeProblems(status: status)
            if status == 0 {
                flushSchemaProblems()
                return nil
            }
            if let event = try event() { return event }
        }
    }

    /// The event for the node the reader stands on, or nil for a node that makes none.
    private func event() throws -> XMLEvent? {
        switch xmlReaderTypes(UInt32(xmlTextReaderNodeType(reader))) {
        case XML_READER_TYPE_ELEMENT:
            return .start(try startElement())
        case XML_READER_TYPE_END_ELEMENT:
            resolveSchemaProblems()
            frames.removeLast()
            return .end
        case XML_READER_TYPE_WHITESPACE where betweenChildren, XML_READER_TYPE_SIGNIFICANT_WHITESPACE where betweenChildren:
            // Indentation between child elements carries nothing; counting it would make a
            // large indented file exceed the text limit of its root.
            return nil
        case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA, XML_READER_TYPE_WHITESPACE,
             XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            guard !frames.isEmpty, let value = xmlTextReaderConstValue(reader) else { return nil }
            frames[frames.count - 1].textBytes += Int(xmlStrlen(value))
            if frames[frames.count - 1].textBytes > options.maxTextBytes {
                throw Diagnostic.xmlTextSize(limit: options.maxTextBytes, at: currentLocation(path: frames.last?.path))
            }
            resolveSchemaProblems()
            return .text(String(cString: value))
        case XML_READER_TYPE_DOCUMENT_TYPE:
            // Second line of defence: a DOCTYPE that declares anything is refused; one that only
            // names an external DTD (never loaded) is passed over.
            let subset = xmlTextReaderCurrentDoc(reader)?.pointee.intSubset
            if let subset, subset.pointee.children == nil { return nil }
            throw Diagnostic.xmlDoctype(at: currentLocation(path: nil))
        case XML_READER_TYPE_ENTITY_REFERENCE:
            throw Diagnostic.xmlEntity(string(xmlTextReaderConstLocalName(reader)), at: currentLocation(path: frames.last?.path))
        default:
            return nil
        }
    }

    private func startElement() throws -> XMLElementStart {
        let name = string(xmlTextReaderConstLocalName(reader))
        let position: Int
        if frames.isEmpty {
            position = 1
            rootName = name
        } else {
            position = frames[frames.count - 1].childCounts[name, default: 0] + 1
            frames[frames.count - 1].childCounts[name] = position
        }
        let path = "\(frames.last?.path ?? "")/\(name)\(position > 1 ? "[\(position)]" : "")"
        let location = currentLocation(path: path)
        if frames.count >= options.maxDepth {
            throw Diagnostic.xmlDepth(options.maxDepth, at: location)
        }
        let start = XMLElementStart(
            name: name,
            namespace: xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) },
            attributes: try attributes(at: location),
            line: location.line ?? 0,
            depth: frames.count,
            path: path
        )
        frames.append(Frame(node: UnsafeMutableRawPointer(xmlTextReaderCurrentNode(reader)), path: path))
        resolveSchemaProblems()
        emptyElementOpen = xmlTextReaderIsEmptyElement(reader) == 1
        return start
    }

    private func attributes(at location: SourceLocation) throws -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let name = string(xmlTextReaderConstLocalName(reader))
            guard let value = xmlTextReaderConstValue(reader) else { continue }
            if Int(xmlStrlen(value)) > options.maxTextBytes {
                throw Diagnostic.xmlAttributeSize(name, limit: options.maxTextBytes, at: location)
            }
            attributes.append(XMLAttribute(
                name: name,
                namespace: xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) },
                value: String(cString: value)
            ))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    /// Throws what the last read ran into: a DOCTYPE found in the bytes, a failing source, a
    /// parser error; keeps parser warnings.
    private func takeProblems(status: Int32) throws {
        if let line = context.doctypeLine {
            throw Diagnostic.xmlDoctype(at: SourceLocation(file: fileName, line: line))
        }
        if let excess = context.attributeExcess {
            throw Diagnostic.xmlAttributeCount(excess.element, limit: options.maxAttributes,
                                               at: SourceLocation(file: fileName, line: excess.line))
        }
        if let error = context.sourceError { throw error }
        let errors = context.parserErrors
        context.parserErrors.removeAll()
        for error in errors {
            var diagnostic = Diagnostic.xmlSyntax(
                error.message,
                at: SourceLocation(file: fileName, line: error.line, column: error.column),
                severity: error.level == XML_ERR_WARNING ? .warning : .error
            )
            if error.code == Int32(XML_ERR_DOCUMENT_END.rawValue) {
                diagnostic.hint = "the file may be cut off, or hold more than one root element"
            }
            if diagnostic.severity == .error { throw diagnostic }
            record(diagnostic)
        }
        if status < 0 {
            throw Diagnostic.xmlSyntax("the document could not be read", at: currentLocation(path: frames.last?.path))
        }
    }

    /// Turns the schema problems whose element is open, or was reported before the root was
    /// reached (and so is about the root), into diagnostics with the element's path.
    private func resolveSchemaProblems() {
        guard !context.schemaProblems.isEmpty else { return }
        context.schemaProblems.removeAll { pending in
            let path: String?
            if let target = pending.target {
                guard let frame = frames.last(where: { $0.node == target }) else { return false }
                path = frame.path
            } else {
                path = pending.problem.element == rootName ? frames.first?.path : nil
            }
            append(pending.problem, path: path)
            return true
        }
    }

    /// Reports the schema problems left at the end of the document, without a path.
    private func flushSchemaProblems() {
        for pending in context.schemaProblems { append(pending.problem, path: nil) }
        context.schemaProblems.removeAll()
    }

    private func append(_ problem: XMLSchemaProblem, path: String?) {
        record(Diagnostic(
            "xml.schema", problem.message,
            at: SourceLocation(file: fileName, line: problem.line, path: path),
            severity: problem.severity
        ))
    }

    private func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        unreported.append(diagnostic)
    }

    /// The warnings and schema problems found since the last call, with their counts, for a
    /// caller that passes them on as it reads.
    public func takeNewDiagnostics() -> DiagnosticLog {
        defer { unreported = DiagnosticLog(cap: unreported.cap) }
        return unreported
    }

    private func currentLocation(path: String?) -> SourceLocation {
        let line = xmlTextReaderCurrentNode(reader).map { xmlGetLineNo($0) } ?? 0
        return SourceLocation(file: fileName, line: line > 0 ? line : nil, path: path)
    }

    private func string(_ text: UnsafePointer<xmlChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }
}
