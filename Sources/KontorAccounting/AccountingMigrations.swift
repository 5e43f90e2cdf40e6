import GRDB
import KontorStore

/// Accounting's tables: the chart of accounts, the append-only journal, invoices and
/// credit notes, and the gap-free number ranges.
public enum AccountingMigrations {
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("accounting-1") { db in
            try db.execute(sql: """
                CREATE TABLE accounts (
                    account INTEGER PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE TABLE journal_entries (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    date TEXT NOT NULL,
                    document TEXT NOT NULL,
                    text TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES journal_entries(id)
                );
                CREATE INDEX journal_entries_by_batch ON journal_entries(batch_id);
                CREATE TABLE journal_lines (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
                    shop TEXT NOT NULL,
                    account INTEGER NOT NULL REFERENCES accounts(account),
                    debit INTEGER NOT NULL CHECK (debit >= 0),
                    credit INTEGER NOT NULL CHECK (credit >= 0),
                    document TEXT,
                    customer_key TEXT,
                    CHECK (debit = 0 OR credit = 0)
                );
                CREATE INDEX journal_lines_by_entry ON journal_lines(entry_id);
                CREATE INDEX journal_lines_open_items ON journal_lines(shop, account, customer_key);
                CREATE INDEX journal_lines_by_document ON journal_lines(shop, document);
                CREATE TABLE invoices (
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    number TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
                    order_number TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    date TEXT NOT NULL,
                    due_date TEXT NOT NULL,
                    net INTEGER NOT NULL,
                    vat INTEGER NOT NULL,
                    gross INTEGER NOT NULL CHECK (gross = net + vat),
                    refers_to TEXT,
                    entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    PRIMARY KEY (shop, number)
                ) WITHOUT ROWID;
                CREATE INDEX invoices_by_order ON invoices(shop, order_number);
                CREATE TABLE number_ranges (
                    shop TEXT NOT NULL,
                    series TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    last INTEGER NOT NULL CHECK (last >= 0),
                    PRIMARY KEY (shop, series, year)
                ) WITHOUT ROWID;
                """)
            try Schema.makeAppendOnly("journal_entries", in: db)
            try Schema.makeAppendOnly("journal_lines", in: db)
            try Schema.makeAppendOnly("invoices", in: db)
            for account in ChartOfAccounts.skr03 {
                try db.execute(sql: "INSERT INTO accounts (account, name) VALUES (?, ?)", arguments: [account.number, account.name])
            }
        }
        // Each customer's open receivables as a running figure, kept by every posting to the
        // receivables account in the same transaction; the credit check reads one row.
        // Reversals and the invoices of a batch are found through indexes; the index of
        // receivables by customer, which every posting line paid for, is no longer needed.
        migrator.registerMigration("accounting-2") { db in
            try db.execute(sql: """
                CREATE TABLE customer_balances (
                    shop TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    open INTEGER NOT NULL,
                    PRIMARY KEY (shop, customer_key)
                ) WITHOUT ROWID;
                INSERT INTO customer_balances (shop, customer_key, open)
                SELECT shop, customer_key, SUM(debit - credit) FROM journal_lines
                WHERE account = \(ChartOfAccounts.receivables.number) AND customer_key IS NOT NULL
                GROUP BY shop, customer_key;
                CREATE INDEX journal_entries_reversals ON journal_entries(reverses) WHERE reverses IS NOT NULL;
                DROP INDEX journal_lines_open_items;
                CREATE INDEX invoices_by_batch ON invoices(batch_id);
                """)
        }
        // Discounts are posted to revenue reduction accounts per rate (8700, 8710, 8720).
        migrator.registerMigration("accounting-discounts") { db in
            for account in ChartOfAccounts.revenueReductions {
                try db.execute(sql: "INSERT OR IGNORE INTO accounts (account, name) VALUES (?, ?)",
                               arguments: [account.number, account.name])
            }
        }

        migrator.registerMigration("accounting-suspense-1") { db in
            // The suspense account's lines, for the list of payments that matched nothing.
            try db.execute(sql: """
                CREATE INDEX journal_lines_suspense ON journal_lines(shop) WHERE account = \(ChartOfAccounts.suspense.number);
                """)
        }

