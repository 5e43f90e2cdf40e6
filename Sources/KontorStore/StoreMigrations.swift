import GRDB

/// The store's own tables: shops, the batch journal and its events and diagnostics.
public enum StoreMigrations {
    /// Registers the store's migrations; they run before any module's.
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("store-1") { db in
            try db.execute(sql: """
                CREATE TABLE shops (
                    shop TEXT PRIMARY KEY NOT NULL CHECK (length(shop) > 0),
                    created_at TEXT NOT NULL
                );
                CREATE TABLE batches (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    file TEXT NOT NULL,
                    work_name TEXT NOT NULL,
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    size INTEGER NOT NULL CHECK (size >= 0),
                    kind TEXT,
                    dialect TEXT,
                    status TEXT NOT NULL CHECK (status IN ('received', 'applied', 'rejected', 'duplicate', 'reverted')),
                    records INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0,
                    warnings INTEGER NOT NULL DEFAULT 0,
                    received_at TEXT NOT NULL,
                    settled_at TEXT,
                    finished_at TEXT,
                    duration_ms INTEGER,
                    finalized INTEGER NOT NULL DEFAULT 0 CHECK (finalized IN (0, 1)),
                    archive_path TEXT,
                    rerun_of INTEGER REFERENCES batches(id),
                    duplicate_of INTEGER REFERENCES batches(id),
                    summary TEXT
                );
                CREATE INDEX batches_by_shop_sha ON batches(shop, sha256);
                CREATE TABLE batch_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    at TEXT NOT NULL,
                    event TEXT NOT NULL,
                    detail TEXT,
                    actor TEXT NOT NULL
                );
                CREATE INDEX batch_events_by_batch ON batch_events(batch_id);
                CREATE TABLE batch_diagnostics (
                    batch_id INTEGER NOT NULL REFERENCES batches(id),
                    seq INTEGER NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                    code TEXT NOT NULL,
                    place TEXT NOT NULL,
                    message TEXT NOT NULL,
                    message_de TEXT,
                    hint TEXT,
                    PRIMARY KEY (batch_id, seq)
                );
                """)
            try Schema.makeAppendOnly("batch_events", in: db)
            try Schema.makeAppendOnly("batch_diagnostics", in: db)
        }
        // A batch counts how often processing started without a decision, and can be withdrawn (its file changed while it was read and went back to the
        // inbox, or a rerun stopped before it decided), and it keeps the name of its receipt,
        // chosen when it opens so that it never collides with a file already in the outbox;
        // `counters` hands out number ranges without counting rows; `report_cursors` keeps
        // how far a growing report (the journal) is written, and how many bytes that is;
        // `shop_reports` remembers up to which batch a shop's reports were written, so that a
        // run that failed to write them leaves them to the next run rather than stale.
        // SQLite cannot change a CHECK constraint in place: the table is rebuilt.
        migrator.registerMigration("store-2") { db in
            try db.execute(sql: """
                CREATE TABLE batches_new (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    file TEXT NOT NULL,
                    work_name TEXT NOT NULL,
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    size INTEGER NOT NULL CHECK (size >= 0),
                    kind TEXT,
                    dialect TEXT,
                    status TEXT NOT NULL
                        CHECK (status IN ('received', 'applied', 'rejected', 'duplicate', 'reverted', 'withdrawn')),
                    records INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0,
                    warnings INTEGER NOT NULL DEFAULT 0,
                    received_at TEXT NOT NULL,
                    settled_at TEXT,
                    finished_at TEXT,
                    duration_ms INTEGER,
                    finalized INTEGER NOT NULL DEFAULT 0 CHECK (finalized IN (0, 1)),
                    archive_path TEXT,
                    rerun_of INTEGER REFERENCES batches(id),
                    duplicate_of INTEGER REFERENCES batches(id),
                    summary TEXT,
                    receipt_name TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO batches_new (id, shop, file, work_name, sha256, size, kind, dialect, status, records, errors,
                    warnings, received_at, settled_at, finished_at, duration_ms, finalized, archive_path, rerun_of,
                    duplicate_of, summary)
                SELECT id, shop, file, work_name, sha256, size, kind, dialect, status, records, errors,
                    warnings, received_at, settled_at, finished_at, duration_ms, finalized, archive_path, rerun_of,
                    duplicate_of, summary FROM batches;
                DROP TABLE batches;
                ALTER TABLE batches_new RENAME TO batches;
                CREATE INDEX batches_by_shop_sha ON batches(shop, sha256);
                CREATE INDEX batches_unfinalized ON batches(shop, finalized);
                CREATE TABLE counters (
                    shop TEXT NOT NULL,
                    series TEXT NOT NULL,
                    last INTEGER NOT NULL CHECK (last >= 0),
                    PRIMARY KEY (shop, series)
                ) WITHOUT ROWID;
                CREATE TABLE report_cursors (
                    shop TEXT NOT NULL,
                    report TEXT NOT NULL,
                    cursor INTEGER NOT NULL,
                    bytes INTEGER NOT NULL,
                    PRIMARY KEY (shop, report)
                ) WITHOUT ROWID;
                CREATE TABLE shop_reports (
                    shop TEXT PRIMARY KEY NOT NULL REFERENCES shops(shop),
                    written_through INTEGER NOT NULL
                );
                """)
        }
    }
}
