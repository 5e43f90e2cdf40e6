import GRDB

extension InventoryMigrations {
    /// The value of stock (moving weighted average cost): every movement carries its value in
    /// minor units, signed like its quantity, and every balance the sum of its movements'
    /// values. Valuation starts with this migration: movements booked before it keep the
    /// value 0, so stock on hand then is worth nothing until it leaves (see docs/accounting.md).
    static func registerValue(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-value-1") { db in
            try db.execute(sql: """
                ALTER TABLE stock_movements ADD COLUMN value INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE stock_balances ADD COLUMN value INTEGER NOT NULL DEFAULT 0;
                """)
            // SQLite turns an integer sum that overflows into a REAL; refuse it, as for on hand.
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER stock_balances_value_integer_\(event.lowercased()) BEFORE \(event) ON stock_balances
                    WHEN typeof(NEW.value) != 'integer'
                    BEGIN SELECT RAISE(ABORT, 'stock value out of range'); END;
                    """)
            }
        }
    }
}
