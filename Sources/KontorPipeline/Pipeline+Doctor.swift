import Foundation
import GRDB
import KontorStore

/// One thing `kontor doctor` found.
public struct DoctorFinding: Sendable, Encodable {
    /// `problem`: Kontor cannot work correctly until it is mended; `note`: worth knowing.
    public var severity: String
    public var message: String
}

extension Pipeline {
    /// Checks a root as an admin would before trusting it: are the books there and whole,
    /// does the archive belong to these books, is anything stuck or lying where Kontor does
    /// not look.
    public func doctor() throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        func problem(_ text: String) { findings.append(.init(severity: "problem", message: text)) }
        func note(_ text: String) { findings.append(.init(severity: "note", message: text)) }

        if !FileOps.exists(root.settingsFile) { note("no kontor.toml: every setting has its default (kontor init writes a commented one)") }
        let archived = FileOps.countFiles(under: root.archive, upTo: 1_000_000)
        guard FileOps.exists(root.database) else {
            if archived > 0 {
                problem("""
                    kontor.sqlite is missing, but the archive holds \(archived) file(s) of earlier batches: restore \
                    kontor.sqlite (and kontor.sqlite-wal, if the backup has one) from the backup; until then kontor run refuses to start
                    """)
            } else {
                note("no books yet: kontor run or kontor init creates kontor.sqlite")
            }
            return findings
        }
        let database = try openDatabase()
        try database.writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                problem("the database is damaged (integrity_check: \(integrity.prefix(3).joined(separator: "; "))): restore it from the backup")
            }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !orphans.isEmpty { problem("\(orphans.count) row(s) point at rows that do not exist (foreign_key_check): restore from the backup") }
            let known = try Int.fetchOne(db, sql: "SELECT count(DISTINCT archive_path) FROM batches WHERE archive_path IS NOT NULL") ?? 0
            let missing = try String.fetchAll(db, sql: """
                SELECT archive_path FROM batches WHERE archive_path IS NOT NULL AND finalized = 1 AND status != 'withdrawn'
                """).filter { !FileOps.exists(root.absolute($0)) }
            if !missing.isEmpty {
                problem("\(missing.count) archived input(s) are missing, first \(missing[0]): restore archive/ from the backup (rerun needs them)")
            }
            if archived > known {
                problem("""
                    the archive holds \(archived - known) file(s) that no batch in these books names: the books are older \
                    than the archive (restored from an older backup?); restore the newest backup of kontor.sqlite
                    """)
            }
            let unfinished = try Int.fetchOne(db, sql: "SELECT count(*) FROM batches WHERE finalized = 0") ?? 0
            if unfinished > 0 { note("\(unfinished) batch(es) are not finished: the next kontor run finishes them") }
            let drift = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM stock_balances b WHERE b.on_hand != (SELECT coalesce(SUM(m.quantity), 0) FROM stock_movements m
                    WHERE m.shop = b.shop AND m.sku = b.sku AND m.warehouse = b.warehouse)
                  OR b.value != (SELECT coalesce(SUM(m.value), 0) FROM stock_movements m
                    WHERE m.shop = b.shop AND m.sku = b.sku AND m.warehouse = b.warehouse)
                """) ?? 0
            if drift > 0 { problem("\(drift) stock balance(s) differ from the sum of their movements: restore from the backup") }
        }
        for stray in Discovery.strays(root: root) { note(stray) }
        for shop in Discovery.shops(root: root) {
            if case .busy(let holder) = try ShopLock.tryAcquire(root: root, shop: shop) {
                note("shop \(shop) is being worked by \(holder)")
            }
        }
        return findings
    }
}
