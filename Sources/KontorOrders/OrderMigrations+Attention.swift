import GRDB
import KontorStore

extension OrderMigrations {
    /// Orders held "needs attention": what each waits for (`order_holds`, one row per need,
    /// lifted by the batch that released it), and its lines as the file gave them
    /// (`order_held_lines`: the rate only where the file stated one), since an unknown
    /// article has no rate yet; its `order_lines` are written when it is released.
    public static func registerAttention(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-attention-1") { db in
            try db.execute(sql: """
                CREATE TABLE order_holds (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    need TEXT NOT NULL CHECK (need IN ('article', 'customer', 'rate')),
                    subject TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('held', 'released', 'reverted')),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    released_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX order_holds_by_need ON order_holds(shop, need, subject);
                CREATE INDEX order_holds_by_order ON order_holds(order_id);
                CREATE INDEX order_holds_by_batch ON order_holds(batch_id);
                CREATE INDEX order_holds_by_release ON order_holds(released_by) WHERE released_by IS NOT NULL;
                CREATE TABLE order_held_lines (
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    line INTEGER NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    unit_price INTEGER NOT NULL,
                    vat_rate INTEGER,
                    PRIMARY KEY (order_id, line)
                ) WITHOUT ROWID;
                """)
            try Schema.makeAppendOnly("order_held_lines", in: db)
        }
    }

    /// The discounts of an order held for attention: each held line's own, and the order's,
    /// spread over the lines when the order is released and its rates are known.
    public static func registerAttentionDiscounts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-attention-2") { db in
            try db.execute(sql: """
                ALTER TABLE order_held_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE order_holds ADD COLUMN order_discount INTEGER NOT NULL DEFAULT 0;
                """)
        }
    }
}
