import GRDB
import KontorStore

extension InventoryMigrations {
    /// The history of each article's price, cost and VAT rate: every value a products file,
    /// catalogue or price update gave that differs from the one before (the first included),
    /// with the batch that brought it, written by triggers so that no path that sets a price
    /// can skip it. Articles booked before keep their current values as their first entry.
    public static func registerPriceHistory(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("inventory-price-history-1") { db in
            try db.execute(sql: """
                CREATE TABLE article_price_changes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    sku TEXT NOT NULL,
                    price_gross INTEGER NOT NULL,
                    vat_rate INTEGER NOT NULL,
                    cost INTEGER,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX article_price_changes_by_article ON article_price_changes(shop, sku);
                CREATE INDEX article_price_changes_by_batch ON article_price_changes(batch_id);
                CREATE TRIGGER articles_price_set AFTER INSERT ON articles BEGIN
                    INSERT INTO article_price_changes (shop, sku, price_gross, vat_rate, cost, batch_id)
                    VALUES (new.shop, new.sku, new.price_gross, new.vat_rate, new.cost, new.batch_id);
                END;
                CREATE TRIGGER articles_price_changed AFTER UPDATE OF price_gross, vat_rate, cost ON articles
                WHEN old.price_gross IS NOT new.price_gross OR old.vat_rate IS NOT new.vat_rate OR old.cost IS NOT new.cost BEGIN
                    INSERT INTO article_price_changes (shop, sku, price_gross, vat_rate, cost, batch_id)
                    VALUES (new.shop, new.sku, new.price_gross, new.vat_rate, new.cost, new.batch_id);
                END;
                INSERT INTO article_price_changes (shop, sku, price_gross, vat_rate, cost, batch_id)
                SELECT shop, sku, price_gross, vat_rate, cost, batch_id FROM articles;
                """)
            try Schema.makeAppendOnly("article_price_changes", in: db)
        }
    }
}
