import GRDB
import KontorStore

extension InventoryMigrations {
    /// Transfers between warehouses are movements of their own kind, `transfer`. SQLite
    /// cannot change a CHECK constraint in place, so `stock_movements` is rebuilt with its
    /// rows (ids kept, so every `reverses` still points where it did), its indexes and its
    /// append-only triggers. The rebuilt table is cheaper to write to: its kinds are checked
    /// as a chain of comparisons (SQLite 3.40 builds a temporary B-tree for an `IN` list of
    /// more than two values on every insert), and its ids need no `AUTOINCREMENT`, since
    /// no row is ever deleted (no `sqlite_sequence` row to read and write per insert).
    public static func registerTransfers(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-transfers-1") { db in
            try db.execute(sql: """
                CREATE TABLE stock_movements_new (
                    id INTEGER PRIMARY KEY,
                    shop TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    warehouse TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind = 'count' OR kind = 'receipt' OR kind = 'issue' OR kind = 'return'
                                              OR kind = 'reversal' OR kind = 'transfer'),
                    reference TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES stock_movements(id),
                    value INTEGER NOT NULL DEFAULT 0,
                    FOREIGN KEY (shop, sku) REFERENCES articles(shop, sku)
                );
                INSERT INTO stock_movements_new (id, shop, sku, warehouse, quantity, kind, reference, batch_id, reverses, value)
                SELECT id, shop, sku, warehouse, quantity, kind, reference, batch_id, reverses, value FROM stock_movements;
                DROP TABLE stock_movements;
                ALTER TABLE stock_movements_new RENAME TO stock_movements;
                CREATE INDEX stock_movements_by_batch ON stock_movements(batch_id);
                CREATE INDEX stock_movements_by_article ON stock_movements(shop, sku, warehouse);
                """)
            // The append-only triggers went with the old table.
            try Schema.makeAppendOnly("stock_movements", in: db)
        }
    }
}
