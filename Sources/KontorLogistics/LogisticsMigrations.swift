import GRDB
import KontorStore

/// Logistics' tables: shipments.
public enum LogisticsMigrations {
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("logistics-1") { db in
            try db.execute(sql: """
                CREATE TABLE shipments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    shipment_id TEXT NOT NULL,
                    order_number TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('ready', 'cancelled')),
                    carrier TEXT NOT NULL,
                    parcels INTEGER NOT NULL CHECK (parcels > 0),
                    weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
                    ship_name TEXT,
                    ship_street TEXT,
                    ship_zip TEXT,
                    ship_city TEXT,
                    ship_country TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    cancelled_by INTEGER REFERENCES batches(id),
                    UNIQUE (shop, shipment_id)
                );
                CREATE INDEX shipments_by_batch ON shipments(batch_id);
                """)
        }
        // Shipment numbers come from a counter row from now on, not from counting shipments.
        migrator.registerMigration("logistics-2") { db in
            try db.execute(sql: """
                INSERT INTO counters (shop, series, last) SELECT shop, 'SH', count(*) FROM shipments GROUP BY shop;
                CREATE INDEX shipments_by_order ON shipments(shop, order_number);
                """)
        }
        // The day a shipment left: the delivery date (Leistungsdatum) its invoice states.
        migrator.registerMigration("logistics-3") { db in
            try db.execute(sql: "ALTER TABLE shipments ADD COLUMN shipped_on TEXT")
        }
    }
}