        // Fees of payment providers (4970); the money paid back to customers, per customer,
        // with the batch that booked it (a reversal's rows point at what they undo); the
        // corrections of an invoice found by the invoice they cite (a covering index: the
        // planner prefers the primary key of this table without rowid to any index it must
        // look rows up from).
        migrator.registerMigration("accounting-3") { db in
            try db.execute(sql: """
                INSERT INTO accounts (account, name) VALUES (?, ?) ON CONFLICT (account) DO NOTHING
                """, arguments: [ChartOfAccounts.bankFees.number, ChartOfAccounts.bankFees.name])
            try db.execute(sql: """
                CREATE TABLE refunds (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    customer_key TEXT NOT NULL,
                    document TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverses INTEGER REFERENCES refunds(id)
                );
                CREATE INDEX refunds_by_batch ON refunds(batch_id);
                CREATE INDEX refunds_by_customer ON refunds(shop, customer_key);
                CREATE INDEX invoices_corrections ON invoices(shop, refers_to, kind, gross);
                """)
            try Schema.makeAppendOnly("refunds", in: db)
        }

        // The entries of a shop by date, for the DATEV export of a month after every run.
        migrator.registerMigration("accounting-datev-1") { db in
            try db.execute(sql: "CREATE INDEX journal_entries_by_date ON journal_entries(shop, date)")
        }

        // GoBD: each entry carries a SHA-256 over its content and lines; each batch's entries
        // are sealed in a chain per shop, so that an entry changed, removed or slipped in
        // behind Kontor's back is found by `kontor verify`.
        migrator.registerMigration("accounting-seal-1") { db in
            try db.execute(sql: """
                ALTER TABLE journal_entries ADD COLUMN hash TEXT;
                CREATE TABLE journal_seals (
                    shop TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    entries INTEGER NOT NULL,
                    hash TEXT NOT NULL,
                    previous TEXT,
                    PRIMARY KEY (shop, batch_id)
                ) WITHOUT ROWID;
                CREATE TABLE journal_seal_heads (
                    shop TEXT PRIMARY KEY,
                    batch_id INTEGER NOT NULL,
                    hash TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
            try Schema.makeAppendOnly("journal_seals", in: db)
        }
        // Closed periods (GoBD): a month once closed takes no entry dated inside it; what
        // comes later for it is posted in the first open day, citing its own date.
        migrator.registerMigration("accounting-close-1") { db in
            try db.execute(sql: """
                CREATE TABLE period_closes (
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    through TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    reverted_by INTEGER REFERENCES batches(id),
                    PRIMARY KEY (shop, through, batch_id)
                ) WITHOUT ROWID;
                CREATE INDEX period_closes_by_batch ON period_closes(batch_id);
                """)
        }
        // VAT cases: the case of every invoice and correction other than a plain domestic one
        // (a tax-free intra-community supply or export, an OSS sale, a small business's sale,
        // or a domestic sale to a consumer in another member state, which counts towards the
        // threshold of distance sales), the figures of an OSS sale per destination rate, and
        // the running figure of the distance sales per shop and year.
        migrator.registerMigration("accounting-vat-cases-1") { db in
            try db.execute(sql: """
                CREATE TABLE invoice_vat_cases (
                    shop TEXT NOT NULL,
                    number TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('domestic', 'intra-community', 'export', 'oss', 'small-business')),
                    vat_id TEXT CHECK ((kind = 'intra-community') = (vat_id IS NOT NULL)),
                    country TEXT,
                    standard INTEGER,
                    reduced INTEGER,
                    distance_sale INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (shop, number),
                    FOREIGN KEY (shop, number) REFERENCES invoices(shop, number)
                ) WITHOUT ROWID;
                CREATE TABLE invoice_oss_lines (
                    shop TEXT NOT NULL,
                    number TEXT NOT NULL,
                    country TEXT NOT NULL,
                    rate INTEGER NOT NULL,
                    net INTEGER NOT NULL,
                    vat INTEGER NOT NULL,
                    PRIMARY KEY (shop, number, rate),
                    FOREIGN KEY (shop, number) REFERENCES invoices(shop, number)
                ) WITHOUT ROWID;
                CREATE TABLE distance_sales (
                    shop TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    net INTEGER NOT NULL,
                    PRIMARY KEY (shop, year)
                ) WITHOUT ROWID;
                """)
            try Schema.makeAppendOnly("invoice_vat_cases", in: db)
            try Schema.makeAppendOnly("invoice_oss_lines", in: db)
        }
    }
}
