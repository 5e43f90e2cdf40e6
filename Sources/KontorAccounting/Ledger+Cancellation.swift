import GRDB
import KontorCore

extension Ledger {
    /// Posts the cancellation invoice of a whole invoice (a correction document, titled
    /// "Rechnungskorrektur", citing the invoice): every line of the invoice's entry mirrored,
    /// so revenue and VAT per rate, shipping included, go back to what they were before it.
    /// The receivable is credited to the invoice's own open item, which it clears (or turns
    /// into a credit of the customer where the invoice was paid). Nil when there is no such
    /// invoice.
    public func postCancellation(shop: String, invoice: String, date: CalendarDate, batch: Int64) throws -> PostedInvoice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT order_number, customer_key, net, vat, gross, entry_id FROM invoices WHERE shop = ? AND number = ? AND kind = 'invoice'
            """), arguments: [shop, invoice]) else { return nil }
        let order: String = row["order_number"], customer: String = row["customer_key"]
        let date = try openDate(shop: shop, date)
        let number = try nextNumber(shop: shop, series: "GS", year: date.year)
        let receivables = ChartOfAccounts.receivables.number
        let lines = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT account, debit, credit, customer_key FROM journal_lines WHERE entry_id = ? ORDER BY id
            """), arguments: [row["entry_id"] as Int64]).map { line in
            let account: Int = line["account"]
            return Posting(account: LedgerAccount(number: account, name: ""), debit: line["credit"], credit: line["debit"],
                           document: account == receivables ? invoice : number, customerKey: line["customer_key"])
        }
        let entry = try post(shop: shop, date: date, document: number,
                             text: "Rechnungskorrektur \(number) zu Rechnung \(invoice) (Stornierung Bestellung \(order))",
                             lines: lines, batch: batch)
        let net: Int = row["net"], vat: Int = row["vat"], gross: Int = row["gross"]
        try db.cachedStatement(sql: """
            INSERT INTO invoices (shop, number, kind, order_number, customer_key, date, due_date, net, vat, gross, refers_to, entry_id, batch_id)
            VALUES (?, ?, 'credit_note', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, number, order, customer, date.description, date.description, -net, -vat, -gross,
                                     invoice, entry, batch])
        try recordCaseOfCancellation(shop: shop, number: number, of: invoice, date: date)
        return PostedInvoice(number: number, orderNumber: order, net: net, vat: vat, gross: gross)
    }
}
