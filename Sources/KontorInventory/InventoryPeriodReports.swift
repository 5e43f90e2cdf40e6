import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// The inventory's lists for a period, made on demand: every stock movement with its value
/// (`inventory/movements_<from>_<to>.csv`), every change of an article's price, VAT rate
/// or cost (`inventory/price-history_<from>_<to>.csv`), and the articles whose waiting
/// orders ask for more than is on hand (`inventory/shortfalls.csv`, as of now).
enum InventoryPeriodReports {
    static let movementColumns = ["date", "batch", "sku", "name", "warehouse", "kind", "quantity", "value", "reference"]
    static let priceColumns = ["date", "batch", "sku", "name", "price_gross", "vat_rate", "cost"]
    static let shortfallColumns = ["sku", "name", "warehouse", "on_hand", "promised", "shortfall", "orders_waiting"]

    /// The movements of a period (a movement is dated by the day its batch was received);
    /// without a period, the current month.
    static let movements = Report(name: "stock-movements", title: "Stock movements of a period with their values",
                                  takesPeriod: true) { shop, period, db in
        let period = period ?? ReportPeriod.month(year: CalendarDate.today.year, month: CalendarDate.today.month)
        var w = CSVWriter(header: movementColumns)
        for row in try Row.fetchAll(db, sql: """
            SELECT substr(b.received_at, 1, 10) AS date, m.batch_id, m.sku, a.name, m.warehouse, m.kind, m.quantity, m.value,
                   m.reference
            FROM stock_movements m JOIN batches b ON b.id = m.batch_id JOIN articles a ON a.shop = m.shop AND a.sku = m.sku
            WHERE m.shop = ? AND substr(b.received_at, 1, 10) BETWEEN ? AND ?
            ORDER BY m.id
            """, arguments: [shop, period.from.description, period.to.description]) {
            w.appendRow([.text(row["date"]), .number(String(row["batch_id"] as Int64)), .text(row["sku"]), .text(row["name"]),
                         .text(row["warehouse"]), .text(row["kind"]), .number(String(row["quantity"] as Int)),
                         .number(Money.decimalString(row["value"])), .text(row["reference"] ?? "")])
        }
        return ReportFile(path: "inventory/movements_\(period.slug).csv", bytes: w.bytes)
    }.onDemand()

    /// The changes of prices, rates and costs of a period; without one, all of them.
    static let priceHistory = Report(name: "price-history", title: "Changes of articles' prices, VAT rates and costs",
                                     takesPeriod: true) { shop, period, db in
        var w = CSVWriter(header: priceColumns)
        for row in try Row.fetchAll(db, sql: """
            SELECT substr(b.received_at, 1, 10) AS date, p.batch_id, p.sku, a.name, p.price_gross, p.vat_rate, p.cost
            FROM article_price_changes p JOIN batches b ON b.id = p.batch_id JOIN articles a ON a.shop = p.shop AND a.sku = p.sku
            WHERE p.shop = ?1 AND (?2 IS NULL OR substr(b.received_at, 1, 10) BETWEEN ?2 AND ?3)
            ORDER BY p.sku, p.id
            """, arguments: [shop, period?.from.description, period?.to.description]) {
            w.appendRow([.text(row["date"]), .number(String(row["batch_id"] as Int64)), .text(row["sku"]), .text(row["name"]),
                         .number(Money.decimalString(row["price_gross"])), .number(String(row["vat_rate"] as Int)),
                         .number((row["cost"] as Int?).map { Money.decimalString($0) } ?? "")])
        }
        return ReportFile(path: period.map { "inventory/price-history_\($0.slug).csv" } ?? "inventory/price-history.csv",
                          bytes: w.bytes)
    }.onDemand()

    /// The articles promised beyond what is on hand, with the orders waiting for them.
    static let shortfalls = Report(name: "shortfalls", title: "Articles whose waiting orders ask for more than is on hand") {
        shop, _, db in
        var w = CSVWriter(header: shortfallColumns)
        for level in try Inventory.levels(shop: shop, in: db) where level.shortfall > 0 {
            let waiting = try String.fetchAll(db, sql: """
                SELECT order_number FROM open_reservations WHERE shop = ? AND sku = ? AND warehouse = ? ORDER BY seq
                """, arguments: [shop, level.sku, level.warehouse])
            w.appendRow([.text(level.sku), .text(level.name), .text(level.warehouse), .number(String(level.onHand)),
                         .number(String(level.promised)), .number(String(level.shortfall)), .text(waiting.joined(separator: " "))])
        }
        return ReportFile(path: "inventory/shortfalls.csv", bytes: w.bytes)
    }.onDemand()
}
