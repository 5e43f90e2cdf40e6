import GRDB
import KontorCore
import KontorStore

/// Inventory as a module of the books: articles, stock movements, reservations and balances.
public struct InventoryModule: BooksModule {
    /// The module.
    public init() {}

    /// `inventory`.
    public var name: String { "inventory" }

    /// Inventory's migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        InventoryMigrations.register(in: &migrator)
        InventoryMigrations.registerPriceHistory(in: &migrator)
        InventoryMigrations.registerTransfers(in: &migrator)
    }

    /// Reverse stock movements and reservations.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try Inventory(db).reverse(batch: batch, by: reversal)
    }

    /// `stock.csv`, and on demand `inventory/valuation-<date>.csv`, `inventory/reorder-<date>.csv`,
    /// `inventory/slow-movers-<date>.csv`, the movements and price changes of a period and
    /// the shortfalls.
    public var reports: [Report] {
        [StockReport.report, ValuationReport.report, ReorderReport.report, SlowMoversReport.report, InventoryPeriodReports.movements,
         InventoryPeriodReports.priceHistory, InventoryPeriodReports.shortfalls]
    }
}
