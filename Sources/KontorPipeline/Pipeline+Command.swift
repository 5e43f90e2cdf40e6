import KontorFormats
import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorStore

extension Pipeline {
    /// Runs a command as a batch of its own, as a file would be: the batch names the
    /// command, its actor and the note in its log; `body` works in one transaction (any
    /// error found rolls all of it back and the batch is rejected); a receipt is written;
    /// the effects carry the batch's id, so `kontor revert` takes them back like a file's.
    func runCommand(shop: String, command: String, note: String,
                    _ body: (inout BatchContext, inout DiagnosticLog) throws -> Void) throws -> RunReport.Line {
        let database = try openDatabase()
        guard let lock = try ShopLock.acquireIfFree(root: root, shop: shop) else {
            throw OperationalError("shop \(shop) is being worked by another Kontor process; try again")
        }
        defer { withExtendedLifetime(lock) {} }
        let now = Self.timestamp()
        let id = try database.writer.write { db in
            let id = try BatchJournal.open(shop: shop, file: command, workName: "command-\(now)",
                                           sha256: Self.identity(of: [shop, command, now, String(UInt64.random(in: 0...UInt64.max))]),
                                           size: 0, receivedAt: now, settledAt: nil, actor: actor, in: db)
            try assignNames(id, shop: shop, file: "command.txt", received: now, in: db)
            try db.execute(sql: "UPDATE batches SET archive_path = NULL WHERE id = ?", arguments: [id])
            try BatchJournal.log(id, "command", detail: "\(command): \(note)", at: now, actor: actor, in: db)
            return id
        }
        let started = Self.monotonicSeconds()
        try database.writer.write { db in
            var log = DiagnosticLog(cap: settings.maxDiagnostics)
            var context = BatchContext(db: db, shop: shop, batch: id, settings: settings.shop(shop))
            try db.inSavepoint {
                do {
                    try body(&context, &log)
                    if !log.hasErrors { try Ledger(db).seal(batch: id, shop: shop) }
                } catch let refusal as CommandRefused {
                    log.append(Diagnostic(refusal.code, refusal.description, de: refusal.descriptionDE, at: SourceLocation(file: command)))
                }
                return log.hasErrors ? .rollback : .commit
            }
            var summary = context.summary
            summary.read = 1
            summary.applied = log.hasErrors ? 0 : 1
            try BatchJournal.finish(id, .init(status: log.hasErrors ? .rejected : .applied, kind: "command", dialect: nil,
                                              records: 1, diagnostics: log.diagnostics, suppressed: log.suppressed,
                                              summary: summary.json(), archivePath: nil),
                                    at: Self.timestamp(), durationMs: Int((Self.monotonicSeconds() - started) * 1000),
                                    actor: actor, in: db)
        }
        guard let decided = try database.writer.read({ try BatchJournal.batch(id, in: $0) }) else {
            throw OperationalError("batch \(id) vanished")
        }
        try finalize(decided, database: database)
        try writeShopReports(shop: shop, database: database)
        var line = Self.line(decided)
        line.diagnostics = try database.writer.read { try BatchJournal.diagnostics(id, in: $0) }.map { "\($0.message)" }
        return line
    }

    /// A SHA-256 that identifies a command batch (commands have no bytes of their own).
    static func identity(of parts: [String]) -> String {
        var source = MemoryByteSource(Array(parts.joined(separator: "\n").utf8))
        return (try? Fingerprint.of(source: &source).sha256) ?? String(repeating: "0", count: 64)
    }
}

/// Why a command could not do what was asked, for its batch's report and the command line.
public struct CommandRefused: Error, CustomStringConvertible, Sendable {
    /// A stable code: `release.not-held`.
    public var code: String
    public var description: String
    /// The same in German.
    public var descriptionDE: String

    public init(_ code: String, _ description: String, de: String) {
        self.code = code
        self.description = description
        self.descriptionDE = de
    }
}
