import GRDB
import KontorCore
import KontorStore

/// Logistics as a module of the books: shipments.
public struct LogisticsModule: BooksModule {
    /// The module.
    public init() {}

    /// `logistics`.
    public var name: String { "logistics" }

    /// Logistics' migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        LogisticsMigrations.register(in: &migrator)
    }

    /// The batch's shipments are cancelled.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try Shipping(db).cancel(batch: batch, by: reversal)
    }
}
