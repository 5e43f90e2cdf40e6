import Foundation
import GRDB
import KontorCore
import KontorStore

/// Why a rerun was refused.
public struct RerunRefused: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Pipeline {
    /// Processes the archived input of a batch again, as a new batch. An applied batch is
    /// only rerun with `force`, which first reverses its effects (reversal postings,
    /// reverse stock movements, cancelled shipments; nothing deleted), all in one transaction.
    public func rerun(batch id: Int64, force: Bool) throws -> RunReport.Line {
        let database = try openDatabase()
        guard let lock = try ShopLock.acquireIfFree(root: root, shop: try shopOf(batch: id, database: database)) else {
            throw OperationalError("the shop of batch \(id) is being worked by another Kontor process; try again")
        }
        defer { withExtendedLifetime(lock) {} }
        guard let old = try database.writer.read({ try BatchJournal.batch(id, in: $0) }) else {
            throw RerunRefused(description: "there is no batch \(id)")
        }
        if old.kind == "command" {
            throw RerunRefused(description: "batch \(id) was the command \"\(old.file)\", not a file; take it back with kontor revert \(id)")
        }
        switch old.status {
        case .received: throw RerunRefused(description: "batch \(id) is still being processed")
        case .reverted: throw RerunRefused(description: "batch \(id) was already reversed; rerun the batch that replaced it")
        case .applied where !force:
            throw RerunRefused(description: "batch \(id) is applied; rerun --force reverses it and applies the file again")
        default: break
        }
        if old.status == .applied {
            let later = try database.writer.read { try Self.laterBatches(building: old.id, in: $0) }
            if !later.isEmpty {
                let list = later.map(String.init).joined(separator: ", ")
                throw RerunRefused(description: """
                    batch \(id) cannot be reversed alone: later batch(es) \(list) built on what it booked \
                    (payments, returns or shipments of its orders); reversing it would leave those without their invoices
                    """)
            }
        }
        guard let archiveRelative = old.archivePath, FileOps.exists(root.absolute(archiveRelative)) else {
            throw OperationalError("the archived input of batch \(id) is missing")
        }
        let input: OpenedFile
        do {
            input = try OpenedFile.open(path: root.absolute(archiveRelative))
        } catch {
            throw OperationalError("the archived input of batch \(id) cannot be read: \(error)")
        }
        let fingerprint = try input.fingerprint()
        guard fingerprint.sha256 == old.sha256 else {
            throw OperationalError("the archived input of batch \(id) has changed since it was archived (sha256 differs)")
        }
        let now = Self.timestamp()
        let newID = try database.writer.write { db in
            let newID = try BatchJournal.open(shop: old.shop, file: old.file, workName: "rerun-of-\(id)-\(now)",
                                              sha256: fingerprint.sha256, size: fingerprint.size, receivedAt: now,
                                              settledAt: nil, actor: actor, rerunOf: id, in: db)
            try assignNames(newID, shop: old.shop, file: old.file, received: now, in: db)
            try db.execute(sql: "UPDATE batches SET archive_path = ? WHERE id = ?", arguments: [archiveRelative, newID])
            try BatchJournal.log(id, "rerun", detail: "rerun as batch \(newID)\(force ? " (forced)" : "")", at: now, actor: actor, in: db)
            return newID
        }
        guard let fresh = try database.writer.read({ try BatchJournal.batch(newID, in: $0) }) else {
            throw OperationalError("batch \(newID) vanished")
        }
        try decide(fresh, fingerprint: fingerprint, input: input, database: database,
                   reversing: old.status == .applied ? old : nil, archiveInput: false)
        guard let decided = try database.writer.read({ try BatchJournal.batch(newID, in: $0) }) else {
            throw OperationalError("batch \(newID) vanished")
        }
        try finalize(decided, database: database)
        try writeShopReports(shop: decided.shop, database: database)
        return Self.line(decided)
    }

    private func shopOf(batch id: Int64, database: KontorDatabase) throws -> String {
        guard let batch = try database.writer.read({ try BatchJournal.batch(id, in: $0) }) else {
            throw RerunRefused(description: "there is no batch \(id)")
        }
        return batch.shop
    }

    /// The applied batches after `batch` that booked against its documents or moved its
    /// orders, as each module finds them in its own tables.
    static func laterBatches(building batch: Int64, in db: Database) throws -> [Int64] {
        var later = Set<Int64>()
        for module in Modules.all {
            later.formUnion(try module.batches(buildingOn: batch, in: db))
        }
        return later.sorted()
    }

    /// Reverses everything `batch` did, booked to `reversal`, module by module.
    func reverseEffects(of batch: BatchRecord, by reversal: Int64, db: Database) throws {
        let today = CalendarDate.today
        for module in Modules.all {
            try module.reverse(batch: batch.id, by: reversal, on: today, in: db)
        }
    }
}
