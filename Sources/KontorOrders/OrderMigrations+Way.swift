import GRDB

extension OrderMigrations {
    /// The way of an order: each change of state says what caused it; an order on account
    /// that waits for stock is found by its customer, as it counts towards what they owe; the
    /// orders that wait are found without reading those that do not, for the lists of what
    /// needs doing.
    public static func registerWay(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-way-1") { db in
            try db.execute(sql: """
                ALTER TABLE order_transitions ADD COLUMN cause TEXT;
                CREATE INDEX orders_awaiting_stock_by_customer ON orders(shop, customer_key) WHERE status = 'awaiting_stock';
                CREATE INDEX orders_held ON orders(shop) WHERE status = 'held';
                CREATE INDEX orders_awaiting_payment ON orders(shop) WHERE status = 'awaiting_payment';
                """)
        }
    }
}
