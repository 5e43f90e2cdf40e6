import KontorCore

/// The syntax of a file, told from its first bytes.
public enum Syntax: String, Sendable {
    case csv, json, xml

    /// `<` starts XML, `[` or `{` JSON, anything else is read as CSV. A UTF-8 byte order
    /// mark and leading white space are skipped.
    public static func sniff(_ head: [UInt8]) -> Syntax {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return .csv }
        switch first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "["), UInt8(ascii: "{"): return .json
        default: return .csv
        }
    }
}

/// Opens a file as a document: sniffs the syntax, recognises the kind and dialect from the
/// content (never from the name), and hands out canonical records one at a time.
public enum DocumentReader {
    /// A stream of the file's records, or nil when the file cannot be read as any kind (the
    /// reason is in `log`; a UTF-16 file is refused as `file.utf16`). `makeSource` opens the
    /// file's bytes; it is called once, or twice for XML (once to see the root element).
    public static func open<Source: ByteSource>(
        makeSource: () throws -> Source, fileName: String, isValidUTF8: Bool, head: [UInt8], log: inout DiagnosticLog
    ) -> DocumentStream? {
        if TextEncoding.looksLikeUTF16(head) {
            log.append(Diagnostic("file.utf16", "the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)",
                                  de: "Die Datei ist UTF-16; bitte als UTF-8 speichern (in Excel: CSV UTF-8)",
                                  hint: "Kontor reads UTF-8 and Windows-1252 text.", at: SourceLocation(file: fileName, line: 1)))
            return nil
        }
        do {
            switch Syntax.sniff(head) {
            case .csv: return try openCSV(source: makeSource(), fileName: fileName, isValidUTF8: isValidUTF8, log: &log)
            case .json: return try openJSON(source: makeSource(), fileName: fileName, isValidUTF8: isValidUTF8, log: &log)
            case .xml: return try openXML(makeSource: makeSource, fileName: fileName, log: &log)
            }
        } catch let problem as Diagnostic {
            log.append(problem)
        } catch {
            log.append(Diagnostic("file.read", "the file cannot be read: \(error)", de: "Die Datei kann nicht gelesen werden",
                                  at: SourceLocation(file: fileName)))
        }
        return nil
    }

    static func openCSV(source: some ByteSource, fileName: String, isValidUTF8: Bool, log: inout DiagnosticLog) throws -> DocumentStream? {
        let reader = try CSVReader(source: source, fileName: fileName, encoding: isValidUTF8 ? .utf8 : .windows1252,
                                   endsInDelimiter: ECBReferenceRatesCSV.recognizes)
        let decimalComma = reader.delimiter == UInt8(ascii: ";")
        if let kind = KindDetector.detect(columns: reader.header) {
            let mapper: any DialectMapper<FlatRecord> = CanonicalMapper(kind: kind, decimalComma: decimalComma)
            return DocumentStream(input: .csv(reader, mapper))
        }
        if let dialect = Dialects.csv.first(where: { $0.recognizes(header: reader.header) }) {
            let mapper: any DialectMapper<FlatRecord> = dialect.mapper(file: fileName, header: reader.header, decimalComma: decimalComma)
            return DocumentStream(input: .csv(reader, mapper))
        }
        log.append(KindDetector.explainNoMatch(
            columns: reader.header, foundDescription: "the header line has \(reader.header.joined(separator: ", "))",
            at: SourceLocation(file: fileName, line: reader.headerLine)))
        return nil
    }

    static func openJSON(source: some ByteSource, fileName: String, isValidUTF8: Bool, log: inout DiagnosticLog) throws -> DocumentStream? {
        guard isValidUTF8 else {
            log.append(Diagnostic("json.encoding", "the file is not UTF-8 text, as JSON must be",
                                  de: "Die Datei ist kein UTF-8-Text, wie JSON es verlangt",
                                  hint: "Save the file as UTF-8.", at: SourceLocation(file: fileName, line: 1)))
            return nil
        }
        var reader = JSONRecordReader(source: source, fileName: fileName)
        guard let first = try reader.next() else {
            log.append(Diagnostic("json.no-records", "the file holds no records", de: "Die Datei enthält keine Datensätze",
                                  at: SourceLocation(file: fileName, line: 1)))
            return nil
        }
        let keys = first.value.objectValue?.map(\.key) ?? []
        if let kind = KindDetector.detect(columns: keys) {
            let mapper: any DialectMapper<JSONElement> = CanonicalJSONMapper(kind: kind, file: fileName)
            return DocumentStream(input: .json(reader, first: first, mapper))
        }
        if let dialect = Dialects.json.first(where: { $0.recognizes(first: first.value, header: reader.header) }) {
            let mapper: any DialectMapper<JSONElement> = dialect.mapper(file: fileName)
            return DocumentStream(input: .json(reader, first: first, mapper))
        }
        log.append(KindDetector.explainNoMatch(
            columns: keys, foundDescription: "the first record has the keys \(keys.joined(separator: ", "))",
            at: SourceLocation(file: fileName, line: first.line, path: first.pointer)))
        return nil
    }

