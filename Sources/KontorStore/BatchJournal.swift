import GRDB
import KontorCore

/// The batch journal: a row per input file and an append-only log of what happened to it.
///
/// All functions take the caller's `Database`, so that journal rows are written in the
/// same transaction as the effects they describe.
public enum BatchJournal {
    /// Registers `shop` on first sight.
    public static func ensureShop(_ shop: String, at now: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO shops (shop, created_at) VALUES (?, ?)", arguments: [shop, now])
    }

    /// Opens a batch for a claimed file and logs `received` (and `settled`).
    public static func open(
        shop: String, file: String, workName: String, sha256: String, size: Int64,
        receivedAt: String, settledAt: String?, actor: String, rerunOf: Int64? = nil, in db: Database
    ) throws -> Int64 {
        try ensureShop(shop, at: receivedAt, in: db)
        try db.execute(sql: """
            INSERT INTO batches (shop, file, work_name, sha256, size, status, received_at, settled_at, rerun_of)
            VALUES (?, ?, ?, ?, ?, 'received', ?, ?, ?)
            """, arguments: [shop, file, workName, sha256, size, receivedAt, settledAt, rerunOf])
        let id = db.lastInsertedRowID
        try log(id, "received", detail: "\(file), \(size) bytes, sha256 \(sha256)", at: receivedAt, actor: actor, in: db)
        if let settledAt { try log(id, "settled", detail: nil, at: settledAt, actor: actor, in: db) }
        return id
    }

