import GRDB
import KontorStore

/// Credit's tables: customers with their limits, and credit holds.
public enum CreditMigrations {
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("credit-1") { db in
            try db.execute(sql: """
                CREATE TABLE customers (
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    customer_id TEXT NOT NULL CHECK (length(customer_id) > 0),
                    name TEXT NOT NULL,
                    email TEXT NOT NULL,
                    credit_limit INTEGER CHECK (credit_limit >= 0),
                    payment_terms_days INTEGER CHECK (payment_terms_days >= 0),
                    vat_id TEXT,
                    country TEXT,
                    street TEXT,
                    zip TEXT,
                    city TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    PRIMARY KEY (shop, customer_id)
                ) WITHOUT ROWID;
                CREATE INDEX customers_by_email ON customers(shop, email);
                CREATE TABLE credit_holds (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL,
                    order_number TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    exposure INTEGER NOT NULL,
                    credit_limit INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('held', 'released', 'reverted')),
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX credit_holds_by_customer ON credit_holds(shop, customer_key);
                CREATE INDEX credit_holds_by_batch ON credit_holds(batch_id);
                CREATE TABLE bank_transactions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    account TEXT,
                    date TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    counterparty TEXT,
                    text TEXT,
                    reference TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES bank_transactions(id)
                );
                CREATE INDEX bank_transactions_by_batch ON bank_transactions(batch_id);
                CREATE TABLE bank_balances (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    account TEXT NOT NULL,
                    date TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted INTEGER NOT NULL DEFAULT 0 CHECK (reverted IN (0, 1))
                );
                CREATE INDEX bank_balances_by_account ON bank_balances(shop, account, date);
                """)
            try Schema.makeAppendOnly("bank_transactions", in: db)
        }
        // Customers are found by e-mail address whatever its case, through an index; a hold
        // that a person released names the batch that released it.
        migrator.registerMigration("credit-2") { db in
            try db.execute(sql: """
                CREATE INDEX customers_by_email_lower ON customers(shop, lower(email));
                ALTER TABLE credit_holds ADD COLUMN released_by INTEGER REFERENCES batches(id);
                CREATE INDEX credit_holds_by_order ON credit_holds(shop, order_number);
                CREATE INDEX credit_holds_by_release ON credit_holds(released_by) WHERE released_by IS NOT NULL;
                """)
        }
            // Dunning: the letters issued per invoice with their level, fees and interest (a
        // revert marks them, naming its batch); invoices stopped from dunning; per customer,
        // whether they are a business (nil: decided by the VAT ID) and a dunning stop.
        migrator.registerMigration("credit-dunning-1") { db in
            try db.execute(sql: """
                CREATE TABLE dunning_notices (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    document TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level >= 0),
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    deadline TEXT NOT NULL,
                    principal INTEGER NOT NULL,
                    fee INTEGER NOT NULL CHECK (fee >= 0),
                    interest INTEGER NOT NULL CHECK (interest >= 0),
                    interest_from TEXT,
                    interest_through TEXT,
                    flat_fee INTEGER NOT NULL CHECK (flat_fee >= 0),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX dunning_notices_by_document ON dunning_notices(shop, document);
                CREATE INDEX dunning_notices_by_batch ON dunning_notices(batch_id);
                CREATE INDEX dunning_notices_by_date ON dunning_notices(shop, date);
                CREATE TABLE dunning_stops (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    document TEXT NOT NULL,
                    note TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted_by INTEGER REFERENCES batches(id)
                );
                CREATE INDEX dunning_stops_by_document ON dunning_stops(shop, document);
                CREATE INDEX dunning_stops_by_batch ON dunning_stops(batch_id);
                ALTER TABLE customers ADD COLUMN business INTEGER CHECK (business IN (0, 1));
                ALTER TABLE customers ADD COLUMN dunning_stop INTEGER CHECK (dunning_stop IN (0, 1));
                """)
        }
        // A customer may be blocked from buying on account; the credit check finds a
        // customer's dunned invoices through their notices.
        migrator.registerMigration("credit-blocked-1") { db in
            try db.execute(sql: """
                ALTER TABLE customers ADD COLUMN blocked INTEGER;
                CREATE INDEX dunning_notices_by_customer ON dunning_notices(shop, customer_key, level);
                """)
        }
        // The holds still open, for the list written after every run.
        migrator.registerMigration("credit-holds-open-1") { db in
            try db.execute(sql: "CREATE INDEX credit_holds_open ON credit_holds(shop) WHERE status = 'held'")
        }
    }
}
