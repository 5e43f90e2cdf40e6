import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `stock.csv`: the stock list of a shop, one row per article and warehouse. Available is
/// never below zero; what orders were promised beyond the stock is its shortfall.
enum StockReport {
    /// The report.
    static let report = Report(name: "stock", title: "Stock list: on hand, reserved, available, reorder") { shop, _, db in
        ReportFile(path: "stock.csv", bytes: try csv(shop: shop, in: db).bytes)
    }

    /// The stock list of `shop` as CSV.
    static func csv(shop: String, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: ["sku", "name", "warehouse", "on_hand", "reserved", "available", "shortfall", "reorder_point", "reorder",
                                    "average_cost", "value"])
        for level in try Inventory.levels(shop: shop, in: db) {
            w.appendRow([.text(level.sku), .text(level.name), .text(level.warehouse), .number(String(level.onHand)),
                         .number(String(level.reserved)), .number(String(level.available)), .number(String(level.shortfall)),
                         .number(level.reorderPoint.map(String.init) ?? ""), .text(level.needsReorder ? "yes" : "no"),
                         .number(level.averageCost.map { Money.decimalString($0) } ?? ""), .number(Money.decimalString(level.value))])
        }
        return w
    }
}
