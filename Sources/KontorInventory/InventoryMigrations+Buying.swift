import GRDB

extension InventoryMigrations {
    /// What buying needs of an article: its lead time in days, the least its supplier sells,
    /// and the supplier's name. All optional; the catalogue fills them in.
    static func registerBuying(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-buying-1") { db in
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN lead_time_days INTEGER CHECK (lead_time_days >= 0);
                ALTER TABLE articles ADD COLUMN min_order_quantity INTEGER CHECK (min_order_quantity >= 1);
                ALTER TABLE articles ADD COLUMN supplier TEXT;
                """)
        }
    }
}
