import KontorCore

extension CanonicalMapper: DialectMapper {
    public var dialect: String { decimalComma ? "kontor-csv;" : "kontor-csv" }

    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { finish() }
}

/// Kontor's own JSON: an array of flat objects (or an object holding one).
public struct CanonicalJSONMapper: DialectMapper {
    public let file: String
    private var mapper: CanonicalMapper

    public init(kind: DocumentKind, file: String) {
        self.file = file
        mapper = CanonicalMapper(kind: kind)
    }

    public var dialect: String { "kontor-json" }
    public var kind: DocumentKind { mapper.kind }

    public mutating func map(_ element: JSONElement, log: inout DiagnosticLog) -> [DocumentRecord] {
        do {
            return mapper.map(try element.flatRecord(file: file), log: &log)
        } catch {
            log.append(error)
            return []
        }
    }

    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { mapper.finish() }
}

/// Kontor's own XML: the root names the kind, records are its children, fields theirs.
public struct CanonicalXMLMapper: DialectMapper {
    public let file: String
    private var mapper: CanonicalMapper

    public init(kind: DocumentKind, file: String) {
        self.file = file
        mapper = CanonicalMapper(kind: kind)
    }

    public var dialect: String { "kontor-xml" }
    public var kind: DocumentKind { mapper.kind }

    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        mapper.map(node.flatRecord(file: file), log: &log)
    }

    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { mapper.finish() }
}
