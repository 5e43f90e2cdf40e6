import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `inventory/valuation-<date>.csv`: what the stock was worth at the end of a day, per
/// article and warehouse, with a total row. A movement counts on the day its batch was
/// received, so the total is the sum of the values of every movement up to that day.
/// Made on demand: it reads every movement of the shop.
enum ValuationReport {
    static let columns = ["sku", "name", "warehouse", "quantity", "average_cost", "value"]

    /// The report: as of the period's last day (`--to`), or today.
    static let report = Report(name: "inventory-valuation", title: "Inventory valuation at moving average cost as of a day",
                               takesPeriod: true) { shop, period, db in
        let day = period?.to ?? .today
        return ReportFile(path: "inventory/valuation-\(day).csv", bytes: try csv(shop: shop, asOf: day, in: db).bytes)
    }.onDemand().asOfDay()

    /// The report's CSV.
    static func csv(shop: String, asOf day: CalendarDate, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: columns)
        var quantity = 0, value = 0
        for line in try Inventory.valuation(shop: shop, asOf: day, in: db) {
            w.appendRow([.text(line.sku), .text(line.name), .text(line.warehouse), .number(String(line.onHand)),
                         .number(line.averageCost.map { Money.decimalString($0) } ?? ""), .number(Money.decimalString(line.value))])
            quantity += line.onHand
            value += line.value
        }
        w.appendRow([.text("total"), .text(""), .text(""), .number(String(quantity)), .number(""),
                     .number(Money.decimalString(value))])
        return w
    }
}

extension Inventory {
    /// The stock of `shop` at the end of `day`, per article and warehouse: quantity and value
    /// summed over the movements whose batch was received on or before that day. Articles
    /// with neither stock nor value are left out.
    public static func valuation(shop: String, asOf day: CalendarDate, in db: Database) throws -> [StockLevel] {
        try Row.fetchAll(db, sql: """
            SELECT m.sku, a.name, m.warehouse, SUM(m.quantity) AS quantity, SUM(m.value) AS value
            FROM stock_movements m JOIN batches b ON b.id = m.batch_id JOIN articles a ON a.shop = m.shop AND a.sku = m.sku
            WHERE m.shop = ? AND substr(b.received_at, 1, 10) <= ?
            GROUP BY m.sku, m.warehouse HAVING SUM(m.quantity) != 0 OR SUM(m.value) != 0
            ORDER BY m.sku, m.warehouse
            """, arguments: [shop, day.description]).map {
            StockLevel(shop: shop, sku: $0["sku"], name: $0["name"], warehouse: $0["warehouse"], onHand: $0["quantity"],
                       promised: 0, reorderPoint: nil, value: $0["value"])
        }
    }
}
