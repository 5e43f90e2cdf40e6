import Foundation
import GRDB
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

    /// Decides and finalizes one claimed file: fingerprint, duplicate check, detection,
    /// parsing and applying in one transaction, then archive and outputs.
    func process(shop: String, workName: String, database: KontorDatabase) throws -> RunReport.Line {
        let path = root.work(shop) + "/" + workName
        let file = Self.originalName(workName: workName)
        var batch = try database.writer.read { try BatchJournal.unfinishedBatch(shop: shop, workName: workName, in: $0) }
        if batch == nil || batch?.status == .received {
            let fingerprint = try Fingerprint.of(path: path)
            if batch == nil {
                let now = Self.timestamp()
                let id = try database.writer.write { db in
                    try BatchJournal.open(shop: shop, file: file, workName: workName, sha256: fingerprint.sha256,
                                          size: fingerprint.size, receivedAt: now, settledAt: now, actor: actor, in: db)
                }
                batch = try database.writer.read { try BatchJournal.batch(id, in: $0) }
            }
            guard let open = batch else { throw OperationalError("batch of \(file) vanished") }
            try decide(open, fingerprint: fingerprint, input: path, database: database)
            batch = try database.writer.read { try BatchJournal.batch(open.id, in: $0) }
        }
        guard let decided = batch else { throw OperationalError("batch of \(file) vanished") }
        try finalize(decided, database: database)
        return Self.line(decided)
    }

    static func line(_ b: BatchRecord) -> RunReport.Line {
        let detail: String
        switch b.status {
        case .applied: detail = BatchSummary.from(json: b.summary).headline
        case .rejected: detail = "\(b.errors) error(s)"
        case .duplicate: detail = "same bytes as batch \(b.duplicateOf.map(String.init) ?? "?")"
        case .received, .reverted: detail = ""
        }
        return RunReport.Line(batch: b.id, shop: b.shop, file: b.file, status: b.status.rawValue, kind: b.kind,
                              records: b.records, errors: b.errors, detail: detail)
    }

    /// Applies a received batch in one transaction and records its outcome in the same one.
    /// With `reversing`, the effects of that earlier batch are reversed first, in the same
    /// transaction.
    func decide(_ batch: BatchRecord, fingerprint: Fingerprint, input: String, database: KontorDatabase,
                reversing: BatchRecord? = nil) throws {
        let started = Self.monotonicSeconds()
        let archive = batch.archivePath ?? archivePath(for: batch)
        try database.writer.write { db in
            let outcome = try evaluate(batch, fingerprint: fingerprint, input: input, db: db, reversing: reversing,
                                       archivePath: archive)
            try BatchJournal.finish(batch.id, outcome, at: Self.timestamp(),
                                    durationMs: Int((Self.monotonicSeconds() - started) * 1000), actor: actor, in: db)
        }
    }

    /// Where a batch's input is archived, relative to the root.
    func archivePath(for batch: BatchRecord) -> String {
        let received = CalendarDate(parsing: batch.receivedAt) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let id = String(batch.id)
        let padded = String(repeating: "0", count: max(0, 6 - id.count)) + id
        return root.archiveFolder(shop: batch.shop, year: received.year, month: received.month) + "/\(padded)-\(batch.file)"
    }

    /// Applies the file inside a savepoint of the caller's transaction: kept if clean,
    /// rolled back whole if any error was found.
    func evaluate(_ batch: BatchRecord, fingerprint: Fingerprint, input: String, db: Database,
                  reversing: BatchRecord?, archivePath: String) throws -> BatchJournal.Outcome {
        let excluded = reversing?.id
        if let prior = try BatchJournal.appliedBatch(shop: batch.shop, sha256: fingerprint.sha256, in: db),
           prior.id != batch.id, prior.id != excluded {
            return .init(status: .duplicate, kind: prior.kind, dialect: prior.dialect, records: 0, diagnostics: [],
                         summary: nil, archivePath: archivePath, duplicateOf: prior.id)
        }
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
                if var stream = DocumentReader.open(makeSource: { try FileByteSource(path: input) }, fileName: batch.file,
                                                    isValidUTF8: fingerprint.isValidUTF8, head: fingerprint.head, log: &log) {
                    kind = stream.kind.rawValue
                    dialect = stream.dialect
                    while let record = try stream.next(log: &log) {
                        place = record.location
                        try applier.apply(record, log: &log)
                    }
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                log.append(Diagnostic("books.constraint", "the books refused a change: \(error.message ?? "constraint failed")",
                                      de: "Die Bücher haben eine Änderung abgelehnt: \(error.message ?? "")",
                                      hint: "This points at inconsistent data in the file; check the lines around it.",
                                      at: place))
            }
            return log.hasErrors ? .rollback : .commit
        }
        let status: BatchStatus = log.hasErrors ? .rejected : .applied
        if status == .applied, let reversing {
            try BatchJournal.markReverted(reversing.id, by: batch.id, at: Self.timestamp(), actor: actor, in: db)
        }
        var summary = applier.summary
        if status == .rejected { summary = BatchSummary(); summary.read = applier.summary.read }
        return .init(status: status, kind: kind, dialect: dialect, records: summary.read, diagnostics: log.diagnostics,
                     suppressed: log.suppressed, summary: summary.json(), archivePath: archivePath)
    }

    /// Writes what people collect for a decided batch, archives its input, and marks it
    /// finalized. Every step can run again after a crash and gives the same files.
    func finalize(_ batch: BatchRecord, database: KontorDatabase) throws {
        let work = root.work(batch.shop) + "/" + batch.workName
        guard let archive = batch.archivePath.map(root.absolute) else {
            throw OperationalError("batch \(batch.id) has no archive path")
        }
        if FileOps.exists(work) { try emitCopy(from: work, to: archive) }
        let diagnostics = try database.writer.read { try BatchJournal.diagnostics(batch.id, in: $0) }
        if batch.status == .rejected {
            guard let data = FileManager.default.contents(atPath: archive) else {
                throw OperationalError("cannot read the archived input \(archive)")
            }
            try emit(data, to: root.rejected(batch.shop) + "/" + batch.file)
            try emit(Reports.errorReport(batch, diagnostics: diagnostics),
                                        to: root.rejected(batch.shop) + "/" + batch.file + ".errors.txt")
        }
        let id = String(batch.id)
        let receiptName = String(repeating: "0", count: max(0, 6 - id.count)) + id + "-" + batch.file + ".receipt.txt"
        try emit(Reports.receipt(batch, diagnostics: diagnostics), to: root.receipts(batch.shop) + "/" + receiptName)
        FileOps.remove(work)
        try database.writer.write { try BatchJournal.markFinalized(batch.id, at: Self.timestamp(), actor: actor, in: $0) }
        logger.info("batch \(batch.id) \(batch.shop)/\(batch.file): \(batch.status.rawValue)")
    }
}
