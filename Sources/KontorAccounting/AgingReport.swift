import Foundation
import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `credit/aging.csv`: open items per customer and in total, in buckets by days past due,
/// with days sales outstanding (DSO). Without a period: as of today, with the sales of the
/// 90 days up to today; with `--from` and `--to`: as of the last day, with the sales of the
/// period, in `credit/aging_<from>_<to>.csv`.
enum AgingReport {
    static let columns = ["customer", "as_of"] + Aging.buckets + ["total", "sales", "dso_days"]

    /// The report.
    static let report = Report(name: "aging", title: "Aging of open items with days sales outstanding",
                               takesPeriod: true) { shop, period, db in
        let asked = period
        return ReportFile(path: asked.map { "credit/aging_\($0.slug).csv" } ?? "credit/aging.csv",
                          bytes: try csv(shop: shop, period: asked ?? ReportPeriod(from: CalendarDate.today.adding(days: -89), to: .today),
                                         in: db).bytes)
    }.onDemand()

    /// The aging of `shop` as of the period's last day, with the period's sales.
    static func aging(shop: String, period: ReportPeriod, in db: Database) throws -> Aging {
        let ledger = Ledger(db)
        return Aging(items: try ledger.openItems(shop: shop, asOf: period.to), asOf: period.to,
                     sales: try ledger.sales(shop: shop, from: period.from, through: period.to),
                     periodDays: period.to.dayNumber - period.from.dayNumber + 1)
    }

    /// The report's CSV.
    static func csv(shop: String, period: ReportPeriod, in db: Database) throws -> CSVWriter {
        let aging = try aging(shop: shop, period: period, in: db)
        var w = CSVWriter(header: columns)
        for line in aging.customers + [aging.total] {
            let dso = line.dsoTenths(periodDays: aging.periodDays).map { "\($0 / 10).\($0 % 10)" } ?? ""
            w.appendRow([.text(line.customerKey), .text(aging.asOf.description)]
                        + line.amounts.map { .number(Money.decimalString($0)) }
                        + [.number(Money.decimalString(line.total)), .number(Money.decimalString(line.sales)), .number(dso)])
        }
        return w
    }
}
