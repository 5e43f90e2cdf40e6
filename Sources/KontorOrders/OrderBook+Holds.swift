import GRDB
import KontorCore

extension OrderBook {
    /// Records why a held order needs attention, one row per need, and its lines as the file
    /// gave them (rates only where stated).
    public func hold(_ id: Int64, shop: String, for holds: [AttentionHold], lines: [OrderLine], orderDiscount: Int = 0,
                     batch: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_holds (order_id, shop, need, subject, reason, status, batch_id, order_discount) VALUES (?, ?, ?, ?, ?, 'held', ?, ?)
            """)
        for hold in holds {
            try insert.execute(arguments: [id, shop, hold.need.rawValue, hold.subject, hold.reason, batch, orderDiscount])
        }
        let line = try db.cachedStatement(sql: """
            INSERT INTO order_held_lines (order_id, line, sku, quantity, unit_price, vat_rate, discount) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, l) in lines.enumerated() {
            try line.execute(arguments: [id, index + 1, l.sku, l.quantity, l.unitPrice, l.vatRate?.percent, l.discount])
        }
    }

    /// The order discount of an order held for attention, as its file gave it.
    public func heldOrderDiscount(order id: Int64) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT max(order_discount) FROM order_holds WHERE order_id = ?"),
                         arguments: [id]) ?? 0
    }

    /// What a held order still needs; empty for an order that is not held for attention.
    public func holds(order id: Int64) throws -> [AttentionHold] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT need, subject, reason FROM order_holds WHERE order_id = ? AND status = 'held' ORDER BY id
            """), arguments: [id]).compactMap { row in
            AttentionHold.Need(rawValue: row["need"]).map { AttentionHold(need: $0, subject: row["subject"], reason: row["reason"]) }
        }
    }

    /// The numbers of the orders of a shop that wait for `need` of `subject`, oldest first.
    public func waiting(shop: String, for need: AttentionHold.Need, of subject: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT o.order_number FROM order_holds h JOIN orders o ON o.id = h.order_id
            WHERE h.shop = ? AND h.need = ? AND h.subject = ? AND h.status = 'held'
            ORDER BY o.order_date, o.id
            """), arguments: [shop, need.rawValue, subject])
    }

    /// The lines of an order held for attention as the file gave them.
    public func heldLines(order id: Int64) throws -> [OrderLine] {
        let place = SourceLocation(file: "kontor.sqlite")
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT sku, quantity, unit_price, vat_rate, discount FROM order_held_lines WHERE order_id = ? ORDER BY line
            """), arguments: [id]).map {
            OrderLine(sku: $0["sku"], quantity: $0["quantity"], unitPrice: $0["unit_price"],
                      vatRate: ($0["vat_rate"] as Int?).flatMap(VATRate.init(percent:)), discount: $0["discount"], location: place)
        }
    }

    /// Lifts the holds of an order that needed attention, naming the batch that released it,
    /// and books its lines at the rates now known, unless an earlier release (since taken
    /// back) booked them already; returns the lines as booked.
    public func lift(_ order: BookedOrder, lines: [BookedLine], batch: Int64) throws -> [BookedLine] {
        try liftHolds(order: order.id, batch: batch)
        let booked = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT sku, quantity, unit_price, vat_rate FROM order_lines WHERE order_id = ? ORDER BY line
            """), arguments: [order.id]).map {
            BookedLine(sku: $0["sku"], quantity: $0["quantity"], unitPrice: $0["unit_price"],
                       rate: VATRate(percent: $0["vat_rate"]) ?? .standard)
        }
        guard booked.isEmpty else { return booked }
        try addLines(lines, order: order.id)
        return lines
    }

    /// Sets the total, weight, customer and shipping charge of an order priced on its
    /// release (`order` as it is now: the customer found by the e-mail address it named; the
    /// shipping charge in euros for an order in another currency), and its VAT case as
    /// decided again with the customer known now.
    public func reprice(_ order: BookedOrder, shipping: Int, vatCase: VATCase = .domestic) throws {
        try db.cachedStatement(sql: "UPDATE orders SET total_gross = ?, weight_g = ?, customer_key = ?, shipping = ?, vat_case = ? WHERE id = ?")
            .execute(arguments: [order.totalGross, order.weightGrams, order.customerKey, shipping, vatCase.stored, order.id])
    }

    /// Lifts what holds an order for attention, naming the batch (a release or a cancellation).
    public func liftHolds(order id: Int64, batch: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE order_holds SET status = 'released', released_by = ? WHERE order_id = ? AND status = 'held'
            """).execute(arguments: [batch, id])
    }

    /// Undoes what `batch` did to holds: the holds it placed are reverted, those it lifted
    /// are held again.
    static func reverseHolds(batch: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE order_holds SET status = 'reverted' WHERE batch_id = ? AND status != 'reverted'",
                       arguments: [batch])
        try db.execute(sql: """
            UPDATE order_holds SET status = 'held', released_by = NULL WHERE released_by = ? AND status = 'released'
            """, arguments: [batch])
    }

    /// Hands the orders held for attention by a batch to `body`, one per order, with their
    /// reasons joined.
    public static func forEachHold(batch: Int64, in db: Database,
                                   _ body: (_ order: String, _ customer: String, _ reason: String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.order_number, o.customer_key, group_concat(h.reason, '; ') AS reasons
            FROM order_holds h JOIN orders o ON o.id = h.order_id
            WHERE h.batch_id = ? GROUP BY h.order_id ORDER BY min(h.id)
            """, arguments: [batch])
        while let row = try rows.next() { try body(row["order_number"], row["customer_key"], row["reasons"]) }
    }

    /// Why a live order is held for attention, its reasons joined, or nil.
    public static func attentionReason(shop: String, order number: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT group_concat(h.reason, '; ') FROM order_holds h JOIN orders o ON o.id = h.order_id
            WHERE o.shop = ? AND o.order_number = ? AND o.status != 'reverted' AND h.status = 'held'
            """, arguments: [shop, number])
    }
}
