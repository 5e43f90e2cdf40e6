import CLibXML2

/// What the libxml2 callbacks of one `XMLReader` share with it: the byte source they pull
/// from and the problems they report. C gets it as an unretained pointer; the reader owns it.
final class XMLReaderContext {
    /// A schema problem that waits for the reader to reach the element it is about.
    struct SchemaProblem {
        /// The element's libxml2 node, or nil when the reader had not reached the root yet.
        var target: UnsafeMutableRawPointer?
        var problem: XMLSchemaProblem
    }

    private var source: any ByteSource
    private var chunk: [UInt8]
    private var offset = 0
    private var prolog = XMLPrologScanner()
    private var attributeCounter: XMLAttributeCounter
    private let schema: XMLSchema?
    private lazy var messagePatterns = XMLSchemaMessagePatterns()

    /// The reader the callbacks belong to, once libxml2 has created it.
    var reader: xmlTextReaderPtr?
    /// The line of a DOCTYPE found before the root element.
    private(set) var doctypeLine: Int?
    /// An element with more attributes than the limit, found before libxml2 saw its tag.
    private(set) var attributeExcess: XMLAttributeCounter.Excess?
    /// What the byte source threw.
    private(set) var sourceError: (any Error)?
    /// Parser errors and warnings not yet taken by the reader.
    var parserErrors: [XMLErrorCollector.Entry] = []
    /// Schema problems not yet tied to an element path.
    var schemaProblems: [SchemaProblem] = []

    init(source: any ByteSource, firstChunk: [UInt8], schema: XMLSchema?, maxAttributes: Int) {
        self.source = source
        self.chunk = firstChunk
        self.schema = schema
        attributeCounter = XMLAttributeCounter(limit: maxAttributes)
    }

    /// Copies up to `capacity` bytes into `buffer` for libxml2. Returns the count, 0 at the
    /// end of the input, or -1 to stop parsing: after a DOCTYPE or a failing source.
    ///
    /// Bytes up to the end of the root's opening tag are checked for a DOCTYPE before they
    /// are handed out, and the hand-out stops at that tag's end. Every start tag's attributes
    /// are counted before it is handed out.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        guard doctypeLine == nil, attributeExcess == nil, sourceError == nil else { return -1 }
        while offset == chunk.count {
            do {
                guard let next = try source.nextChunk() else { return 0 }
                chunk = next
                offset = 0
            } catch {
                sourceError = error
                return -1
            }
        }
        return chunk.withUnsafeBytes { bytes in
            var slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(offset + capacity, bytes.count)])
            if prolog.verdict == .undecided {
                let (verdict, examined) = prolog.scan(slice)
                if case .doctype(let line) = verdict {
                    doctypeLine = line
                    return -1
                }
                slice = UnsafeRawBufferPointer(rebasing: slice[..<examined])
            }
            if let excess = attributeCounter.scan(slice) {
                attributeExcess = excess
                return -1
            }
            UnsafeMutableRawPointer(buffer).copyMemory(from: slice.baseAddress!, byteCount: slice.count)
            offset += slice.count
            return Int32(slice.count)
        }
    }

    /// The C function through which libxml2 reports errors to a context.
    static let reportError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLReaderContext>.fromOpaque(context).takeUnretainedValue().report(error.pointee)
    }

    /// Runs `body` with this context as the calling thread's libxml2 error handler.
    func reportingErrors<Result>(_ body: () -> Result) -> Result {
        withLibXML2ErrorHandler(Self.reportError, context: Unmanaged.passUnretained(self).toOpaque(), body)
    }

    /// Takes an error libxml2 reports: schema problems wait for their element, the others
    /// for the reader.
    func report(_ error: xmlError) {
        let entry = XMLErrorCollector.Entry(error)
        guard error.domain == Int32(XML_FROM_SCHEMASV.rawValue), let schema else {
            parserErrors.append(entry)
            return
        }
        let problem = schema.problem(entry, patterns: messagePatterns)
        schemaProblems.append(SchemaProblem(target: problem.element.flatMap(parsedElement(named:)), problem: problem))
    }

    /// The node of the element named `name` that libxml2 is validating: the deepest element
    /// of that name on the path to the node parsed last. The parser runs ahead of the reader,
    /// so that element is the one still open there, or the one closed last.
    private func parsedElement(named name: String) -> UnsafeMutableRawPointer? {
        guard let reader, let current = xmlTextReaderCurrentNode(reader), let document = current.pointee.doc else {
            return nil
        }
        var found: xmlNodePtr?
        var node = document.pointee.last
        while let candidate = node {
            if candidate.pointee.type == XML_ELEMENT_NODE, String(cString: candidate.pointee.name) == name {
                found = candidate
            }
            node = candidate.pointee.last
        }
        return found.map { UnsafeMutableRawPointer($0) }
    }
}
