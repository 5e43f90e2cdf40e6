import GRDB

extension OrderMigrations {
    /// Indexes for what the way of one file looks up in the order book: an order by its
    /// invoice number (payments name it), and a batch's orders and state changes (rerun).
    public static func registerIndexes(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("pipeline-3") { db in
            try db.execute(sql: """
                CREATE INDEX orders_by_invoice ON orders(shop, invoice_number) WHERE invoice_number IS NOT NULL;
                CREATE INDEX orders_by_batch ON orders(batch_id);
                CREATE INDEX order_transitions_by_order ON order_transitions(order_id);
                """)
        }
    }
}
