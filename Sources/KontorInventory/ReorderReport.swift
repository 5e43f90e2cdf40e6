import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `inventory/reorder-<date>.csv`: what to buy as of the end of a day, one row per article
/// and warehouse whose available stock is at or below its reorder point or which orders wait
/// for, with the suggested quantity (see `ReorderSuggestion`). Made on demand: it reads the
/// shop's movements and reservations.
enum ReorderReport {
    static let columns = ["sku", "name", "supplier", "warehouse", "on_hand", "reserved", "available", "shortfall",
                          "reorder_point", "sold_per_day", "lead_time_days", "suggested_quantity", "reason"]
    /// The report with the embedded settings.
    static let report = report(BuyingSettings())

    /// The report with `settings`: as of the period's last day (`--to`), or today.
    static func report(_ settings: BuyingSettings) -> Report {
        Report(name: "reorder", title: "What to buy: articles at or below their reorder point, as of a day",
                               takesPeriod: true) { shop, period, db in
        let day = period?.to ?? .today
        return ReportFile(path: "inventory/reorder-\(day).csv", bytes: try csv(shop: shop, asOf: day, settings: settings, in: db).bytes)
    }.onDemand().asOfDay()
    }

    /// The report's CSV.
    static func csv(shop: String, asOf day: CalendarDate, settings: BuyingSettings, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: columns)
        for line in try Inventory.reorder(shop: shop, asOf: day, windowDays: settings.windowDays,
                                                 reviewDays: settings.reviewDays, in: db) {
            let level = line.level
            w.appendRow([.text(level.sku), .text(level.name), .text(line.supplier ?? ""), .text(level.warehouse),
                         .number(String(level.onHand)), .number(String(level.reserved)), .number(String(level.available)),
                         .number(String(level.shortfall)), .number(level.reorderPoint.map(String.init) ?? ""),
                         .number(line.suggestion.soldPerDay), .number(line.leadTimeDays.map(String.init) ?? ""),
                         .number(String(line.suggestion.quantity)), .text(line.reason)])
        }
        return w
    }
}

/// One line of the reorder list.
public struct ReorderLine: Sendable, Equatable {
    /// The stock as of the day (value left at 0).
    public var level: StockLevel
    public var supplier: String?
    public var leadTimeDays: Int?
    public var suggestion: ReorderSuggestion

    /// Why it is listed: below its reorder point, orders waiting, or both.
    public var reason: String {
        let low = level.reorderPoint.map { level.available <= $0 } ?? false
        switch (low, level.shortfall > 0) {
        case (true, true): return "at or below reorder point; orders wait for \(level.shortfall)"
        case (true, false): return "at or below reorder point"
        default: return "orders wait for \(level.shortfall)"
        }
    }
}

extension Inventory {
    /// What to buy as of the end of `day`: every article and warehouse whose available stock
    /// is at or below its reorder point, or which has a shortfall, and for which the
    /// suggestion is more than 0. A movement or reservation counts on the day its batch was
    /// received; issues count over the `windowDays` days up to and including `day`, less
    /// their reversals.
    public static func reorder(shop: String, asOf day: CalendarDate, windowDays: Int, reviewDays: Int,
                               in db: Database) throws -> [ReorderLine] {
        let since = day.adding(days: -windowDays)
        let rows = try Row.fetchAll(db, sql: """
            WITH moved AS (
                SELECT m.sku, m.warehouse, SUM(m.quantity) AS on_hand,
                       SUM(CASE WHEN substr(b.received_at, 1, 10) > ?3
                                 AND (m.kind = 'issue' OR (m.kind = 'reversal' AND r.kind = 'issue'))
                                THEN -m.quantity ELSE 0 END) AS sold
                FROM stock_movements m JOIN batches b ON b.id = m.batch_id
                LEFT JOIN stock_movements r ON r.id = m.reverses
                WHERE m.shop = ?1 AND substr(b.received_at, 1, 10) <= ?2
                GROUP BY m.sku, m.warehouse),
            held AS (
                SELECT v.sku, v.warehouse, SUM(v.quantity) AS reserved
                FROM reservations v JOIN batches b ON b.id = v.batch_id
                WHERE v.shop = ?1 AND substr(b.received_at, 1, 10) <= ?2
                GROUP BY v.sku, v.warehouse),
            places AS (SELECT sku, warehouse FROM moved UNION SELECT sku, warehouse FROM held)
            SELECT p.sku, p.warehouse, a.name, a.reorder_point, a.lead_time_days, a.min_order_quantity, a.supplier,
                   coalesce(m.on_hand, 0) AS on_hand, coalesce(m.sold, 0) AS sold, max(coalesce(h.reserved, 0), 0) AS reserved
            FROM places p JOIN articles a ON a.shop = ?1 AND a.sku = p.sku
            LEFT JOIN moved m ON m.sku = p.sku AND m.warehouse = p.warehouse
            LEFT JOIN held h ON h.sku = p.sku AND h.warehouse = p.warehouse
            ORDER BY p.sku, p.warehouse
            """, arguments: [shop, day.description, since.description])
        return rows.compactMap { row in
            let level = StockLevel(shop: shop, sku: row["sku"], name: row["name"], warehouse: row["warehouse"],
                                   onHand: row["on_hand"], promised: row["reserved"], reorderPoint: row["reorder_point"])
            let low = level.reorderPoint.map { level.available <= $0 } ?? false
            guard low || level.shortfall > 0 else { return nil }
            let lead: Int? = row["lead_time_days"]
            let suggestion = ReorderSuggestion(sold: row["sold"], windowDays: windowDays, leadTimeDays: lead ?? 0,
                                               reviewDays: reviewDays, shortfall: level.shortfall,
                                               reorderPoint: level.reorderPoint ?? 0, available: level.available,
                                               minimumOrderQuantity: row["min_order_quantity"])
            guard suggestion.quantity > 0 else { return nil }
            return ReorderLine(level: level, supplier: row["supplier"], leadTimeDays: lead, suggestion: suggestion)
        }
    }
}
