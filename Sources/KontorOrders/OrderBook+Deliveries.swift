import GRDB
import KontorCore
import KontorStore

/// The deliveries of orders that ship in parts (`PartDelivery`), each with its invoice and
/// its shipment.
extension OrderBook {
    /// Records a delivery of the order `id`: its invoice and the invoice's gross, its
    /// shipment, and the units of each line it took.
    public func record(_ delivery: PartDelivery, order id: Int64, invoice: String, gross: Int, shipment: String,
                       batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO order_deliveries (order_id, invoice_number, shipment_id, gross, carries_shipping, batch_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """).run(id, invoice, shipment, gross, delivery.isFirst, batch)
        let row = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_delivery_lines (delivery_id, line, sku, quantity, discount) VALUES (?, ?, ?, ?, ?)
            """)
        for taken in delivery.lines {
            try insert.run(row, taken.index + 1, taken.line.sku, taken.line.quantity, taken.line.discount)
        }
    }

    /// The units of each line (by index, from 0) that the live deliveries of the order `id`
    /// took; empty for an order that has not shipped in parts.
    public func delivered(order id: Int64) throws -> [Int: Int] {
        var units: [Int: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.line, SUM(l.quantity) AS q FROM order_deliveries d JOIN order_delivery_lines l ON l.delivery_id = d.id
            WHERE d.order_id = ? AND d.reverted_by IS NULL GROUP BY l.line
            """), arguments: [id]) {
            units[(row["line"] as Int) - 1] = row["q"]
        }
        return units
    }

    /// Whether any order of the books went out in parts: documents and listings read the
    /// deliveries only then.
    public func anyDeliveries() throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM order_deliveries")) != nil
    }

    /// Whether the order `id` went out in parts: it has a live delivery of its own.
    public func shipsInParts(order id: Int64) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM order_deliveries WHERE order_id = ? AND reverted_by IS NULL LIMIT 1
            """), arguments: [id]) != nil
    }

    /// What the invoices of the live deliveries of the order `id` add up to; 0 for an order
    /// that has not shipped in parts.
    public func deliveredGross(order id: Int64) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(gross), 0) FROM order_deliveries WHERE order_id = ? AND reverted_by IS NULL
            """), arguments: [id]) ?? 0
    }

    /// The invoices of the live deliveries of the order `id`, in the order they were issued;
    /// empty for an order that has not shipped in parts.
    public func deliveryInvoices(order id: Int64) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT invoice_number FROM order_deliveries WHERE order_id = ? AND reverted_by IS NULL ORDER BY id
            """), arguments: [id])
    }

    /// One delivery of the order `id`, named by its invoice or its shipment: its invoice,
    /// its shipment, whether its invoice carries the shipping charge (the order's first
    /// delivery), and its lines (the units and share of discount each took, at the order
    /// line's price and rate). Nil when no delivery of the order has that invoice or
    /// shipment: the order went out whole.
    public func delivery(order id: Int64, invoice: String? = nil, shipment: String? = nil) throws
        -> (invoice: String, shipment: String, carriesShipping: Bool, lines: [BookedLine])? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT d.invoice_number, d.shipment_id, d.carries_shipping, l.sku, l.quantity, l.discount, o.unit_price, o.vat_rate
            FROM order_deliveries d
            JOIN order_delivery_lines l ON l.delivery_id = d.id
            JOIN order_lines o ON o.order_id = d.order_id AND o.line = l.line
            WHERE d.order_id = ? AND (d.invoice_number = ? OR d.shipment_id = ?) ORDER BY d.id, l.line
            """), arguments: [id, invoice, shipment])
        guard let first = rows.first else { return nil }
        return (first["invoice_number"], first["shipment_id"], first["carries_shipping"], rows.map {
            BookedLine(sku: $0["sku"], quantity: $0["quantity"], unitPrice: $0["unit_price"],
                       rate: VATRate(percent: $0["vat_rate"]) ?? .standard, discount: $0["discount"])
        })
    }

    /// Marks the deliveries `batch` recorded as undone by `reversal`.
    static func reverseDeliveries(batch: Int64, by reversal: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE order_deliveries SET reverted_by = ? WHERE batch_id = ? AND reverted_by IS NULL",
                       arguments: [reversal, batch])
    }
}
