import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `inventory/slow-movers-<date>.csv`: the stock on hand at the end of a day that has not
/// been issued for `slow_mover_days` days (dead stock: not for 365 days), with its value from
/// the valuation, highest value first, and a total row. Made on demand.
enum SlowMoversReport {
    static let columns = ["sku", "name", "warehouse", "quantity", "last_issue", "status", "value"]
    /// Days without an issue that make it dead stock.
    static let deadDays = 365

    /// The report with the embedded settings.
    static let report = report(BuyingSettings())

    /// The report with `settings`: as of the period's last day (`--to`), or today.
    static func report(_ settings: BuyingSettings) -> Report {
        Report(name: "slow-movers", title: "Slow movers and dead stock with their value, as of a day",
                               takesPeriod: true) { shop, period, db in
        let day = period?.to ?? .today
        return ReportFile(path: "inventory/slow-movers-\(day).csv",
                          bytes: try csv(shop: shop, asOf: day, slowDays: settings.slowMoverDays, in: db).bytes)
    }.onDemand().asOfDay()
    }

    /// The report's CSV.
    static func csv(shop: String, asOf day: CalendarDate, slowDays: Int, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: columns)
        var quantity = 0, value = 0
        for line in try Inventory.slowMovers(shop: shop, asOf: day, slowDays: slowDays, deadDays: deadDays, in: db) {
            w.appendRow([.text(line.level.sku), .text(line.level.name), .text(line.level.warehouse),
                         .number(String(line.level.onHand)), .text(line.lastIssue?.description ?? ""),
                         .text(line.dead ? "dead" : "slow"), .number(Money.decimalString(line.level.value))])
            quantity += line.level.onHand
            value += line.level.value
        }
        w.appendRow([.text("total"), .text(""), .text(""), .number(String(quantity)), .text(""), .text(""),
                     .number(Money.decimalString(value))])
        return w
    }
}

extension Inventory {
    /// The articles and warehouses with stock on hand at the end of `day` and no issue in the
    /// `slowDays` days up to it, with the day of their last issue (if any) and whether they
    /// had none in `deadDays` days; highest value first, then by sku and warehouse.
    public static func slowMovers(shop: String, asOf day: CalendarDate, slowDays: Int, deadDays: Int,
                                  in db: Database) throws -> [(level: StockLevel, lastIssue: CalendarDate?, dead: Bool)] {
        let lastIssues = try Row.fetchAll(db, sql: """
            SELECT m.sku, m.warehouse, max(substr(b.received_at, 1, 10)) AS day
            FROM stock_movements m JOIN batches b ON b.id = m.batch_id
            WHERE m.shop = ? AND m.kind = 'issue' AND substr(b.received_at, 1, 10) <= ?
            GROUP BY m.sku, m.warehouse
            """, arguments: [shop, day.description])
        var last: [String: CalendarDate] = [:]
        for row in lastIssues {
            if let date = CalendarDate(parsing: row["day"] as String) { last["\(row["sku"] as String)\u{0}\(row["warehouse"] as String)"] = date }
        }
        let slowSince = day.adding(days: -slowDays), deadSince = day.adding(days: -deadDays)
        return try valuation(shop: shop, asOf: day, in: db).compactMap { level in
            guard level.onHand > 0 else { return nil }
            let issued = last["\(level.sku)\u{0}\(level.warehouse)"]
            if let issued, slowSince < issued { return nil }
            return (level, issued, issued.map { !(deadSince < $0) } ?? true)
        }.sorted { ($0.level.value, $1.level.sku, $1.level.warehouse) > ($1.level.value, $0.level.sku, $0.level.warehouse) }
    }
}
