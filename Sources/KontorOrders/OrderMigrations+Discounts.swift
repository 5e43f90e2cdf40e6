import GRDB

extension OrderMigrations {
    /// What a discount leaves in the order book: the discount each line bears (its own and
    /// its share of the order's, in the order's price basis), so that a held order is invoiced
    /// and a return credited at what was charged; and the coupon code the customer gave.
    public static func registerDiscounts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-discounts") { db in
            try db.execute(sql: """
                ALTER TABLE order_lines ADD COLUMN discount INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE orders ADD COLUMN coupon_code TEXT;
                """)
        }
    }
}
