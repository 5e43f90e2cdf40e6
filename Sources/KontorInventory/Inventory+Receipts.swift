import GRDB
import KontorCore

/// One line of a goods receipt as its supplier's invoice follows from it.
public struct ReceivedGoods: Sendable, Equatable {
    /// The day the receipt's file came in.
    public var date: CalendarDate
    public var sku: String
    /// The receipt's reference, else its supplier, as the file gave them.
    public var reference: String?
    public var quantity: Int
    /// What the goods cost net: the quantity at the receipt's unit cost, else the article's.
    public var net: Int
    /// The article's VAT rate in percent.
    public var vatPercent: Int
}

extension Inventory {
    /// The goods `shop` received from `from` on, by day: each receipt line of an applied
    /// batch (a reverted file's receipts are left out), dated the day its file came in.
    /// Reads the shop's movements: for reports made on demand.
    public static func receipts(shop: String, from: CalendarDate, in db: Database) throws -> [ReceivedGoods] {
        try Row.fetchAll(db, sql: """
            SELECT substr(b.received_at, 1, 10) AS day, m.sku, m.reference, m.quantity, m.value, a.vat_rate
            FROM stock_movements m JOIN batches b ON b.id = m.batch_id JOIN articles a ON a.shop = m.shop AND a.sku = m.sku
            WHERE m.shop = ?1 AND m.kind = 'receipt' AND b.status = 'applied' AND substr(b.received_at, 1, 10) >= ?2
            ORDER BY day, m.id
            """, arguments: [shop, from.description]).compactMap { row in
            CalendarDate(parsing: row["day"]).map {
                ReceivedGoods(date: $0, sku: row["sku"], reference: row["reference"], quantity: row["quantity"], net: row["value"],
                              vatPercent: row["vat_rate"])
            }
        }
    }
}
