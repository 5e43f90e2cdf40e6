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
            try checkBooksAreThere()
            for folder in [root.inbox, root.outbox, root.state + "/work"] { try FileOps.makeDirectory(folder) }
            FileOps.sweep(staging: root.staging)
            database = try openDatabase()
        }
        var report = RunReport()
        var tracker = SettleTracker(settleSeconds: settings.settleSeconds)
        var recovered = Set<String>()
        var noticed = Set<String>()
        var locked: [String: String] = [:]
        var failedUntil: [String: Double] = [:]
        var dunnedOn: CalendarDate?
        let started = Self.monotonicSeconds()
        let patience = max(30, settings.settleSeconds * 10)

        while true {
            for notice in Discovery.strays(root: root) where noticed.insert(notice).inserted {
                logger.warning("\(notice)")
                report.notices.append(notice)
            }
            let now = Self.monotonicSeconds()
            var shops = Set(Discovery.shops(root: root)).union(FileOps.list(root.state + "/work").filter { Discovery.isValidShopName($0) })
            if !watch { shops.subtract(locked.keys) }
            shops = shops.filter { (failedUntil[$0] ?? 0) <= now }
            let candidates = shops.sorted().flatMap { Discovery.candidates(root: root, shop: $0) }
            let ready = tracker.observe(candidates, now: now)
            let readyByShop = Dictionary(grouping: ready) { $0.shop }
            if dryRun {
                for candidate in ready {
                    tracker.forget(candidate)
                    report.lines.append(try dryProcess(candidate, database: database))
                }
            }
            for shop in shops.sorted() where !dryRun && (readyByShop[shop] != nil || !recovered.contains(shop)) {
                let lock: ShopLock
                switch try ShopLock.tryAcquire(root: root, shop: shop) {
                case .acquired(let held):
                    lock = held
                    if locked.removeValue(forKey: shop) != nil { logger.notice("shop \(shop) is free again; taking its files") }
                case .busy(let holder):
                    if locked[shop] == nil {
                        logger.notice("shop \(shop) is being worked by \(holder); skipped, tried again at the next poll")
                    }
                    locked[shop] = holder
                    continue
                }
                do {
                    if !recovered.contains(shop) {
                        report.lines += try recover(shop: shop, database: database)
                        recovered.insert(shop)
                    }
                    for candidate in readyByShop[shop] ?? [] {
                        tracker.forget(candidate)
                        if let line = try claimAndProcess(candidate, database: database, noticed: &noticed) {
                            report.lines.append(line)
                        }
                        if watch && shouldStop() { break }
                    }
                } catch {
                    // A problem in one shop's files or folder stops that shop only.
                    let message = "shop \(shop): \(error); its files wait, the other shops go on"
                    logger.error("\(message)")
                    report.failures.append(message)
                    failedUntil[shop] = watch ? Self.monotonicSeconds() + max(60, settings.pollSeconds) : .infinity
                }
                withExtendedLifetime(lock) {}
            }
            if shouldStop() { break }
            let after = Self.monotonicSeconds()
            if !watch {
                if tracker.pendingCount == 0 { break }
                if after - started > patience {
                    report.stillSettling = candidates.filter { c in !ready.contains(c) }.map { "\($0.shop)/\($0.name)" }
                    break
                }
            } else if !dryRun {
                report.failures += writeStaleReports(database: database)
                report.failures += runDailyDunning(lastRun: &dunnedOn)
            }
            let wait = watch ? settings.pollSeconds : min(settings.pollSeconds, tracker.secondsUntilNextReady(now: after) ?? settings.pollSeconds)
            sleepInterruptibly(seconds: max(0.05, wait), shouldStop: shouldStop)
        }
        for (shop, holder) in locked.sorted(by: { $0.key < $1.key }) where !watch {
            report.notices.append("shop \(shop) was skipped: it is being worked by \(holder)")
        }
        if !dryRun { report.failures += writeStaleReports(database: database) }
        return report
    }

    /// Refuses to start new books where earlier books evidently were: a root whose
    /// `kontor.sqlite` is gone but whose archive holds files. Numbering batches from 1 again
    /// would tie new receipts to old files; the books must be restored first.
    func checkBooksAreThere() throws {
        guard !FileOps.exists(root.database) else { return }
        let archived = FileOps.countFiles(under: root.archive, upTo: 1_000)
        guard archived > 0 else { return }
        throw OperationalError("""
            \(root.database) is missing, but \(root.archive) holds \(archived >= 1_000 ? "1,000 or more" : String(archived)) \
            file(s) of earlier batches. Restore kontor.sqlite (with kontor.sqlite-wal, if your backup has one) from \
            your backup and run again; `kontor doctor` checks the root. To start new books on purpose, move \
            archive/ and outbox/ aside first.
            """, code: "books.missing")
    }

    /// Writes the reports of every shop whose reports do not yet show its latest batch, under
    /// the shop's lock; returns the problems, each of which stops only that shop's reports.
    func writeStaleReports(database: KontorDatabase) -> [String] {
        var problems: [String] = []
        let shops = (try? database.writer.read { try BatchJournal.shopsWithStaleReports(in: $0) }) ?? []
        for shop in shops {
            // Reports are appended to, so two processes must not write one shop's at once:
            // a shop another process holds gets its reports from that process.
            guard let lock = try? ShopLock.acquireIfFree(root: root, shop: shop) else { continue }
            defer { withExtendedLifetime(lock) {} }
            do {
                try writeShopReports(shop: shop, database: database)
            } catch {
                let message = "shop \(shop): its reports could not be written (\(error)); the next run writes them again"
                logger.error("\(message)")
                problems.append(message)
            }
        }
        return problems
    }

    private func sleepInterruptibly(seconds: Double, shouldStop: () -> Bool) {
        var left = seconds
        while left > 0, !shouldStop() {
            let step = min(left, 0.1)
            usleep(UInt32(step * 1_000_000))
            left -= step
        }
    }

    /// Brings every report of the registry of a shop up to date: reports that only grow
    /// (`journal.csv`) get the rows since the last run appended, the others (`stock.csv`)
    /// are made anew; then records up to which batch they are written.
    public func writeShopReports(shop: String, database: KontorDatabase) throws {
        if let reportTrace {
            database.writer.writeWithoutTransaction { db in
                db.trace { event in if case .statement(let statement) = event { reportTrace(statement.sql) } }
            }
        }
        defer { if reportTrace != nil { database.writer.writeWithoutTransaction { $0.trace(options: .statement, nil) } } }
        let through = try database.writer.read { try BatchJournal.lastFinalized(shop: shop, in: $0) }
        for report in ReportRegistry.all(settings: settings) where report.afterEveryRun {
            if let documents = report.documents {
                let cursor = try database.writer.read {
                    try BatchJournal.reportCursor(shop: shop, report: report.name, in: $0)?.cursor
                } ?? 0
                try write(documents, named: report.name, shop: shop, from: cursor, database: database)
            } else if let months = report.months {
                try refresh(months, named: report.name, shop: shop, database: database)
            } else if let growth = report.growth {
                try extend(growth, named: report.name, shop: shop, database: database)
            } else if let several = report.several {
                let made = try database.writer.read { try several(shop, nil, $0) }
                for file in made.files { try emit(file.bytes, to: root.outbox(shop) + "/" + file.path) }
                for warning in made.warnings { logger.warning("shop \(shop): \(warning)") }
            } else {
                let file = try database.writer.read { try report.produce(shop, nil, $0) }
                try emit(file.bytes, to: root.outbox(shop) + "/" + file.path)
            }
        }
        try database.writer.write { try BatchJournal.markReportsWritten(shop: shop, through: through, in: $0) }
    }

    /// Takes a ready file out of the shop's sight into the work area and processes it.
    /// The file is opened first, through its descriptor (no link followed, no FIFO waited
    /// on), and processed through that descriptor. Returns nil if another process took it
    /// first; a file Kontor may not read, or that is no regular file, stays where it is and
    /// is reported once.
    func claimAndProcess(_ c: Candidate, database: KontorDatabase, noticed: inout Set<String>) throws -> RunReport.Line? {
        let inboxPath = Array(root.inbox(c.shop).utf8) + [0x2F] + c.rawName
        let opened: OpenedFile
        do {
            opened = try OpenedFile.open(rawPath: inboxPath)
        } catch .vanished {
            return nil
        } catch {
            return leftInPlace(c, because: error, noticed: &noticed)
        }
        try FileOps.makeDirectory(root.work(c.shop))
        let stamp = Int64(Date().timeIntervalSince1970 * 1_000_000)
        let workName = "\(stamp)-\(getpid())~\(c.name)"
        let workPath = root.work(c.shop) + "/" + workName
        guard try FileOps.move(rawPath: inboxPath, to: workPath) else { return nil }
        guard opened.isNamed(workPath) else {
            // Something else was swapped in under the name between the open and the claim:
            // it goes back untouched, and the next poll looks at it afresh.
            _ = try? FileOps.move(workPath, to: String(decoding: inboxPath, as: UTF8.self))
            logger.warning("\(c.shop)/\(c.name) was replaced while Kontor took it; left for the next poll")
            return nil
        }
        if c.marked { FileOps.remove(rawPath: inboxPath + Array(Discovery.markerSuffix.utf8)) }
        logger.info("claimed \(c.shop)/\(c.name)")
        return try process(shop: c.shop, workName: workName, opened: opened, database: database)
    }

    /// Reports, once, a file that stays in the inbox because Kontor cannot take it.
    private func leftInPlace(_ c: Candidate, because refusal: OpenedFile.Refusal, noticed: inout Set<String>) -> RunReport.Line? {
        guard noticed.insert("\(c.shop)/\(c.name)/\(c.size)/\(c.mtimeNanos)").inserted else { return nil }
        let fix = switch refusal {
        case .unreadable: "let Kontor's user read it (for example chmod 644), or upload it again as a user in Kontor's group"
        case .notARegularFile: "upload a plain file"
        default: "check the file system"
        }
        let detail = "\(refusal); left in place: \(fix)"
        logger.warning("\(c.shop)/\(c.name): \(detail)")
        return RunReport.Line(batch: nil, shop: c.shop, file: c.name, status: .leftInPlace, kind: nil, records: 0,
                              errors: 1, detail: detail)
    }

    /// Validates and applies one file in a transaction that is always rolled back.
    private func dryProcess(_ c: Candidate, database: KontorDatabase) throws -> RunReport.Line {
        let input: OpenedFile
        do {
            input = try OpenedFile.open(rawPath: Array(root.inbox(c.shop).utf8) + [0x2F] + c.rawName)
        } catch {
            return RunReport.Line(batch: nil, shop: c.shop, file: c.name, status: .leftInPlace, kind: nil, records: 0,
                                  errors: 1, detail: "\(error)")
        }
        let fingerprint = try input.fingerprint()
        return try database.writer.writeWithoutTransaction { db in
            var line: RunReport.Line?
            try db.inTransaction {
                let now = Self.timestamp()
                let id = try BatchJournal.open(shop: c.shop, file: c.name, workName: c.name, sha256: fingerprint.sha256,
                                               size: fingerprint.size, receivedAt: now, settledAt: now, actor: actor, in: db)
                guard let batch = try BatchJournal.batch(id, in: db) else { return .rollback }
                let outcome = try evaluate(batch, fingerprint: fingerprint, input: input, db: db, reversing: nil,
                                           archivePath: archivePath(for: batch), copyTo: nil)
                let summary = BatchSummary.from(json: outcome.summary)
                let status: FileOutcome = switch outcome.status {
                case .applied: .wouldApply
                case .rejected: .wouldReject
                default: FileOutcome(outcome.status)
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

    /// Finishes what a stopped run left: decided batches whose outputs are missing, claimed
    /// files not yet decided, and batches that were opened but whose file is gone (a rerun
    /// that stopped before it decided), which are withdrawn.
    func recover(shop: String, database: KontorDatabase) throws -> [RunReport.Line] {
        var lines: [RunReport.Line] = []
        let pending = try database.writer.read { try BatchJournal.unfinalizedBatches(shop: shop, in: $0) }
        for batch in pending where !FileOps.exists(root.work(shop) + "/" + batch.workName) {
            logger.notice("finishing outputs of batch \(batch.id) (\(batch.file)) left by a stopped run")
            try finalize(batch, database: database)
        }
        let orphans = try database.writer.read { try BatchJournal.receivedBatches(shop: shop, in: $0) }
        for batch in orphans where !FileOps.exists(root.work(shop) + "/" + batch.workName) {
            let reason = batch.rerunOf.map { "the rerun of batch \($0) stopped before it decided; nothing was applied, run it again" }
                ?? "its file left the work area before a decision; nothing was applied"
            logger.notice("batch \(batch.id) (\(batch.file)) withdrawn: \(reason)")
            try database.writer.write { try BatchJournal.withdraw(batch.id, reason: reason, at: Self.timestamp(), actor: actor, in: $0) }
        }
        for workName in FileOps.list(root.work(shop)) where !workName.hasPrefix(".") {
            logger.notice("resuming \(shop)/\(workName) left by a stopped run")
            lines.append(try process(shop: shop, workName: workName, database: database))
        }
        return lines
    }
}
