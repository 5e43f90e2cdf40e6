import GRDB

extension InventoryMigrations {
    /// What logistics needs of an article: its bin (Lagerplatz), its customs tariff number
    /// and country of origin for shipments abroad, the warehouse it is kept in.
    static func registerLogistics(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-logistics-1") { db in
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN bin TEXT;
                ALTER TABLE articles ADD COLUMN tariff_number TEXT
                    CHECK (tariff_number IS NULL OR (length(tariff_number) BETWEEN 6 AND 11 AND tariff_number NOT GLOB '*[^0-9]*'));
                ALTER TABLE articles ADD COLUMN origin_country TEXT
                    CHECK (origin_country IS NULL OR (length(origin_country) = 2 AND origin_country GLOB '[A-Z][A-Z]'));
                ALTER TABLE articles ADD COLUMN warehouse TEXT;
                """)
        }
    }
}
