import KontorCore

/// Kontor's own kinds as a German spreadsheet writes them: German column names
/// (`Artikelnummer`, `Bezeichnung`, `VK-Preis`, `MwSt-Satz`, `Bestellnummer`, `Zahlungsart`, …),
/// usually `;`-separated with decimal commas, in Windows-1252 or UTF-8 with a byte order mark.
///
/// The header is renamed onto the canonical columns of the first kind whose identifying
/// columns it then has (``KindDetector``), and each row is mapped by ``CanonicalMapper``
/// under the canonical names, each value keeping its place in the file. German values of
/// choice columns are translated (`Vorkasse` → `prepaid`, `beschädigt` → `damaged`), and
/// problems name the column as the file does: `Menge "zwei" is not a whole number`.
public struct GermanSpreadsheetCSV: CSVDialect {
    /// The file's name as the shop uploaded it.
    public let file: String
    private let header: [String]
    private let plan: GermanColumnPlan
    private var mapper: CanonicalMapper

    /// Whether the header names, after renaming the German names, the identifying columns
    /// of one of Kontor's kinds, with at least one German name among them.
    public static func recognizes(header: [String]) -> Bool {
        GermanColumnPlan(header: header)?.usesGermanNames ?? false
    }

    /// A mapper for one file whose header ``recognizes(header:)`` accepted; `decimalComma`
    /// is true for `;`-separated files. (For any other header it maps nothing but the
    /// canonical mapping's complaints about a products file.)
    public init(file: String, header: [String], decimalComma: Bool) {
        self.file = file
        self.header = header
        plan = GermanColumnPlan(header: header)
            ?? GermanColumnPlan(kind: .products, canonical: [:], remittance: nil, usesGermanNames: false)
        mapper = CanonicalMapper(kind: plan.kind, decimalComma: decimalComma)
    }

    /// `german-spreadsheet-csv`.
    public var dialect: String { "german-spreadsheet-csv" }

    /// The kind the renamed header identifies.
    public var kind: DocumentKind { plan.kind }

    /// Maps one row under its canonical column names; problems go to `log`, worded with the
    /// file's column names.
    public mutating func map(_ record: FlatRecord, log: inout DiagnosticLog) -> [DocumentRecord] {
        var problems = DiagnosticLog(cap: log.cap)
        var records = mapper.map(canonicalRecord(record), log: &problems)
        log.append(contentsOf: problems.diagnostics.map(worded))
        if let column = plan.remittance, record.fields.indices.contains(column) {
            let text = record.fields[column].value.text.trimmingSpaces()
            for case (let index, .payment(var payment)) in records.enumerated() where !text.isEmpty {
                payment.remittance = text
                records[index] = .payment(payment)
            }
        }
        return records
    }

    /// Hands out the last pending order at the end of the file.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] { mapper.finish() }

    /// The row with canonical names and values: German choice words translated, the
    /// purpose text left out when it is only the remittance, the customer's name also the
    /// recipient's when an order has a street but no recipient column.
    private func canonicalRecord(_ record: FlatRecord) -> FlatRecord {
        var fields: [(name: String, value: FieldValue)] = []
        for (index, field) in record.fields.enumerated() {
            guard let name = plan.canonical[index] else {
                if index != plan.remittance { fields.append(field) }
                continue
            }
            var value = field.value
            value.text = GermanValues.canonicalText(value.text, column: name)
            fields.append((name: name, value: value))
        }
        let names = Set(fields.map(\.name))
        if plan.kind == .orders, !names.contains("ship_name"), !names.isDisjoint(with: ["ship_street", "ship_city"]),
           let customer = fields.first(where: { $0.name == "customer_name" }) {
            fields.append((name: "ship_name", value: customer.value))
        }
        return FlatRecord(location: record.location, fields: fields)
    }

    /// A problem of the canonical mapping, naming the column as the file's header does.
    private func worded(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let column = diagnostic.location.column, header.indices.contains(column - 1),
              let canonical = plan.canonical[column - 1] else { return diagnostic }
        let original = header[column - 1]
        guard original != canonical else { return diagnostic }
        var result = diagnostic
        result.message = GermanSpreadsheetCSV.renaming(diagnostic.message, from: canonical, to: original)
        result.messageDE = diagnostic.messageDE.map { GermanSpreadsheetCSV.renaming($0, from: canonical, to: original) }
        if diagnostic.hint == "Every \(canonical) must have a value." { result.hint = "Every \(original) must have a value." }
        return result
    }

    private static func renaming(_ text: String, from canonical: String, to original: String) -> String {
        text.hasPrefix(canonical + " ") ? original + text.dropFirst(canonical.count) : text
    }
}
