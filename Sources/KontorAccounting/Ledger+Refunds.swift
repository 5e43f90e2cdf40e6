import GRDB
import KontorCore

/// What a customer is owed and was paid back: money owed is a credit balance on the
/// customer's receivables (a second payment, a correction of a paid invoice); money paid
/// back is recorded with its batch, per customer.
public struct CustomerRefunds: Sendable, Equatable {
    /// The customer.
    public var customerKey: String
    /// What the shop owes the customer now: their credit balance, in minor units.
    public var owed: Int
    /// What was paid back to the customer so far, in minor units.
    public var paid: Int

    /// A customer's refunds.
    public init(customerKey: String, owed: Int, paid: Int) {
        self.customerKey = customerKey
        self.owed = owed
        self.paid = paid
    }
}

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
}