    static func openXML<Source: ByteSource>(makeSource: () throws -> Source, fileName: String,
                                            log: inout DiagnosticLog) throws -> DocumentStream? {
        let peek = try XMLRecordReader(source: makeSource(), fileName: fileName)
        let root = peek.rootName, namespace = peek.rootNamespace
        if namespace == KontorXMLSchema.namespace, let kind = DocumentKind(rawValue: root) {
            let reader = try XMLRecordReader(source: makeSource(), fileName: fileName, options: KontorXMLSchema.readerOptions)
            let mapper: any DialectMapper<XMLElementNode> = CanonicalXMLMapper(kind: kind, file: fileName)
            return DocumentStream(input: .xml(reader, mapper))
        }
        if let dialect = Dialects.xml.first(where: { $0.recognizes(root: root, namespace: namespace) }) {
            let reader = try XMLRecordReader(source: makeSource(), fileName: fileName, selection: dialect.selection)
            let mapper: any DialectMapper<XMLElementNode> = dialect.mapper(file: fileName, root: root, namespace: namespace)
            return DocumentStream(input: .xml(reader, mapper))
        }
        let where_ = namespace.map { " in namespace \($0)" } ?? " without a namespace"
        let known = DocumentKind.allCases.map { "<\($0.rawValue)>" }.joined(separator: ", ")
        log.append(Diagnostic(
            "detect.unknown-kind", "cannot tell what kind of document this is: the root element is <\(root)>\(where_)",
            de: "Dokumentart nicht erkannt: das Wurzelelement ist <\(root)>\(where_)",
            hint: "Kontor's XML has one of the root elements \(known) in the namespace \(KontorXMLSchema.namespace). \(KindDetector.otherFormats) See docs/formats.md.",
            at: SourceLocation(file: fileName, line: 1, path: "/" + root)))
        return nil
    }
}

/// The records of one file, mapped onto canonical records.
public struct DocumentStream {
    enum Input {
        case csv(CSVReader, any DialectMapper<FlatRecord>)
        case json(JSONRecordReader, first: JSONElement?, any DialectMapper<JSONElement>)
        case xml(XMLRecordReader, any DialectMapper<XMLElementNode>)
        /// While a reader is being advanced: taking it out keeps its buffers uniquely owned.
        case taken
    }

    /// The kind of document the file mainly holds.
    public let kind: DocumentKind
    /// Which dialect the file was read as, such as `kontor-csv` or `shopify-orders-csv`.
    public let dialect: String
    private var input: Input
    private var queue: [DocumentRecord] = []
    private var ended = false

    init(input: Input) {
        switch input {
        case .csv(_, let m): (kind, dialect) = (m.kind, m.dialect)
        case .json(_, _, let m): (kind, dialect) = (m.kind, m.dialect)
        case .xml(_, let m): (kind, dialect) = (m.kind, m.dialect)
        case .taken: (kind, dialect) = (.products, "")
        }
        self.input = input
    }

    /// The next canonical record, or nil at the end. Problems go to `log`; reading goes on
    /// past a bad record to find more, until the log holds as many errors as it lists (the
    /// file is rejected then anyway) or the file cannot be read further. Warnings never
    /// stop it: every record is handed out.
    public mutating func next(log: inout DiagnosticLog) throws -> DocumentRecord? {
        while queue.isEmpty && !ended {
            do {
                if !(try advance(log: &log)) { ended = true }
            } catch let problem as Diagnostic {
                log.append(problem)
                // An XML reader refuses for good: asked again, it throws the same refusal.
                if case .xml = input { ended = true }
            }
            if log.isFull { ended = true }
        }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// Queues the records a mapper handed out, refusing an order beyond ``Limits`` (too many
    /// lines, or lines and shipping beyond the largest amount): whatever the dialect, no order
    /// leaves the reader whose sums could overflow.
    private mutating func enqueue(_ records: [DocumentRecord], log: inout DiagnosticLog) {
        for record in records {
            if case .order(let order) = record, !order.isWithinLimits {
                log.append(.orderTooLarge(order))
                continue
            }
            queue.append(record)
        }
    }

    /// Reads one record of the file into the queue; false at the end of the file.
    private mutating func advance(log: inout DiagnosticLog) throws -> Bool {
        let current = input
        input = .taken
        // Consumed, so that the reader and the mapper bound below are the only owners of
        // their storage: a mapper's set of finished orders grows with the file, and a second
        // owner would make every insertion copy it whole.
        switch consume current {
        case .csv(var reader, var mapper):
            defer { input = .csv(reader, mapper) }
            guard let row = try reader.next() else {
                enqueue(mapper.finish(log: &log), log: &log)
                return false
            }
            enqueue(mapper.map(reader.flatRecord(row), log: &log), log: &log)
        case .json(var reader, let first, var mapper):
            defer { input = .json(reader, first: nil, mapper) }
            guard let element = try first ?? reader.next() else {
                enqueue(mapper.finish(log: &log), log: &log)
                return false
            }
            enqueue(mapper.map(element, log: &log), log: &log)
        case .xml(var reader, var mapper):
            defer { input = .xml(reader, mapper) }
            let node: XMLElementNode?
            do {
                node = try reader.next()
            } catch {
                log.append(contentsOf: reader.takeNewDiagnostics())
                throw error
            }
            // Schema problems are found as the parser reads ahead; pass on the new ones.
            log.append(contentsOf: reader.takeNewDiagnostics())
            guard let node else {
                enqueue(mapper.finish(log: &log), log: &log)
                return false
            }
            enqueue(mapper.map(node, log: &log), log: &log)
        case .taken:
            return false
        }
        return true
    }
}
