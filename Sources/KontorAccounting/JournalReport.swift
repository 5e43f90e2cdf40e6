import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `journal.csv`: the journal of a shop, one row per posting line; for a period,
/// `journal_<from>_<to>.csv` with the lines of entries dated in it.
enum JournalReport {
    /// The report.
    static let report = Report(name: "journal", title: "Journal: every posting line", takesPeriod: true) { shop, period, db in
        ReportFile(path: period.map { "journal_\($0.slug).csv" } ?? "journal.csv",
                   bytes: try csv(shop: shop, period: period, in: db).bytes)
    }

    /// The journal of `shop` as CSV, limited to `period` if given.
    static func csv(shop: String, period: ReportPeriod?, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: ["entry", "date", "document", "text", "account", "debit", "credit", "batch"])
        for line in try Ledger.journal(shop: shop, in: db) {
            if let period, !(CalendarDate(parsing: line.date).map(period.contains) ?? false) { continue }
            w.appendRow([.number(String(line.entry)), .text(line.date), .text(line.document), .text(line.text),
                         .number(String(line.account)), .number(Money.decimalString(line.debit)),
                         .number(Money.decimalString(line.credit)), .number(String(line.batch))])
        }
        return w
    }
}
