import GRDB
import KontorStore

/// The order book's tables: orders, their lines and returns, and the log of their state
/// changes. The identifiers are those of the releases that first shipped them, when the
/// order book was still part of the pipeline; they are never renamed.
public enum OrderMigrations {
    /// Registers the order book's migrations, after those of the modules it refers to.
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("pipeline-1") { db in
            try db.execute(sql: """
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    order_number TEXT NOT NULL,
                    order_date TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    payment_method TEXT NOT NULL,
                    total_gross INTEGER NOT NULL,
                    price_basis TEXT NOT NULL CHECK (price_basis IN ('gross', 'net')),
                    weight_g INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL,
                    invoice_number TEXT,
                    ship_name TEXT, ship_street TEXT, ship_zip TEXT, ship_city TEXT, ship_country TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE UNIQUE INDEX orders_live_number ON orders(shop, order_number) WHERE status != 'reverted';
                CREATE TABLE order_transitions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX order_transitions_by_batch ON order_transitions(batch_id);
                CREATE TABLE order_lines (
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    line INTEGER NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    unit_price INTEGER NOT NULL,
                    vat_rate INTEGER NOT NULL,
                    PRIMARY KEY (order_id, line)
                ) WITHOUT ROWID;
                CREATE TABLE order_returns (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX order_returns_by_order ON order_returns(order_id);
                """)
            try Schema.makeAppendOnly("order_transitions", in: db)
            try Schema.makeAppendOnly("order_lines", in: db)
            try Schema.makeAppendOnly("order_returns", in: db)
        }
        // A reversal's own rows point at what they undo, so that reversing a batch that was
        // itself a forced rerun undoes only what that batch applied, never its reversal.
        migrator.registerMigration("pipeline-2") { db in
            try db.execute(sql: """
                ALTER TABLE order_transitions ADD COLUMN reverses INTEGER REFERENCES order_transitions(id);
                ALTER TABLE order_returns ADD COLUMN reverses INTEGER REFERENCES order_returns(id);
                CREATE INDEX order_returns_by_batch ON order_returns(batch_id);
                """)
        }
    }
}
