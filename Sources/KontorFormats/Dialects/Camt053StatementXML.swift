import KontorCore

/// ISO 20022 bank-to-customer statements, camt.053 (`Document/BkToCstmrStmt/Stmt`), in any
/// version `camt.053.001.NN`; German banks deliver .02 (DFÜ-Abkommen) and .08.
///
/// Booked credits (`Sts` `BOOK`, `CdtDbtInd` `CRDT`) become payments, matched to invoices by
/// their creditor reference, end-to-end reference or remittance text; booked debits become
/// bank movements; the closing booked balance (`CLBD`) becomes the statement balance.
/// Entries not booked yet (`PDNG`, `INFO`, `FUTR`) are skipped with a warning. A batch
/// booking whose transactions carry their own amounts gives one record per transaction.
/// A reversal (`RvslInd`) of a payment received is a payment of a negative amount, so the
/// invoice it had settled is open again; a reversal of a payment made is a bank movement
/// of money received. Amounts keep their currency; one in another currency than EUR is
/// booked in euros at the reference rate of its day.
public struct Camt053StatementXML: XMLDialect {
    /// The namespace of every camt.053 version, up to the version number.
    public static let namespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.001."

    /// Whether the document is a camt.053 statement: root `Document` in a camt.053 namespace.
    public static func recognizes(root: String, namespace: String?) -> Bool {
        root == "Document" && version(namespace: namespace) != nil
    }

    /// The statement's account, its balances and its entries.
    public static var selection: XMLRecordReader.Selection { .names(["Acct", "Bal", "Ntry"]) }

    /// The file's name as the shop uploaded it.
    public let file: String
    /// The version found, such as `camt.053.001.02` or `camt.053.001.08`.
    public let dialect: String
    /// A statement holds payments received, bank movements and balances.
    public var kind: DocumentKind { .payments }
    /// The IBAN of the statement being read: its `Acct` comes before its balances and entries.
    private(set) var account: String?

    /// A mapper for one statement file.
    public init(file: String, root: String, namespace: String?) {
        self.file = file
        dialect = Self.version(namespace: namespace).map { "camt.053.001.\($0)" } ?? "camt.053"
    }

    /// The version number of a camt.053 namespace (`02`, `08`); nil for any other namespace.
    static func version(namespace: String?) -> String? {
        guard let namespace, namespace.hasPrefix(namespacePrefix) else { return nil }
        let number = namespace.dropFirst(namespacePrefix.count)
        guard (1...3).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(number)
    }

    /// Maps a statement's `Acct`, `Bal` or `Ntry`.
    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard Self.isInStatement(node) else { return [] }
        switch node.name {
        case "Acct":
            account = node.camt053Text("Id", "IBAN") ?? node.camt053Text("Id", "Othr", "Id")
            return []
        case "Bal":
            return balance(node, log: &log)
        case "Ntry":
            return entry(node, log: &log)
        default:
            return []
        }
    }

    /// Nothing is pending at the end of a statement.
    public func finish(log: inout DiagnosticLog) -> [DocumentRecord] { [] }

    /// Whether the element is a child of a `Stmt`, where accounts, balances and entries are.
    private static func isInStatement(_ node: XMLElementNode) -> Bool {
        let steps = node.path.split(separator: "/")
        guard steps.count >= 2 else { return false }
        let parent = steps[steps.count - 2]
        return parent == "Stmt" || parent.hasPrefix("Stmt[")
    }

    /// The closing booked balance (`CLBD`), signed by its `CdtDbtInd`; other balances are
    /// not kept.
    private func balance(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard node.camt053Text("Tp", "CdOrPrtry", "Cd")?.uppercased() == "CLBD" else { return [] }
        let location = node.camt053Location(file: file)
        var problems: [Diagnostic] = []
        let amount = amount(node.child("Amt"), of: "balance", "Der Saldo", at: location, problems: &problems)
        let sign = direction(in: node, problems: &problems)
        let date = date(in: node, "Dt", "date (Dt)", "kein Datum (Dt)", of: "balance", "Der Saldo", problems: &problems)
        if account == nil { problems.append(.camt053NoAccount(at: location)) }
        log.append(contentsOf: problems)
        guard problems.isEmpty, let amount, let sign, let date, let account else { return [] }
        return [.statementBalance(StatementBalance(account: account, date: date, amount: sign * amount.minorUnits, currency: amount.currency,
                                                   location: location))]
    }
}
