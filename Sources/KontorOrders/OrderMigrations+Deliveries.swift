import GRDB

extension OrderMigrations {
    /// The deliveries of an order that ships in parts: per delivery its invoice (a
    /// Teilrechnung) with its gross and whether it carries the shipping charge, its shipment, and the units and share of discount of
    /// each line it took. A delivery undone by a reversal keeps its rows, marked with the
    /// reversing batch.
    public static func registerDeliveries(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-deliveries-1") { db in
            try db.execute(sql: """
                CREATE TABLE order_deliveries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    invoice_number TEXT NOT NULL,
                    shipment_id TEXT NOT NULL,
                    gross INTEGER NOT NULL,
                    carries_shipping INTEGER NOT NULL DEFAULT 0 CHECK (carries_shipping IN (0, 1)),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX order_deliveries_by_order ON order_deliveries(order_id);
                CREATE INDEX order_deliveries_by_batch ON order_deliveries(batch_id);
                CREATE INDEX order_deliveries_by_invoice ON order_deliveries(invoice_number);
                CREATE TABLE order_delivery_lines (
                    delivery_id INTEGER NOT NULL REFERENCES order_deliveries(id),
                    line INTEGER NOT NULL CHECK (line > 0),
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    discount INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (delivery_id, line)
                );
                """)
        }
    }
}
