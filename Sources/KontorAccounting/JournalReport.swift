import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `journal.csv`: the journal of a shop, one row per posting line; for a period,
/// `journal_<from>_<to>.csv` with the lines of entries dated in it.
enum JournalReport {
    static let columns = ["entry", "date", "document", "text", "account", "debit", "credit", "batch"]

    /// The report. After a run only the entries posted since the last run are appended to
    /// `journal.csv` (entries are never changed, corrections are new entries).
    static let report = Report(name: "journal", title: "Journal: every posting line", takesPeriod: true,
                               growth: growth) { shop, period, db in
        ReportFile(path: period.map { "journal_\($0.slug).csv" } ?? "journal.csv",
                   bytes: try csv(shop: shop, period: period, in: db).bytes)
    }

    /// `journal.csv`, kept by appending the lines of entries after the last one written.
    static let growth = ReportGrowth(path: "journal.csv", header: CSVWriter(header: columns).bytes) { shop, cursor, db, write in
        var w = CSVWriter()
        var last = cursor
        var rows = 0
        try Ledger.forEachJournalLine(shop: shop, after: cursor, in: db) { line in
            append(line, to: &w)
            last = line.entry
            rows += 1
            if rows % 4_096 == 0 { try write(w.take()) }
        }
        try write(w.take())
        return last
    }

    /// The journal of `shop` as CSV, limited to `period` if given.
    static func csv(shop: String, period: ReportPeriod?, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: columns)
        try Ledger.forEachJournalLine(shop: shop, after: 0, in: db) { line in
            if let period, !(CalendarDate(parsing: line.date).map(period.contains) ?? false) { return }
            append(line, to: &w)
        }
        return w
    }

    private static func append(_ line: JournalLine, to w: inout CSVWriter) {
        w.appendRow([.number(String(line.entry)), .text(line.date), .text(line.document), .text(line.text),
                     .number(String(line.account)), .number(Money.decimalString(line.debit)),
                     .number(Money.decimalString(line.credit)), .number(String(line.batch))])
    }
}
