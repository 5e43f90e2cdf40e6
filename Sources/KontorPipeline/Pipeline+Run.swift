import Foundation
import GRDB
import Logging
import KontorCore
import KontorStore

extension Pipeline {
    /// Processes every ready file, once (`watch: false`: until no file is left settling) or
    /// until `shouldStop` says so (`watch: true`). The file in hand is always finished.
    /// With `dryRun`, every ready file is validated and applied in a transaction that is
    /// rolled back: nothing is written to the books and no file is moved.
    public func run(watch: Bool = false, dryRun: Bool = false, shouldStop: () -> Bool = { false }) throws -> RunReport {
        let database: KontorDatabase
        if dryRun {
            database = FileOps.exists(root.database) ? try openDatabase() : try KontorDatabase.inMemory(migrator: Self.migrator)
        } else {
            for folder in [root.inbox, root.outbox, root.state + "/work"] { try FileOps.makeDirectory(folder) }
            FileOps.sweep(staging: root.staging)
            database = try openDatabase()
        }
        var report = RunReport()
        var tracker = SettleTracker(settleSeconds: settings.settleSeconds)
        var recovered = Set<String>()
        var busy = Set<String>()
        var touched = Set<String>()
        let started = Self.monotonicSeconds()
        let patience = max(30, settings.settleSeconds * 10)

        while true {
            let shops = Set(Discovery.shops(root: root)).union(FileOps.list(root.state + "/work").filter { Discovery.isValidShopName($0) })
            let candidates = shops.subtracting(busy).sorted().flatMap { Discovery.candidates(root: root, shop: $0) }
            let ready = tracker.observe(candidates, now: Self.monotonicSeconds())
            let readyByShop = Dictionary(grouping: ready) { $0.shop }
            if dryRun {
                for candidate in ready {
                    tracker.forget(candidate)
                    report.lines.append(try dryProcess(candidate, database: database))
                }
            }
            for shop in shops.subtracting(busy).sorted() where !dryRun && (readyByShop[shop] != nil || !recovered.contains(shop)) {
                guard let lock = try ShopLock.tryAcquire(root: root, shop: shop) else {
                    logger.info("shop \(shop) is being worked by another Kontor process; leaving it to that one")
                    busy.insert(shop)
                    continue
                }
                if !recovered.contains(shop) {
                    let lines = try recover(shop: shop, database: database)
                    report.lines += lines
                    if !lines.isEmpty { touched.insert(shop) }
                    recovered.insert(shop)
                }
                for candidate in readyByShop[shop] ?? [] {
                    tracker.forget(candidate)
                    if let line = try claimAndProcess(candidate, database: database) {
                        report.lines.append(line)
                        touched.insert(shop)
                    }
                    if watch && shouldStop() { break }
                }
                withExtendedLifetime(lock) {}
            }
            if shouldStop() { break }
            let now = Self.monotonicSeconds()
            if !watch {
                if tracker.pendingCount == 0 { break }
                if now - started > patience {
                    report.stillSettling = candidates.filter { c in !ready.contains(c) }.map { "\($0.shop)/\($0.name)" }
                    break
                }
            }
            let wait = watch ? settings.pollSeconds : min(settings.pollSeconds, tracker.secondsUntilNextReady(now: now) ?? settings.pollSeconds)
            sleepInterruptibly(seconds: max(0.05, wait), shouldStop: shouldStop)
        }
        for shop in touched.sorted() { try writeShopReports(shop: shop, database: database) }
        return report
    }

    private func sleepInterruptibly(seconds: Double, shouldStop: () -> Bool) {
        var left = seconds
        while left > 0, !shouldStop() {
            let step = min(left, 0.1)
            usleep(UInt32(step * 1_000_000))
            left -= step
        }
    }

    /// Rewrites `stock.csv` and `journal.csv` of a shop from the books.
    public func writeShopReports(shop: String, database: KontorDatabase) throws {
        let (stock, journal) = try database.writer.read { db in
            (try Reports.stockCSV(shop: shop, in: db), try Reports.journalCSV(shop: shop, in: db))
        }
        try emit(stock, to: root.outbox(shop) + "/stock.csv")
        try emit(journal, to: root.outbox(shop) + "/journal.csv")
    }

    /// Takes a ready file out of the shop's sight into the work area and processes it.
    /// Returns nil if another process took it first.
    private func claimAndProcess(_ c: Candidate, database: KontorDatabase) throws -> RunReport.Line? {
        try FileOps.makeDirectory(root.work(c.shop))
        let stamp = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let workName = "\(stamp)-\(getpid())~\(c.name)"
        let inbox = Array(root.inbox(c.shop).utf8) + [0x2F]
        guard try FileOps.move(rawPath: inbox + c.rawName, to: root.work(c.shop) + "/" + workName) else { return nil }
        if c.marked { FileOps.remove(rawPath: inbox + c.rawName + Array(Discovery.markerSuffix.utf8)) }
        logger.info("claimed \(c.shop)/\(c.name)")
        return try process(shop: c.shop, workName: workName, database: database)
    }

    /// Validates and applies one file in a transaction that is always rolled back.
    private func dryProcess(_ c: Candidate, database: KontorDatabase) throws -> RunReport.Line {
        let path = root.inbox(c.shop) + "/" + c.name
        let fingerprint = try Fingerprint.of(path: path)
        return try database.writer.writeWithoutTransaction { db in
            var line: RunReport.Line?
            try db.inTransaction {
                let now = Self.timestamp()
                let id = try BatchJournal.open(shop: c.shop, file: c.name, workName: c.name, sha256: fingerprint.sha256,
                                               size: fingerprint.size, receivedAt: now, settledAt: now, actor: actor, in: db)
                guard let batch = try BatchJournal.batch(id, in: db) else { return .rollback }
                let outcome = try evaluate(batch, fingerprint: fingerprint, input: path, db: db, reversing: nil,
                                           archivePath: archivePath(for: batch))
                let summary = BatchSummary.from(json: outcome.summary)
                let status = switch outcome.status {
                case .applied: "would apply"
                case .rejected: "would reject"
                default: outcome.status.rawValue
                }
                line = RunReport.Line(batch: nil, shop: c.shop, file: c.name, status: status, kind: outcome.kind,
                                      records: outcome.records, errors: outcome.diagnostics.count(where: { $0.severity == .error }),
                                      detail: outcome.status == .applied ? summary.headline : "",
                                      diagnostics: outcome.diagnostics.map(\.description))
                return .rollback
            }
            guard let line else { throw OperationalError("dry run of \(c.name) produced no result") }
            return line
        }
    }

    /// Finishes what a stopped run left: decided batches whose outputs are missing, and
    /// claimed files not yet decided.
    func recover(shop: String, database: KontorDatabase) throws -> [RunReport.Line] {
        var lines: [RunReport.Line] = []
        let pending = try database.writer.read { try BatchJournal.unfinalizedBatches(shop: shop, in: $0) }
        for batch in pending where !FileOps.exists(root.work(shop) + "/" + batch.workName) {
            logger.notice("finishing outputs of batch \(batch.id) (\(batch.file)) left by a stopped run")
            try finalize(batch, database: database)
        }
        for workName in FileOps.list(root.work(shop)) where !workName.hasPrefix(".") {
            logger.notice("resuming \(shop)/\(workName) left by a stopped run")
            lines.append(try process(shop: shop, workName: workName, database: database))
        }
        return lines
    }
}
