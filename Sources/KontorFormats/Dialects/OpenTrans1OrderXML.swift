import KontorCore

/// openTRANS 1.0 orders (`ORDER` without a namespace, or in
/// `http://www.opentrans.org/XMLSchema/1.0`), recognised so that they are refused with a
/// clear message rather than as an unknown document.
///
/// openTRANS 1.0 arranges an order differently from 2.1 (`ORDER_PARTIES/BUYER_PARTY/PARTY`,
/// `ARTICLE_ID/SUPPLIER_AID`, `ARTICLE_PRICE`), and procurement systems that still write
/// 1.0 can also export 2.1: Kontor reads 2.1 only (`OpenTransOrderXML`).
public struct OpenTrans1OrderXML: XMLDialect {
    /// The openTRANS 1.0 namespace.
    public static let namespace = "http://www.opentrans.org/XMLSchema/1.0"

    /// A root `ORDER` without a namespace or in the openTRANS 1.0 namespace.
    public static func recognizes(root: String, namespace: String?) -> Bool {
        root == "ORDER" && (namespace == nil || namespace == Self.namespace)
    }

    /// The root's children: the first one is enough to refuse the file.
    public static var selection: XMLRecordReader.Selection { .depth(1) }

    /// The file's name as the shop uploaded it.
    public let file: String
    /// Whether the refusal was reported.
    private var reported = false

    /// A mapper for one file.
    public init(file: String, root: String, namespace: String?) {
        self.file = file
    }

    /// `opentrans-1.0-order`.
    public var dialect: String { "opentrans-1.0-order" }
    /// Orders.
    public var kind: DocumentKind { .orders }

    /// Reports, once, that the file is refused.
    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        report(log: &log)
        return []
    }

    /// Reports the refusal if no record did.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] {
        report(log: &log)
        return []
    }

    private mutating func report(log: inout DiagnosticLog) {
        guard !reported else { return }
        reported = true
        log.append(Diagnostic(
            "opentrans.version", "openTRANS 1.0 orders are not supported; export the order as openTRANS 2.1",
            de: "Bestellungen im Format openTRANS 1.0 werden nicht unterstützt; bitte die Bestellung als openTRANS 2.1 exportieren",
            hint: "An openTRANS 2.1 order starts with <ORDER version=\"2.1\" xmlns=\"\(OpenTransOrderXML.namespace)\" xmlns:bmecat=\"http://www.bmecat.org/bmecat/2005\">; most procurement systems offer it as an export option.",
            at: SourceLocation(file: file, line: 1, path: "/ORDER")))
    }
}
