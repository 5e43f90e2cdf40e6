import GRDB
import KontorStore

/// Logistics' tables: shipments and their parcels.
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
        // Shipments become what the warehouse works with: held (an address that cannot be
        // printed, no carrier for the destination, customs data missing) or ready with
        // labelled parcels, then shipped, delivered or returned as the carrier's tracking
        // says; the carrier rule that chose the carrier and why. Parcels carry their SSCC,
        // never drawn twice. SQLite cannot change a CHECK constraint: the table is rebuilt.
        migrator.registerMigration("logistics-4") { db in
            try db.execute(sql: """
                CREATE TABLE shipments_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    shipment_id TEXT NOT NULL,
                    order_number TEXT NOT NULL,
                    status TEXT NOT NULL
                        CHECK (status IN ('held', 'ready', 'shipped', 'delivered', 'returned', 'cancelled')),
                    carrier TEXT NOT NULL,
                    service TEXT,
                    product_code TEXT,
                    rule TEXT,
                    rule_reason TEXT,
                    hold_reason TEXT,
                    parcels INTEGER NOT NULL CHECK (parcels >= 0),
                    weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
                    ship_name TEXT,
                    ship_addition TEXT,
                    ship_street TEXT,
                    ship_zip TEXT,
                    ship_city TEXT,
                    ship_country TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    cancelled_by INTEGER REFERENCES batches(id),
                    shipped_on TEXT,
                    tracking_number TEXT,
                    handed_over_on TEXT,
                    delivered_on TEXT,
                    returned_on TEXT,
                    returned_reason TEXT,
                    UNIQUE (shop, shipment_id)
                );
                INSERT INTO shipments_new (id, shop, shipment_id, order_number, status, carrier, parcels, weight_g,
                                           ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id,
                                           cancelled_by, shipped_on)
                    SELECT id, shop, shipment_id, order_number, status, carrier, parcels, weight_g, ship_name,
                           ship_street, ship_zip, ship_city, ship_country, batch_id, cancelled_by, shipped_on
                    FROM shipments;
                DROP TABLE shipments;
                ALTER TABLE shipments_new RENAME TO shipments;
                CREATE INDEX shipments_by_batch ON shipments(batch_id);
                CREATE INDEX shipments_by_order ON shipments(shop, order_number);
                CREATE INDEX shipments_held ON shipments(shop) WHERE status = 'held';
                CREATE INDEX shipments_returned ON shipments(shop) WHERE status = 'returned';
                CREATE TABLE parcels (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    shipment_id TEXT NOT NULL,
                    parcel INTEGER NOT NULL CHECK (parcel > 0),
                    sscc TEXT UNIQUE CHECK (sscc IS NULL OR length(sscc) = 18),
                    weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    cancelled_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX parcels_by_shipment ON parcels(shop, shipment_id);
                CREATE INDEX parcels_by_batch ON parcels(batch_id);
                CREATE TABLE shipment_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    shipment_id TEXT NOT NULL,
                    from_status TEXT NOT NULL,
                    to_status TEXT NOT NULL,
                    date TEXT NOT NULL,
                    tracking_number TEXT,
                    previous_tracking_number TEXT,
                    note TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reversed_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX shipment_events_by_batch ON shipment_events(batch_id);
                CREATE INDEX shipment_events_by_shipment ON shipment_events(shop, shipment_id);
                """)
        }
    }
}
