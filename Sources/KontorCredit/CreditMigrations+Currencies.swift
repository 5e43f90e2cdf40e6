import GRDB

extension CreditMigrations {
    /// Foreign currencies: the euro reference rates a shop received (`exchange_rates`, one
    /// live rate per currency and day), and every booking made in another currency with the
    /// rate it was converted at (`currency_bookings`). Both are set aside, never deleted,
    /// when their batch is reversed.
    public static func registerCurrencies(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("credit-currencies-1") { db in
            try db.execute(sql: """
                CREATE TABLE exchange_rates (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    currency TEXT NOT NULL CHECK (length(currency) = 3),
                    date TEXT NOT NULL,
                    per_euro INTEGER NOT NULL CHECK (per_euro > 0),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted INTEGER NOT NULL DEFAULT 0
                );
                CREATE UNIQUE INDEX exchange_rates_live ON exchange_rates(shop, currency, date) WHERE reverted = 0;
                CREATE INDEX exchange_rates_by_batch ON exchange_rates(batch_id);
                CREATE TABLE currency_bookings (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    kind TEXT NOT NULL CHECK (kind IN ('order', 'payment', 'bank')),
                    document TEXT NOT NULL,
                    order_number TEXT,
                    date TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    shipping INTEGER NOT NULL DEFAULT 0,
                    per_euro INTEGER CHECK (per_euro > 0),
                    euros INTEGER,
                    settled INTEGER,
                    settled_euros INTEGER,
                    difference INTEGER NOT NULL DEFAULT 0,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX currency_bookings_by_order ON currency_bookings(shop, order_number) WHERE order_number IS NOT NULL;
                CREATE INDEX currency_bookings_by_batch ON currency_bookings(batch_id);
                CREATE INDEX currency_bookings_by_currency ON currency_bookings(shop, currency, kind);
                """)
        }
    }
}
