import Foundation
import GRDB
import KontorInventory
import KontorStore
#if canImport(Glibc)
import Glibc
#endif

extension Pipeline {
    /// Writes one report of one shop (for `period`, if given) into the shop's outbox, and
    /// returns where its files went, relative to the root. A growing report without a period
    /// is made anew here, and appended to from then on. A report kept per month writes the
    /// files of each month of the period, or of every month with entries. What a report of
    /// several files warns of goes to `warn`.
    public func writeReport(_ report: Report, shop: String, period: ReportPeriod? = nil,
                            database: KontorDatabase, warn: (String) -> Void = { _ in }) throws -> [String] {
        if let several = report.several {
            let made = try database.writer.read { try several(shop, period, $0) }
            for file in made.files { try emit(file.bytes, to: root.outbox(shop) + "/" + file.path) }
            made.warnings.forEach(warn)
            return made.files.map { "outbox/\(shop)/\($0.path)" }
        }
        if let months = report.months {
            let files = try database.writer.read { db in
                let parts = try period?.months ?? months.touched(shop, 0, db).months
                return try parts.flatMap { try months.files(shop, $0, db) }
            }
            for file in files { try emit(file.bytes, to: root.outbox(shop) + "/" + file.path) }
            return files.map { "outbox/\(shop)/\($0.path)" }
        }
        if let documents = report.documents {
            return try write(documents, named: report.name, shop: shop, from: 0, database: database)
        }
        if period == nil, let growth = report.growth {
            try extend(growth, named: report.name, shop: shop, anew: true, database: database)
            return ["outbox/\(shop)/\(growth.path)"]
        }
        let made = InventoryModule.buyingReport(named: report.name, settings: settings.shop(shop).buying) ?? report
        let file = try database.writer.read { try made.produce(shop, period, $0) }
        try emit(file.bytes, to: root.outbox(shop) + "/" + file.path)
        return ["outbox/\(shop)/\(file.path)"]
    }

    /// Writes the documents of a report of documents for what was added after `cursor`,
    /// piece by piece, recording after each piece how far they are written; returns where
    /// they went, relative to the root (at most 1,000 paths named).
    @discardableResult
    func write(_ documents: ReportDocuments, named name: String, shop: String, from cursor: Int64,
               database: KontorDatabase) throws -> [String] {
        var cursor = cursor
        var written: [String] = []
        while true {
            var files: [ReportFile] = []
            let next = try database.writer.read { db in
                try documents.next(shop, cursor, db) { files.append($0) }
            }
            for file in files {
                try emit(file.bytes, to: root.outbox(shop) + "/" + file.path)
                if written.count < 1_000 { written.append("outbox/\(shop)/\(file.path)") }
            }
            guard next != cursor else { return written }
            cursor = next
            try database.writer.write {
                try BatchJournal.setReportCursor(shop: shop, report: name, cursor: cursor, bytes: 0, in: $0)
            }
        }
    }

    /// Brings a report kept per month up to date: the files of the months that the entries
    /// posted since it was last written are dated in are made anew.
    func refresh(_ months: ReportMonths, named name: String, shop: String, database: KontorDatabase) throws {
        let cursor = try database.writer.read { try BatchJournal.reportCursor(shop: shop, report: name, in: $0)?.cursor } ?? 0
        let (files, next) = try database.writer.read { db in
            let touched = try months.touched(shop, cursor, db)
            return (try touched.months.flatMap { try months.files(shop, $0, db) }, touched.cursor)
        }
        for file in files { try emit(file.bytes, to: root.outbox(shop) + "/" + file.path) }
        guard next != cursor else { return }
        try database.writer.write {
            try BatchJournal.setReportCursor(shop: shop, report: name, cursor: next, bytes: 0, in: $0)
        }
    }

    /// Brings a growing report up to date: the rows after the last one written are appended
    /// to the file. The books remember how far the file was written and how long it was
    /// then: a crash in the middle of an append leaves rows past that length, which the next
    /// append cuts off before it writes them again. A file that is missing, shorter than
    /// recorded or not a plain file is made anew, atomically.
    func extend(_ growth: ReportGrowth, named name: String, shop: String, anew: Bool = false,
                database: KontorDatabase) throws {
        let path = root.outbox(shop) + "/" + growth.path
        let recorded = anew ? nil : try database.writer.read { try BatchJournal.reportCursor(shop: shop, report: name, in: $0) }
        let status = FileOps.status(path)
        let (cursor, bytes): (Int64, Int64)
        if let recorded, status.kind == .file, status.size >= recorded.bytes {
            let file = try AppendingFile(path: path, keeping: recorded.bytes)
            defer { file.close() }
            let next = try database.writer.read { db in
                try growth.append(shop, recorded.cursor, db) { try file.write($0) }
            }
            try file.sync()
            (cursor, bytes) = (next, file.length)
        } else {
            let writer = try AtomicFileWriter(target: path, staging: root.staging)
            var length = Int64(growth.header.count)
            try writer.write(growth.header)
            let next = try database.writer.read { db in
                try growth.append(shop, 0, db) { piece in
                    try writer.write(piece)
                    length += Int64(piece.count)
                }
            }
            try writer.commit()
            (cursor, bytes) = (next, length)
        }
        try database.writer.write {
            try BatchJournal.setReportCursor(shop: shop, report: name, cursor: cursor, bytes: bytes, in: $0)
        }
    }
}

/// A file opened to be continued at a given length: whatever lies past it is cut off first.
final class AppendingFile {
    private var fd: Int32
    private let path: String
    /// The file's length with what was written so far.
    private(set) var length: Int64

    init(path: String, keeping length: Int64) throws {
        self.path = path
        self.length = length
        fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw OperationalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        guard ftruncate(fd, off_t(length)) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            fd = -1
            throw OperationalError("cannot write \(path): \(reason)")
        }
    }

    deinit { close() }

    func write(_ data: Data) throws {
        let ok = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(length) + off_t(offset))
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard ok else { throw OperationalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        length += Int64(data.count)
    }

    func sync() throws {
        guard fsync(fd) == 0 else { throw OperationalError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }
}
