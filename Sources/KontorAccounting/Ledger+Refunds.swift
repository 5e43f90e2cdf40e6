import GRDB
import KontorCore

extension Ledger {
    /// Records money paid back to a customer on a document, by the bank or a provider (`channel`).
    public func recordRefund(shop: String, customerKey: String, document: String, amount: Int, date: CalendarDate,
                             channel: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO refunds (shop, customer_key, document, amount, date, channel, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, customerKey, document, amount, date.description, channel, batch])
    }

    /// What the shop owes a customer: their credit balance, zero if they owe or are even.
    public func refundOwed(shop: String, customerKey: String) throws -> Int {
        max(0, -(try exposure(shop: shop, customerKey: customerKey)))
    }

    /// Every customer of a shop who is owed money or was paid some back, by customer.
    public static func refunds(shop: String, in db: Database) throws -> [CustomerRefunds] {
        try Row.fetchAll(db, sql: """
            SELECT customer_key, SUM(owed) AS owed, SUM(paid) AS paid FROM (
                SELECT customer_key, -open AS owed, 0 AS paid FROM customer_balances WHERE shop = ?1 AND open < 0
                UNION ALL
                SELECT customer_key, 0, amount FROM refunds WHERE shop = ?1
            ) GROUP BY customer_key HAVING SUM(owed) != 0 OR SUM(paid) != 0 ORDER BY customer_key
            """, arguments: [shop]).map {
            CustomerRefunds(customerKey: $0["customer_key"], owed: $0["owed"], paid: $0["paid"])
        }
    }

    /// Takes back the refunds a batch recorded, with rows of the opposite amount booked to `reversal`.
    func reverseRefunds(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: """
            INSERT INTO refunds (shop, customer_key, document, amount, date, channel, batch_id, reverses)
            SELECT shop, customer_key, document, -amount, date, channel, ?, id FROM refunds WHERE batch_id = ? AND reverses IS NULL
            """, arguments: [reversal, batch])
    }

    /// Gross of the invoice corrections of an invoice so far (positive).
    public func corrected(shop: String, invoice: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(-SUM(gross), 0) FROM invoices WHERE shop = ? AND refers_to = ? AND kind = 'credit_note'
            """), arguments: [shop, invoice]) ?? 0
    }
}
