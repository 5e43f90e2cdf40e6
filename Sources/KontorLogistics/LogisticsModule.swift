import GRDB
import KontorCore
import KontorStore

/// Logistics as a module of the books: shipments, parcels and their tracking.
public struct LogisticsModule: BooksModule {
    /// The module.
    public init() {}

    /// `logistics`.
    public var name: String { "logistics" }

    /// Logistics' migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        LogisticsMigrations.register(in: &migrator)
    }

    /// The batch's tracking events and corrections are undone, its shipments cancelled.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try Shipping(db).reverseEvents(batch: batch, by: reversal)
        try Shipping(db).cancel(batch: batch, by: reversal)
    }
}
