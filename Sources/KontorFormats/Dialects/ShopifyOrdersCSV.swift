import KontorCore

/// Shopify's orders export (Admin → Orders → Export, CSV), old 72-column and current
/// 79-column layouts alike: columns are found by their names.
///
/// An order spans one row per line item. Its first row carries the order (`Financial
/// Status`, `Currency`, `Total`, addresses, taxes); further rows repeat `Name` and leave
/// those columns empty. Rows are grouped by `Name`, and the order number is `Name` without
/// its `#`. Prices include VAT. `paid` and `partially_refunded` orders are paid (a partial
/// refund must come as its own payment or return, and a warning says so); `refunded` and
/// `voided` orders, and any order with `Cancelled at`, are recorded as cancelled.
public struct ShopifyOrdersCSV: CSVDialect {
    /// The file's name as the shop uploaded it.
    public let file: String
    /// Whether amounts may have a decimal comma (a `;`-separated file).
    public let decimalComma: Bool
    private let missingColumns: [String]
    private var reportedMissingColumns = false
    private var draft: ShopifyOrderDraft?
    private var finishedNames: Set<String> = []

    /// Whether the header is a Shopify orders export's: at least four column names that
    /// only that export has (`Financial Status`, `Lineitem quantity`, `Lineitem sku`, …).
    public static func recognizes(header: [String]) -> Bool {
        Set(header.map(ShopifyColumns.key)).intersection(ShopifyColumns.distinctive).count >= 4
    }

    /// A mapper for one file; the columns it needs and the header lacks are reported with
    /// the first row.
    public init(file: String, header: [String], decimalComma: Bool) {
        self.file = file
        self.decimalComma = decimalComma
        let present = Set(header.map(ShopifyColumns.key))
        missingColumns = ShopifyColumns.required.filter { !present.contains(ShopifyColumns.key($0)) }
    }

    /// `shopify-orders-csv`.
    public var dialect: String { "shopify-orders-csv" }

    /// Orders.
    public var kind: DocumentKind { .orders }

    /// Reads one row; hands out the previous order when this row starts the next one.
    public mutating func map(_ record: FlatRecord, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard reportMissingColumns(log: &log) else { return [] }
        if record.fields.allSatisfy({ $0.value.text.trimmingSpaces().isEmpty }) { return [] }
        var row = ShopifyRow(record: record, decimalComma: decimalComma)
        guard let name = row.required(ShopifyColumns.name) else {
            log.append(contentsOf: row.problems)
            return []
        }
        var emitted: [DocumentRecord] = []
        if draft?.name != name {
            emitted = handOut(log: &log)
            if finishedNames.contains(name) {
                log.append(Diagnostic("order.split", "the rows of order \(name) are not together: it appeared before, above other orders",
                                      de: "Die Zeilen der Bestellung \(name) stehen nicht zusammen",
                                      hint: "Upload the export as Shopify wrote it: the rows of an order follow each other.",
                                      at: row.location))
                draft = ShopifyOrderDraft(name: name)
                return emitted
            }
            draft = startOrder(name, &row)
        }
        let line = readLine(&row)
        if let line { draft?.order?.lines.append(line) }
        if row.hasErrors { draft?.failed = true }
        log.append(contentsOf: row.problems)
        return emitted
    }

    /// Hands out the last order.
    public mutating func finish(log: inout DiagnosticLog) -> [DocumentRecord] {
        guard reportMissingColumns(log: &log) else { return [] }
        return handOut(log: &log)
    }

    /// Reports the missing required columns once; false while any is missing.
    private mutating func reportMissingColumns(log: inout DiagnosticLog) -> Bool {
        guard !missingColumns.isEmpty else { return true }
        guard !reportedMissingColumns else { return false }
        reportedMissingColumns = true
        for column in missingColumns {
            log.append(Diagnostic(
                "shopify.missing-column", "the Shopify orders export has no column \"\(column)\"",
                de: "Im Shopify-Bestellexport fehlt die Spalte \"\(column)\"",
                hint: "Export the orders again in Shopify (Orders → Export) and upload the file unchanged; Kontor needs the columns \(ShopifyColumns.required.joined(separator: ", ")).",
                at: SourceLocation(file: file, line: 1)))
        }
        return false
    }

    private mutating func handOut(log: inout DiagnosticLog) -> [DocumentRecord] {
        guard let done = draft else { return [] }
        draft = nil
        finishedNames.insert(done.name)
        return done.finished(log: &log).map { [.order($0)] } ?? []
    }
}
