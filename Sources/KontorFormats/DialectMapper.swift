import KontorCore

/// Maps the records of one file, as its syntax hands them out, onto canonical records.
///
/// One mapper reads one file: it may keep state between records (the lines of an order
/// spread over several rows, the header of an openTRANS order before its items).
public protocol DialectMapper<Input> {
    associatedtype Input
    /// The dialect's name as the batch journal records it: `kontor-csv`, `shopify-orders-csv`.
    var dialect: String { get }
    /// The kind of document the file mainly holds.
    var kind: DocumentKind { get }
    /// Maps one record; problems go to `log`. Returns the canonical records that are complete.
    mutating func map(_ input: Input, log: inout DiagnosticLog) -> [DocumentRecord]
    /// Hands out what is still pending at the end of the file.
    mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord]
}

/// A CSV dialect, recognised by its header line.
public protocol CSVDialect: DialectMapper where Input == FlatRecord {
    /// Whether a file with these column names is of this dialect.
    static func recognizes(header: [String]) -> Bool
    /// A mapper for one file; `decimalComma` is true for `;`-separated files.
    init(file: String, header: [String], decimalComma: Bool)
}

/// A JSON dialect, recognised by its first record (and the members beside the records array).
public protocol JSONDialect: DialectMapper where Input == JSONElement {
    static func recognizes(first: JSONValue, header: [(key: String, value: JSONValue)]) -> Bool
    init(file: String)
}

/// An XML dialect, recognised by its root element and namespace.
public protocol XMLDialect: DialectMapper where Input == XMLElementNode {
    static func recognizes(root: String, namespace: String?) -> Bool
    /// Which elements the reader hands to `map` as records.
    static var selection: XMLRecordReader.Selection { get }
    init(file: String, root: String, namespace: String?)
}

/// The dialects Kontor reads, besides its own formats, in the order they are tried.
public enum Dialects {
    public static var csv: [any CSVDialect.Type] { [ECBReferenceRatesCSV.self, ShopifyOrdersCSV.self, GermanSpreadsheetCSV.self] }
    public static var json: [any JSONDialect.Type] { [WooCommerceOrdersJSON.self, ShopwareOrdersJSON.self] }
    public static var xml: [any XMLDialect.Type] {
        [OpenTransOrderXML.self, BMEcatCatalogXML.self, Camt053StatementXML.self, OpenTrans1OrderXML.self,
         ECBReferenceRatesXML.self]
    }
}

extension CSVDialect {
    static func mapper(file: String, header: [String], decimalComma: Bool) -> any DialectMapper<FlatRecord> {
        Self(file: file, header: header, decimalComma: decimalComma)
    }
}

extension JSONDialect {
    static func mapper(file: String) -> any DialectMapper<JSONElement> { Self(file: file) }
}

extension XMLDialect {
    static func mapper(file: String, root: String, namespace: String?) -> any DialectMapper<XMLElementNode> {
        Self(file: file, root: root, namespace: namespace)
    }
}