    /// Appends an event to a batch's log.
    public static func log(_ batch: Int64, _ event: String, detail: String?, at: String, actor: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO batch_events (batch_id, at, event, detail, actor) VALUES (?, ?, ?, ?, ?)",
            arguments: [batch, at, event, detail, actor])
    }

    /// What a finished batch came to.
    public struct Outcome: Sendable {
        public var status: BatchStatus
        public var kind: String?
        public var dialect: String?
        public var records: Int
        public var diagnostics: [Diagnostic]
        /// How many errors were found beyond those listed in `diagnostics`.
        public var suppressed: Int
        public var summary: String?
        public var archivePath: String?
        public var duplicateOf: Int64?

        public init(status: BatchStatus, kind: String?, dialect: String?, records: Int, diagnostics: [Diagnostic],
                    suppressed: Int = 0, summary: String?, archivePath: String?, duplicateOf: Int64? = nil) {
            self.status = status
            self.kind = kind
            self.dialect = dialect
            self.records = records
            self.diagnostics = diagnostics
            self.suppressed = suppressed
            self.summary = summary
            self.archivePath = archivePath
            self.duplicateOf = duplicateOf
        }
    }

    /// Records the outcome of a batch and logs it.
    public static func finish(_ batch: Int64, _ outcome: Outcome, at: String, durationMs: Int, actor: String, in db: Database) throws {
        // A listed entry may stand for several problems: one found again at the same place,
        // or the line that sums up the warnings left out.
        let errors = outcome.diagnostics.reduce(0) { $0 + ($1.severity == .error ? $1.occurrences : 0) } + outcome.suppressed
        let warnings = outcome.diagnostics.reduce(0) { $0 + ($1.severity == .warning ? $1.occurrences : 0) }
        try db.execute(sql: """
            UPDATE batches SET status = ?, kind = ?, dialect = ?, records = ?, errors = ?, warnings = ?,
                finished_at = ?, duration_ms = ?, summary = ?, archive_path = ?, duplicate_of = ?
            WHERE id = ?
            """, arguments: [outcome.status.rawValue, outcome.kind, outcome.dialect, outcome.records, errors, warnings,
                             at, durationMs, outcome.summary, outcome.archivePath, outcome.duplicateOf, batch])
        for (seq, d) in outcome.diagnostics.enumerated() {
            try db.execute(sql: """
                INSERT INTO batch_diagnostics (batch_id, seq, severity, code, place, message, message_de, hint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batch, seq + 1, d.severity.rawValue, d.code, d.location.description, d.message, d.messageDE, d.hint])
        }
        let detail: String = switch outcome.status {
        case .applied: "\(outcome.records) records applied"
        case .rejected: "\(errors) error(s); nothing applied"
        case .duplicate: "same bytes as batch \(outcome.duplicateOf.map(String.init) ?? "?"); not applied again"
        case .received, .reverted, .withdrawn: outcome.status.rawValue
        }
        try log(batch, outcome.status.rawValue, detail: detail, at: at, actor: actor, in: db)
    }

    /// Sets where a batch's input is archived and what its receipt is called, both relative
    /// names that the caller has checked are free.
    public static func setNames(_ batch: Int64, archivePath: String, receiptName: String, in db: Database) throws {
        try db.execute(sql: "UPDATE batches SET archive_path = ?, receipt_name = ? WHERE id = ?",
                       arguments: [archivePath, receiptName, batch])
    }

    /// Counts one more start on a received batch and returns how many came before it
    /// (each of which stopped, or failed, before a decision).
    public static func countAttempt(_ batch: Int64, in db: Database) throws -> Int {
        try db.execute(sql: "UPDATE batches SET attempts = attempts + 1 WHERE id = ?", arguments: [batch])
        return (try Int.fetchOne(db, sql: "SELECT attempts FROM batches WHERE id = ?", arguments: [batch]) ?? 1) - 1
    }

    /// Closes a batch that will never be decided, with the reason in its log. Nothing of it
    /// was applied.
    public static func withdraw(_ batch: Int64, reason: String, at: String, actor: String, in db: Database) throws {
        try db.execute(sql: "UPDATE batches SET status = 'withdrawn', finalized = 1, finished_at = ? WHERE id = ?",
                       arguments: [at, batch])
        try log(batch, "withdrawn", detail: reason, at: at, actor: actor, in: db)
    }

    /// Received batches of a shop that nothing is working on: their file is gone from the
    /// work area (a rerun that stopped before it decided, say).
    public static func receivedBatches(shop: String, in db: Database) throws -> [BatchRecord] {
        try BatchRecord.fetchAll(db, sql: """
            SELECT * FROM batches WHERE shop = ? AND finalized = 0 AND status = 'received' ORDER BY id
            """, arguments: [shop])
    }

    /// Shops whose reports do not yet show their latest finalized batch.
    public static func shopsWithStaleReports(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT s.shop FROM shops s
            WHERE coalesce((SELECT max(b.id) FROM batches b WHERE b.shop = s.shop AND b.finalized = 1), 0)
                > coalesce((SELECT r.written_through FROM shop_reports r WHERE r.shop = s.shop), 0)
            ORDER BY s.shop
            """)
    }

    /// The newest finalized batch of a shop, which its reports will show once written.
    public static func lastFinalized(shop: String, in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM batches WHERE shop = ? AND finalized = 1",
                           arguments: [shop]) ?? 0
    }

    /// Records that a shop's reports show every batch up to `batch`.
    public static func markReportsWritten(shop: String, through batch: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO shop_reports (shop, written_through) VALUES (?, ?)
            ON CONFLICT (shop) DO UPDATE SET written_through = max(written_through, excluded.written_through)
            """, arguments: [shop, batch])
    }

    /// How far a growing report of a shop is written: its cursor and its length in bytes
    /// (nil: not yet written).
    public static func reportCursor(shop: String, report: String, in db: Database) throws -> (cursor: Int64, bytes: Int64)? {
        try Row.fetchOne(db, sql: "SELECT cursor, bytes FROM report_cursors WHERE shop = ? AND report = ?",
                         arguments: [shop, report]).map { ($0["cursor"], $0["bytes"]) }
    }

    /// Records how far a growing report of a shop is written.
    public static func setReportCursor(shop: String, report: String, cursor: Int64, bytes: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO report_cursors (shop, report, cursor, bytes) VALUES (?, ?, ?, ?)
            ON CONFLICT (shop, report) DO UPDATE SET cursor = excluded.cursor, bytes = excluded.bytes
            """, arguments: [shop, report, cursor, bytes])
    }

    /// Marks a batch's outputs and archive copy as written.
    public static func markFinalized(_ batch: Int64, at: String, actor: String, in db: Database) throws {
        try db.execute(sql: "UPDATE batches SET finalized = 1 WHERE id = ?", arguments: [batch])
        try log(batch, "finalized", detail: "archived, outputs written", at: at, actor: actor, in: db)
    }

    /// Marks an applied batch as reversed by a forced rerun.
    public static func markReverted(_ batch: Int64, by rerun: Int64, at: String, actor: String, in db: Database) throws {
        try db.execute(sql: "UPDATE batches SET status = 'reverted' WHERE id = ?", arguments: [batch])
        try log(batch, "reverted", detail: "effects reversed by rerun batch \(rerun)", at: at, actor: actor, in: db)
    }

    /// The batch with `id`.
    public static func batch(_ id: Int64, in db: Database) throws -> BatchRecord? {
        try BatchRecord.fetchOne(db, sql: "SELECT * FROM batches WHERE id = ?", arguments: [id])
    }

    /// The shop's batch that last applied these bytes, if any.
    public static func appliedBatch(shop: String, sha256: String, in db: Database) throws -> BatchRecord? {
        try BatchRecord.fetchOne(db, sql: """
            SELECT * FROM batches WHERE shop = ? AND sha256 = ? AND status = 'applied' ORDER BY id DESC LIMIT 1
            """, arguments: [shop, sha256])
    }

    /// The unfinished batch of a claimed file in the work area, if a run stopped midway.
    public static func unfinishedBatch(shop: String, workName: String, in db: Database) throws -> BatchRecord? {
        try BatchRecord.fetchOne(db, sql: """
            SELECT * FROM batches WHERE shop = ? AND work_name = ? AND finalized = 0 ORDER BY id DESC LIMIT 1
            """, arguments: [shop, workName])
    }

    /// Batches decided but not finalized, whose work file may already be gone.
    public static func unfinalizedBatches(shop: String, in db: Database) throws -> [BatchRecord] {
        try BatchRecord.fetchAll(db, sql: """
            SELECT * FROM batches WHERE shop = ? AND finalized = 0 AND status != 'received' ORDER BY id
            """, arguments: [shop])
    }

    /// All batches, newest last, optionally of one shop.
    public static func list(shop: String? = nil, in db: Database) throws -> [BatchRecord] {
        if let shop {
            return try BatchRecord.fetchAll(db, sql: "SELECT * FROM batches WHERE shop = ? ORDER BY id", arguments: [shop])
        }
        return try BatchRecord.fetchAll(db, sql: "SELECT * FROM batches ORDER BY id")
    }

    /// A batch's event log in order.
    public static func events(_ batch: Int64, in db: Database) throws -> [BatchEvent] {
        try BatchEvent.fetchAll(db, sql: "SELECT * FROM batch_events WHERE batch_id = ? ORDER BY id", arguments: [batch])
    }

    /// A stored diagnostic of a batch.
    public struct StoredDiagnostic: Sendable, Codable {
        public var severity: String
        public var code: String
        public var place: String
        public var message: String
        public var messageDE: String?
        public var hint: String?
    }

    /// A batch's diagnostics in order.
    public static func diagnostics(_ batch: Int64, in db: Database) throws -> [StoredDiagnostic] {
        try Row.fetchAll(db, sql: """
            SELECT severity, code, place, message, message_de, hint FROM batch_diagnostics WHERE batch_id = ? ORDER BY seq
            """, arguments: [batch]).map {
            StoredDiagnostic(severity: $0["severity"], code: $0["code"], place: $0["place"], message: $0["message"],
                             messageDE: $0["message_de"], hint: $0["hint"])
        }
    }
}
