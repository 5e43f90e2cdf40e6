import GRDB
import KontorCore
import KontorStore

/// Credit as a module of the books: customers, credit holds, bank movements and balances.
public struct CreditModule: BooksModule {
    /// The module.
    public init() {}

    /// `credit`.
    public var name: String { "credit" }

    /// Credit's migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        CreditMigrations.register(in: &migrator)
        CreditMigrations.registerCurrencies(in: &migrator)
        CreditMigrations.registerLimitHistory(in: &migrator)
    }

    /// The batch's holds are lifted; its bank movements are mirrored and its balances set aside;
    /// its dunning letters and stops are marked as taken back; its reference rates and
    /// bookings in other currencies are set aside.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try CreditBook(db).reverse(batch: batch)
        try Liquidity(db).reverse(batch: batch, by: reversal)
        try DunningBook(db).reverse(batch: batch, by: reversal)
        try ExchangeRates(db).reverse(batch: batch)
    }

    /// The later dunning runs that took an invoice the batch dunned to its next level.
    public func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64] {
        try DunningBook.batches(buildingOn: batch, in: db)
    }
}
