import GRDB

/// The books: one SQLite file in WAL mode, opened with Kontor's settings.
///
/// Each module registers its own migrations; the pipeline hands the composed
/// migrator to `open`. Migrations are never edited once released.
public struct KontorDatabase: Sendable {
    /// The connection every module writes through.
    public let writer: any DatabaseWriter

    /// Opens (and creates) the database at `path`, in WAL mode, with foreign keys on and a
    /// busy timeout so that a second process waits instead of failing.
    public static func open(path: String, migrator: DatabaseMigrator) throws -> KontorDatabase {
        let queue = try DatabaseQueue(path: path, configuration: configuration(wal: true))
        try migrator.migrate(queue)
        return KontorDatabase(writer: queue)
    }

    /// An in-memory database with the same schema, for tests and dry runs of a root that
    /// has no books yet.
    public static func inMemory(migrator: DatabaseMigrator) throws -> KontorDatabase {
        let queue = try DatabaseQueue(configuration: configuration(wal: false))
        try migrator.migrate(queue)
        return KontorDatabase(writer: queue)
    }

    private static func configuration(wal: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.label = "kontor"
        config.prepareDatabase { db in
            if wal {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // 32 MB of page cache (the default is 2 MB): a file is one transaction, and
                // with the default its dirty index pages are spilled to the WAL and read back
                // many times before the commit. Memory and speed, not safety: WAL and
                // synchronous NORMAL stay as they are.
                try db.execute(sql: "PRAGMA cache_size = -32768")
            }
        }
        return config
    }
}

/// Schema helpers shared by the modules.
public enum Schema {
    /// Triggers that make `table` append-only: a posted row can be neither changed nor
    /// deleted; corrections are new reversing rows.
    public static func makeAppendOnly(_ table: String, in db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: post a reversal instead'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: post a reversal instead'); END;
            """)
    }
}
