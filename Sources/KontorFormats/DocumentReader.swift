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

/// Opens a file as one of Kontor's documents: sniffs the syntax, detects the kind from the
/// content, and hands out canonical records one at a time.
public enum DocumentReader {
    /// A stream of the file's records, or nil when the file cannot be read as any kind (the
    /// reason is in `log`).
    public static func open(source: inout some ByteSource, fileName: String, isValidUTF8: Bool, head: [UInt8],
                            log: inout DiagnosticLog) -> DocumentStream? {
        let place = SourceLocation(file: fileName, line: 1)
        do {
            switch Syntax.sniff(head) {
            case .csv:
                let reader = try CSVReader(source: source, fileName: fileName, encoding: isValidUTF8 ? .utf8 : .windows1252)
                guard let kind = KindDetector.detect(columns: reader.header) else {
                    log.append(KindDetector.explainNoMatch(
                        columns: reader.header, foundDescription: "the header line has \(reader.header.joined(separator: ", "))",
                        at: place))
                    return nil
                }
                let dialect = reader.delimiter == UInt8(ascii: ";") ? "kontor-csv;" : "kontor-csv"
                return DocumentStream(kind: kind, dialect: dialect, input: .csv(reader),
                                      mapper: CanonicalMapper(kind: kind, decimalComma: reader.delimiter == UInt8(ascii: ";")))
            case .json:
                guard isValidUTF8 else {
                    log.append(Diagnostic("json.encoding", "the file is not UTF-8 text, as JSON must be",
                                          de: "Die Datei ist kein UTF-8-Text, wie JSON es verlangt",
                                          hint: "Save the file as UTF-8.", at: place))
                    return nil
                }
                var reader = JSONRecordReader(source: source, fileName: fileName)
                guard let first = try reader.next() else {
                    log.append(Diagnostic("json.no-records", "the file holds no records",
                                          de: "Die Datei enthält keine Datensätze", at: place))
                    return nil
                }
                let keys: [String]
                if case .object(let members) = first.value { keys = members.map(\.key) } else { keys = [] }
                guard let kind = KindDetector.detect(columns: keys) else {
                    log.append(KindDetector.explainNoMatch(
                        columns: keys, foundDescription: "the first record has the keys \(keys.joined(separator: ", "))",
                        at: SourceLocation(file: fileName, line: first.line, path: first.pointer)))
                    return nil
                }
                return DocumentStream(kind: kind, dialect: "kontor-json", input: .json(reader, first: first),
                                      mapper: CanonicalMapper(kind: kind))
            case .xml:
                return try openXML(source: source, fileName: fileName, log: &log)
            }
        } catch let problem as Diagnostic {
            log.append(problem)
            return nil
        } catch {
            log.append(Diagnostic("file.read", "the file cannot be read: \(error)", de: "Die Datei kann nicht gelesen werden",
                                  at: place))
            return nil
        }
    }
}

/// The records of one file, mapped onto a canonical kind.
public struct DocumentStream {
    public let kind: DocumentKind
    /// Which dialect the file was read as, such as `kontor-csv`.
    public let dialect: String

    enum Input {
        case csv(CSVReader)
        case json(JSONRecordReader, first: JSONElement?)
        case xml(XMLRecordReader, reported: Int)
        /// While a reader is being advanced: taking it out keeps its buffers uniquely owned.
        case taken
    }

    private var input: Input
    private var mapper: CanonicalMapper
    private var queue: [DocumentRecord] = []
    private var ended = false

    init(kind: DocumentKind, dialect: String, input: Input, mapper: CanonicalMapper) {
        self.kind = kind
        self.dialect = dialect
        self.input = input
        self.mapper = mapper
    }

    /// The next canonical record, or nil at the end. Problems go to `log`; reading goes on
    /// past a bad record to find more, until the log is full or the file cannot be read further.
    public mutating func next(log: inout DiagnosticLog) throws -> DocumentRecord? {
        while queue.isEmpty && !ended {
            do {
                if let record = try nextFlatRecord(log: &log) {
                    queue += mapper.map(record, log: &log)
                } else {
                    queue += mapper.finish()
                    ended = true
                }
            } catch let problem as Diagnostic {
                log.append(problem)
            }
            if log.isFull { ended = true }
        }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    private mutating func nextFlatRecord(log: inout DiagnosticLog) throws -> FlatRecord? {
        let current = input
        input = .taken
        switch current {
        case .csv(var reader):
            defer { input = .csv(reader) }
            return try reader.next().map(reader.flatRecord)
        case .json(var reader, let first):
            defer { input = .json(reader, first: nil) }
            guard let element = try first ?? reader.next() else { return nil }
            return try reader.flatRecord(element)
        case .xml(var reader, var reported):
            defer { input = .xml(reader, reported: reported) }
            let node = try reader.next()
            // Schema problems are found as the parser reads ahead; pass on the new ones.
            let found = reader.diagnostics.diagnostics
            if found.count > reported {
                log.append(contentsOf: Array(found[reported...]))
                reported = found.count
            }
            return node.map { $0.flatRecord(file: reader.fileName) }
        case .taken:
            return nil
        }
    }
}

extension DocumentReader {
    /// Kontor's own XML: the root element names the kind, in Kontor's namespace; the file is
    /// validated against the shipped schema while it is read.
    static func openXML(source: some ByteSource, fileName: String, log: inout DiagnosticLog) throws -> DocumentStream? {
        let reader = try XMLRecordReader(source: source, fileName: fileName, options: KontorXMLSchema.readerOptions)
        let kind = DocumentKind(rawValue: reader.rootName)
        guard let kind, reader.rootNamespace == KontorXMLSchema.namespace else {
            let namespace = reader.rootNamespace.map { " in namespace \($0)" } ?? " without a namespace"
            let known = DocumentKind.allCases.map { "<\($0.rawValue)>" }.joined(separator: ", ")
            log.append(Diagnostic(
                "detect.unknown-kind",
                "cannot tell what kind of document this is: the root element is <\(reader.rootName)>\(namespace)",
                de: "Dokumentart nicht erkannt: das Wurzelelement ist <\(reader.rootName)>\(namespace)",
                hint: "Kontor's XML has one of the root elements \(known) in the namespace \(KontorXMLSchema.namespace); see docs/formats.md.",
                at: SourceLocation(file: fileName, line: 1, path: "/" + reader.rootName)))
            return nil
        }
        return DocumentStream(kind: kind, dialect: "kontor-xml", input: .xml(reader, reported: 0), mapper: CanonicalMapper(kind: kind))
    }
}
