import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorFormats
import KontorStore
import Logging

extension Pipeline {
    /// The original name of a claimed file: its work name after the claim prefix.
    static func originalName(workName: String) -> String {
        guard let tilde = workName.firstIndex(of: "~") else { return workName }
        return String(workName[workName.index(after: tilde)...])
    }

    /// How often Kontor starts on a file without coming to a decision (it stopped or failed
    /// each time) before it sets the file aside as rejected, so that one file cannot stop
    /// its shop, or every shop, for ever.
    static let maxAttempts = 3

    /// Decides and finalizes one claimed file: fingerprint, duplicate check, detection,
    /// parsing and applying in one transaction, then archive and outputs. Everything is read
    /// through `opened`, the descriptor taken when the file was claimed (or, after a stop,
    /// opened again from the work area).
    func process(shop: String, workName: String, opened: OpenedFile? = nil, database: KontorDatabase) throws -> RunReport.Line {
        let path = root.work(shop) + "/" + workName
        let file = Self.originalName(workName: workName)
        var batch = try database.writer.read { try BatchJournal.unfinishedBatch(shop: shop, workName: workName, in: $0) }
        if batch == nil || batch?.status == .received {
            let input: OpenedFile
            do {
                input = try opened ?? OpenedFile.open(path: path)
            } catch {
                throw OperationalError("cannot read the claimed file \(path): \(error)")
            }
            let fingerprint = try input.fingerprint()
            if batch == nil {
                let now = Self.timestamp()
                let id = try database.writer.write { db in
                    let id = try BatchJournal.open(shop: shop, file: file, workName: workName, sha256: fingerprint.sha256,
                                                   size: fingerprint.size, receivedAt: now, settledAt: now, actor: actor, in: db)
                    try assignNames(id, shop: shop, file: file, received: now, in: db)
                    return id
                }
                batch = try database.writer.read { try BatchJournal.batch(id, in: $0) }
            }
            guard let open = batch else { throw OperationalError("batch of \(file) vanished") }
            let attempts = try database.writer.write { try BatchJournal.countAttempt(open.id, in: $0) }
            do {
                if attempts >= Self.maxAttempts {
                    try setAside(open, attempts: attempts, fingerprint: fingerprint, input: input, database: database)
                } else {
                    try decide(open, fingerprint: fingerprint, input: input, database: database)
                }
            } catch let changed as OpenedFile.Changed {
                return try putBack(open, workName: workName, changed: changed, database: database)
            }
            batch = try database.writer.read { try BatchJournal.batch(open.id, in: $0) }
        }
        guard let decided = batch else { throw OperationalError("batch of \(file) vanished") }
        try finalize(decided, database: database)
        return Self.line(decided)
    }

    /// Chooses the archive path and the receipt name of a new batch: `<id>-<name>`, or
    /// `<id>-2-<name>` and so on where a file of that name is already there (books restored
    /// from an older backup, say): nothing Kontor writes ever replaces an earlier file.
    func assignNames(_ id: Int64, shop: String, file: String, received: String, in db: Database) throws {
        let date = CalendarDate(parsing: received) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let folder = root.archiveFolder(shop: shop, year: date.year, month: date.month)
        let padded = Self.padded(id)
        var suffix = 1
        while true {
            let stem = suffix == 1 ? "\(padded)-\(file)" : "\(padded)-\(suffix)-\(file)"
            let archive = folder + "/" + stem, receipt = stem + ".receipt.txt"
            if !FileOps.exists(root.absolute(archive)) && !FileOps.exists(root.receipts(shop) + "/" + receipt) {
                try BatchJournal.setNames(id, archivePath: archive, receiptName: receipt, in: db)
                return
            }
            suffix += 1
        }
    }

