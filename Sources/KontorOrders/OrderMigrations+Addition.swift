import GRDB

extension OrderMigrations {
    /// The line of the delivery address between name and street (Adresszusatz): c/o, a
    /// company or department, a Packstation customer's post number.
    public static func registerAddition(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-addition-1") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN ship_addition TEXT")
        }
    }
}
