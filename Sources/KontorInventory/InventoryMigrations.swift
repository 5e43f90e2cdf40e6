import GRDB
import KontorStore

/// Inventory's tables: articles, the append-only stock and reservation ledgers, and the
/// balances kept in the same transaction as the movements that change them.
public enum InventoryMigrations {
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-1") { db in
            try db.execute(sql: """
                CREATE TABLE articles (
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    sku TEXT NOT NULL CHECK (length(sku) > 0),
                    name TEXT NOT NULL,
                    price_gross INTEGER NOT NULL CHECK (price_gross >= 0),
                    vat_rate INTEGER NOT NULL CHECK (vat_rate IN (0, 7, 19)),
                    weight_g INTEGER CHECK (weight_g >= 0),
                    ean TEXT,
                    reorder_point INTEGER CHECK (reorder_point >= 0),
                    cost INTEGER CHECK (cost >= 0),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    PRIMARY KEY (shop, sku)
                ) WITHOUT ROWID;
                CREATE TABLE stock_movements (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    warehouse TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('count', 'receipt', 'issue', 'return', 'reversal')),
                    reference TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES stock_movements(id),
                    FOREIGN KEY (shop, sku) REFERENCES articles(shop, sku)
                );
                CREATE INDEX stock_movements_by_batch ON stock_movements(batch_id);
                CREATE TABLE reservations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    order_number TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    warehouse TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES reservations(id)
                );
                CREATE INDEX reservations_by_order ON reservations(shop, order_number);
                CREATE INDEX reservations_by_batch ON reservations(batch_id);
                CREATE TABLE stock_balances (
                    shop TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    warehouse TEXT NOT NULL,
                    on_hand INTEGER NOT NULL DEFAULT 0,
                    reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
                    PRIMARY KEY (shop, sku, warehouse)
                ) WITHOUT ROWID;
                """)
            try Schema.makeAppendOnly("stock_movements", in: db)
            try Schema.makeAppendOnly("reservations", in: db)
        }
        // The last line of defence for stock figures: SQLite turns an integer sum that
        // overflows into a REAL, which would corrupt the balance for good. A figure outside
        // what any shop holds is refused, so the file that brought it is rejected whole.
        migrator.registerMigration("inventory-2") { db in
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER stock_balances_in_range_\(event.lowercased()) BEFORE \(event) ON stock_balances
                    WHEN typeof(NEW.on_hand) != 'integer' OR typeof(NEW.reserved) != 'integer'
                      OR abs(NEW.on_hand) > \(Self.maxStockFigure) OR NEW.reserved > \(Self.maxStockFigure)
                    BEGIN SELECT RAISE(ABORT, 'stock figure out of range: on hand and reserved stay within ±1,000,000,000,000'); END;
                    """)
            }
        }
        registerOpenReservations(in: &migrator)
        registerQueueByOrderDate(in: &migrator)
        registerLogistics(in: &migrator)
        registerValue(in: &migrator)
        registerBuying(in: &migrator)
    }

    /// The queue of open reservations by order date, then by arrival: an order placed earlier
    /// is served first, even if its file came later. A reservation keeps the date it queues
    /// by; reservations made before have none and come first.
    static func registerQueueByOrderDate(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-4") { db in
            try db.execute(sql: """
                ALTER TABLE reservations ADD COLUMN queued_on TEXT;
                ALTER TABLE open_reservations ADD COLUMN queued_on TEXT NOT NULL DEFAULT '';
                DROP INDEX open_reservations_queue;
                CREATE INDEX open_reservations_queue ON open_reservations(shop, sku, warehouse, queued_on, seq);
                """)
        }
    }

    /// Open reservations, kept in the same transaction as the reservation ledger: one row per
    /// order and article while goods are reserved for it, with its place in the queue (the
    /// id of its first reservation). Who is served first is read from these rows alone, so
    /// its cost follows the orders that wait, never the history of all orders.
    static func registerOpenReservations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-3") { db in
            try db.execute(sql: """
                CREATE TABLE open_reservations (
                    shop TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    warehouse TEXT NOT NULL,
                    order_number TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    quantity INTEGER NOT NULL,
                    PRIMARY KEY (shop, sku, warehouse, order_number)
                ) WITHOUT ROWID;
                CREATE INDEX open_reservations_queue ON open_reservations(shop, sku, warehouse, seq);
                INSERT INTO open_reservations (shop, sku, warehouse, order_number, seq, quantity)
                SELECT shop, sku, warehouse, order_number, MIN(id), SUM(quantity) FROM reservations
                GROUP BY shop, sku, warehouse, order_number HAVING SUM(quantity) > 0;
                CREATE INDEX reservations_by_order_sku ON reservations(shop, order_number, sku);
                CREATE INDEX stock_movements_by_article ON stock_movements(shop, sku, warehouse);
                """)
        }
    }

    /// The largest stock figure (on hand or reserved) the books accept.
    public static let maxStockFigure = 1_000_000_000_000
}