    static func padded(_ id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// A file that changed while Kontor read it goes back to the shop's inbox, to be taken
    /// again once it has settled; its batch is withdrawn and nothing of it is booked.
    private func putBack(_ batch: BatchRecord, workName: String, changed: OpenedFile.Changed,
                         database: KontorDatabase) throws -> RunReport.Line {
        let work = root.work(batch.shop) + "/" + workName
        var target = root.inbox(batch.shop) + "/" + batch.file
        if FileOps.exists(target) { target = root.inbox(batch.shop) + "/" + Self.padded(batch.id) + "-" + batch.file }
        guard try FileOps.move(work, to: target) else { throw OperationalError("the claimed file \(work) vanished") }
        let reason = "\(changed.description); nothing was booked, the file went back to the inbox to settle"
        logger.warning("\(batch.shop)/\(batch.file): \(reason)")
        try database.writer.write { db in
            try BatchJournal.withdraw(batch.id, reason: reason, at: Self.timestamp(), actor: actor, in: db)
        }
        return RunReport.Line(batch: batch.id, shop: batch.shop, file: batch.file, status: .putBack, kind: nil, records: 0,
                              errors: 0, detail: "changed while read; back in the inbox, taken again once settled")
    }

    /// Rejects a file that Kontor started on `attempts` times without a decision, archiving
    /// it so that an admin can rerun it once the cause is mended.
    private func setAside(_ batch: BatchRecord, attempts: Int, fingerprint: Fingerprint, input: OpenedFile,
                          database: KontorDatabase) throws {
        let diagnostic = Diagnostic(
            "file.set-aside",
            "Kontor started on this file \(attempts) times and stopped each time before it came to a decision; it was set aside so that the other files can go on",
            de: "Kontor hat diese Datei \(attempts)-mal begonnen und jedes Mal vor einer Entscheidung abgebrochen; sie wurde zurückgestellt, damit die anderen Dateien weiterlaufen",
            hint: "An admin finds the cause in Kontor's log; once it is mended, `kontor rerun \(batch.id)` processes the file again.",
            at: SourceLocation(file: batch.file))
        let archive = batch.archivePath ?? archivePath(for: batch)
        try input.verify(fingerprint, copyTo: root.absolute(archive), staging: root.staging)
        try database.writer.write { db in
            try BatchJournal.finish(batch.id, .init(status: .rejected, kind: nil, dialect: nil, records: 0, diagnostics: [diagnostic],
                                                    summary: nil, archivePath: archive),
                                    at: Self.timestamp(), durationMs: 0, actor: actor, in: db)
        }
        logger.error("\(batch.shop)/\(batch.file): set aside after \(attempts) attempts without a decision (batch \(batch.id))")
    }

    static func line(_ b: BatchRecord) -> RunReport.Line {
        let detail: String
        switch b.status {
        case .applied: detail = BatchSummary.from(json: b.summary).headline
        case .rejected: detail = "\(b.errors) error(s)"
        case .duplicate: detail = "same bytes as batch \(b.duplicateOf.map(String.init) ?? "?")"
        case .received, .reverted, .withdrawn: detail = ""
        }
        return RunReport.Line(batch: b.id, shop: b.shop, file: b.file, status: FileOutcome(b.status), kind: b.kind,
                              records: b.records, errors: b.errors, detail: detail)
    }

    /// Applies a received batch in one transaction and records its outcome in the same one.
    /// With `reversing`, the effects of that earlier batch are reversed first, in the same
    /// transaction. The input is archived before the commit, from the bytes checked against
    /// the fingerprint; a file that changed meanwhile throws `OpenedFile.Changed` and
    /// nothing is committed.
    func decide(_ batch: BatchRecord, fingerprint: Fingerprint, input: OpenedFile, database: KontorDatabase,
                reversing: BatchRecord? = nil, archiveInput: Bool = true) throws {
        let started = Self.monotonicSeconds()
        let archive = batch.archivePath ?? archivePath(for: batch)
        try database.writer.write { db in
            let outcome = try evaluate(batch, fingerprint: fingerprint, input: input, db: db, reversing: reversing,
                                       archivePath: archive, copyTo: archiveInput ? root.absolute(archive) : nil)
            try BatchJournal.finish(batch.id, outcome, at: Self.timestamp(),
                                    durationMs: Int((Self.monotonicSeconds() - started) * 1000), actor: actor, in: db)
        }
    }

    /// Where a batch's input is archived, relative to the root, for batches opened before
    /// their names were chosen at opening.
    func archivePath(for batch: BatchRecord) -> String {
        let received = CalendarDate(parsing: batch.receivedAt) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        return root.archiveFolder(shop: batch.shop, year: received.year, month: received.month) + "/\(Self.padded(batch.id))-\(batch.file)"
    }

    /// Applies the file inside a savepoint of the caller's transaction: kept if clean,
    /// rolled back whole if any error was found. Before it returns, the file is read once
    /// more and must still be the one fingerprinted (and is copied to `copyTo`, if given).
    func evaluate(_ batch: BatchRecord, fingerprint: Fingerprint, input: OpenedFile, db: Database,
                  reversing: BatchRecord?, archivePath: String, copyTo: String?) throws -> BatchJournal.Outcome {
        let excluded = reversing?.id
        if let prior = try BatchJournal.appliedBatch(shop: batch.shop, sha256: fingerprint.sha256, in: db),
           prior.id != batch.id, prior.id != excluded {
            try input.verify(fingerprint, copyTo: copyTo, staging: root.staging)
            return .init(status: .duplicate, kind: prior.kind, dialect: prior.dialect, records: 0, diagnostics: [],
                         summary: nil, archivePath: archivePath, duplicateOf: prior.id)
        }
        if let statementTrace {
            db.trace { event in if case .statement(let statement) = event { statementTrace(statement.sql) } }
        }
        defer { if statementTrace != nil { db.trace(options: .statement, nil) } }
        var log = DiagnosticLog(cap: settings.maxDiagnostics)
        var applier = Applier(db: db, shop: batch.shop, batch: batch.id, settings: settings.shop(batch.shop))
        var kind: String?
        var dialect: String?
        var place = SourceLocation(file: batch.file)
        try db.inSavepoint {
            do {
                if let reversing {
                    try reverseEffects(of: reversing, by: batch.id, db: db)
                }
                if var stream = DocumentReader.open(makeSource: { input.bytes() }, fileName: batch.file,
                                                    isValidUTF8: fingerprint.isValidUTF8, head: fingerprint.head, log: &log) {
                    kind = stream.kind.rawValue
                    dialect = stream.dialect
                    while let record = try stream.next(log: &log) {
                        place = record.location
                        try applier.apply(record, log: &log)
                    }
                    try applier.finish(log: &log)
                }
                if !log.hasErrors {
                    try Ledger(db).seal(batch: batch.id, shop: batch.shop)
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                log.append(Diagnostic("books.constraint", "the books refused a change: \(error.message ?? "constraint failed")",
                                      de: "Die Bücher haben eine Änderung abgelehnt: \(error.message ?? "")",
                                      hint: "This points at inconsistent data in the file; check the lines around it.",
                                      at: place))
            }
            return log.hasErrors ? .rollback : .commit
        }
        try input.verify(fingerprint, copyTo: copyTo, staging: root.staging)
        let status: BatchStatus = log.hasErrors ? .rejected : .applied
        if status == .applied, let reversing {
            try BatchJournal.markReverted(reversing.id, by: batch.id, at: Self.timestamp(), actor: actor, in: db)
        }
        var summary = applier.summary
        if status == .rejected { summary = BatchSummary(); summary.read = applier.summary.read }
        return .init(status: status, kind: kind, dialect: dialect, records: summary.read, diagnostics: log.diagnostics,
                     suppressed: log.suppressed, summary: summary.json(), archivePath: archivePath)
    }

    /// Writes what people collect for a decided batch, archives its input (if the decision
    /// did not already), and marks it finalized. Every step can run again after a crash and
    /// gives the same files.
    func finalize(_ batch: BatchRecord, database: KontorDatabase) throws {
        let work = root.work(batch.shop) + "/" + batch.workName
        let archive = batch.archivePath.map(root.absolute)
        if archive == nil && batch.kind != "command" {
            throw OperationalError("batch \(batch.id) has no archive path")
        }
        if let archive, FileOps.exists(work) { try emitCopy(from: work, to: archive) }
        let diagnostics = try database.writer.read { try BatchJournal.diagnostics(batch.id, in: $0) }
        var notes: [String] = []
        if batch.status == .rejected, let archive {
            if let problem = placeRejected(batch, archive: archive, diagnostics: diagnostics) {
                logger.warning("\(batch.shop)/\(batch.file): \(problem)")
                notes.append(problem)
            }
        }
        let receiptName = batch.receiptName ?? Self.padded(batch.id) + "-" + batch.file + ".receipt.txt"
        let receipt = try AtomicFileWriter(target: root.receipts(batch.shop) + "/" + receiptName, staging: root.staging)
        try database.writer.read { db in
            try Reports.writeReceipt(batch, diagnostics: diagnostics, notes: notes, in: db) { try receipt.write(Data($0.utf8)) }
        }
        try receipt.commit()
        FileOps.remove(work)
        try database.writer.write { try BatchJournal.markFinalized(batch.id, at: Self.timestamp(), actor: actor, in: $0) }
        logger.info("batch \(batch.id) \(batch.shop)/\(batch.file): \(batch.status.rawValue)")
    }

    /// Puts a rejected file and its error report into the shop's `rejected/` folder. The shop
    /// owns that folder: if it made `rejected` a link, or a folder of the file's name, the
    /// copy goes beside it under the batch's number, or, where no copy can be placed, the
    /// problem is returned for the receipt, and the file stays safe in the archive.
    private func placeRejected(_ batch: BatchRecord, archive: String,
                               diagnostics: [BatchJournal.StoredDiagnostic]) -> String? {
        let folder = root.rejected(batch.shop)
        do {
            try FileOps.makeDirectory(folder)
            let free = [batch.file, batch.file + ".errors.txt"].allSatisfy {
                [.file, .missing].contains(FileOps.status(folder + "/" + $0).kind)
            }
            let name = free ? batch.file : Self.padded(batch.id) + "-" + batch.file
            guard let data = FileManager.default.contents(atPath: archive) else {
                throw OperationalError("cannot read the archived input \(archive)")
            }
            try emit(data, to: folder + "/" + name)
            try emit(Reports.errorReport(batch, diagnostics: diagnostics), to: folder + "/" + name + ".errors.txt")
            return nil
        } catch {
            return "the rejected file could not be put into inbox/\(batch.shop)/rejected/ (\(error)); it is kept in \(batch.archivePath ?? "the archive")"
        }
    }
}
