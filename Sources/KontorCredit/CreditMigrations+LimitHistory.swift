import GRDB
import KontorStore

extension CreditMigrations {
    /// The history of each customer's credit limit: every limit a customers file gave that
    /// differs from the one before (the first included), with the batch that brought it,
    /// written by triggers so that no path that sets a limit can skip it.
    public static func registerLimitHistory(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("credit-limit-history-1") { db in
            try db.execute(sql: """
                CREATE TABLE credit_limit_changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    customer_id TEXT NOT NULL,
                    old_limit INTEGER,
                    new_limit INTEGER,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX credit_limit_changes_by_customer ON credit_limit_changes(shop, customer_id);
                CREATE TRIGGER customers_limit_set AFTER INSERT ON customers WHEN new.credit_limit IS NOT NULL BEGIN
                    INSERT INTO credit_limit_changes (shop, customer_id, old_limit, new_limit, batch_id)
                    VALUES (new.shop, new.customer_id, NULL, new.credit_limit, new.batch_id);
                END;
                CREATE TRIGGER customers_limit_changed AFTER UPDATE OF credit_limit ON customers
                WHEN old.credit_limit IS NOT new.credit_limit BEGIN
                    INSERT INTO credit_limit_changes (shop, customer_id, old_limit, new_limit, batch_id)
                    VALUES (new.shop, new.customer_id, old.credit_limit, new.credit_limit, new.batch_id);
                END;
                INSERT INTO credit_limit_changes (shop, customer_id, old_limit, new_limit, batch_id)
                SELECT shop, customer_id, NULL, credit_limit, batch_id FROM customers WHERE credit_limit IS NOT NULL;
                """)
            try Schema.makeAppendOnly("credit_limit_changes", in: db)
        }
    }
}
