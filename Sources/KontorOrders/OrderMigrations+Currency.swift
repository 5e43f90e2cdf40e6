import GRDB

extension OrderMigrations {
    /// An order in another currency than EUR waits for the reference rate of its day: a
    /// need of its own (`currency`, its subject the currency code). SQLite cannot change a
    /// CHECK constraint in place, so `order_holds` is rebuilt with its rows and indexes.
    public static func registerCurrency(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-currency-1") { db in
            try db.execute(sql: """
                CREATE TABLE order_holds_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    need TEXT NOT NULL CHECK (need IN ('article', 'customer', 'rate', 'currency')),
                    subject TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('held', 'released', 'reverted')),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    released_by INTEGER REFERENCES batches(id),
                    order_discount INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO order_holds_new (id, order_id, shop, need, subject, reason, status, batch_id, released_by, order_discount)
                SELECT id, order_id, shop, need, subject, reason, status, batch_id, released_by, order_discount FROM order_holds;
                DROP TABLE order_holds;
                ALTER TABLE order_holds_new RENAME TO order_holds;
                CREATE INDEX order_holds_by_need ON order_holds(shop, need, subject);
                CREATE INDEX order_holds_by_order ON order_holds(order_id);
                CREATE INDEX order_holds_by_batch ON order_holds(batch_id);
                CREATE INDEX order_holds_by_release ON order_holds(released_by) WHERE released_by IS NOT NULL;
                """)
        }
    }
}
