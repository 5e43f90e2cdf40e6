import GRDB

extension OrderMigrations {
    /// What releasing a held order later needs of it: its shipping charge and whether it came
    /// paid; and, on a state change, the invoice it issued, so that undoing the change takes
    /// the invoice number back too.
    public static func registerRelease(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("pipeline-4") { db in
            try db.execute(sql: """
                ALTER TABLE orders ADD COLUMN shipping INTEGER;
                ALTER TABLE orders ADD COLUMN paid INTEGER;
                ALTER TABLE order_transitions ADD COLUMN invoice_number TEXT;
                """)
        }
    }
}
