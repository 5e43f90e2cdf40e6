import GRDB
import KontorCore

extension OrderBook {
    /// Undoes the state changes of `batch`, newest first, logging each undo under `reversal`:
    /// orders it created become `reverted`; orders it moved go back to where they were.
    /// Rows that `batch` wrote as a reversal of an earlier batch are not undone: reversing a
    /// rerun takes back what the rerun applied, and the batch it replaced stays reversed.
    public static func reverse(batch: Int64, by reversal: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO order_returns (order_id, sku, quantity, batch_id, reverses)
            SELECT order_id, sku, -quantity, ?, id FROM order_returns WHERE batch_id = ? AND reverses IS NULL
            """, arguments: [reversal, batch])
        try reverseHolds(batch: batch, in: db)
        try reverseDeliveries(batch: batch, by: reversal, in: db)
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.order_id, t.from_status, t.invoice_number, o.status, o.order_number FROM order_transitions t
            JOIN orders o ON o.id = t.order_id
            WHERE t.batch_id = ? AND t.reverses IS NULL ORDER BY t.id DESC
            """, arguments: [batch])
        // An order the batch moved several times goes back one move at a time.
        var reached: [Int64: String] = [:]
        for row in rows {
            let id: Int64 = row["order_id"]
            let from: String? = row["from_status"]
            let current: String = reached[id] ?? row["status"]
            let target = from ?? OrderStatus.reverted.rawValue
            guard let now = OrderStatus(rawValue: current), let next = OrderStatus(rawValue: target),
                  OrderStatus.mayMove(from: now, to: next) else {
                throw OrderMoveRefused(orderNumber: row["order_number"], from: OrderStatus(rawValue: current),
                                       to: OrderStatus(rawValue: target) ?? .reverted)
            }
            try db.execute(sql: "UPDATE orders SET status = ? WHERE id = ?", arguments: [target, id])
            reached[id] = target
            try db.execute(sql: """
                INSERT INTO order_transitions (order_id, from_status, to_status, batch_id, reverses) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, current, target, reversal, row["id"] as Int64])
            if (row["invoice_number"] as String?) != nil {
                // The undone change issued the order's invoice (a release, a delivery of an order
                // shipping in parts): the number goes with it, and the order carries the invoice
                // of its latest change that stands, if any.
                try db.execute(sql: """
                    UPDATE orders SET invoice_number = (
                        SELECT t.invoice_number FROM order_transitions t
                        WHERE t.order_id = ?1 AND t.invoice_number IS NOT NULL AND t.reverses IS NULL
                          AND NOT EXISTS (SELECT 1 FROM order_transitions u WHERE u.reverses = t.id)
                        ORDER BY t.id DESC LIMIT 1)
                    WHERE id = ?1
                    """, arguments: [id])
            }
        }
    }
}
