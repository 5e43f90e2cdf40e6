import GRDB

extension OrderMigrations {
    /// The VAT case decided for an order when it came (`VATCase.stored`; NULL: domestic), so
    /// that an order invoiced later is invoiced under the same case.
    public static func registerVATCase(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("orders-vat-case-1") { db in
            try db.execute(sql: "ALTER TABLE orders ADD COLUMN vat_case TEXT")
        }
    }
}
