import GRDB
import KontorCore
import KontorStore

/// The order book as a module of the books: orders, their lines, returns and state changes.
public struct OrdersModule: BooksModule {
    /// The module.
    public init() {}

    /// `orders`.
    public var name: String { "orders" }

    /// The order book's migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        OrderMigrations.register(in: &migrator)
        OrderMigrations.registerIndexes(in: &migrator)
        OrderMigrations.registerRelease(in: &migrator)
        OrderMigrations.registerWay(in: &migrator)
        OrderMigrations.registerDiscounts(in: &migrator)
        OrderMigrations.registerAttention(in: &migrator)
        OrderMigrations.registerAttentionDiscounts(in: &migrator)
        OrderMigrations.registerAddition(in: &migrator)
        OrderMigrations.registerCurrency(in: &migrator)
        OrderMigrations.registerDeliveries(in: &migrator)
        OrderMigrations.registerVATCase(in: &migrator)
    }

    /// Orders the batch booked are reverted, orders it moved go back, its returns are mirrored.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try OrderBook.reverse(batch: batch, by: reversal, in: db)
    }

    /// The applied batches after `batch` that moved its orders or took back their goods.
    public func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT t.batch_id FROM order_transitions t
            JOIN orders o ON o.id = t.order_id AND o.batch_id = ?1
            JOIN batches b ON b.id = t.batch_id AND b.status = 'applied'
            WHERE t.batch_id != ?1 AND t.reverses IS NULL
            UNION
            SELECT DISTINCT r.batch_id FROM order_returns r
            JOIN orders o ON o.id = r.order_id AND o.batch_id = ?1
            JOIN batches b ON b.id = r.batch_id AND b.status = 'applied'
            WHERE r.batch_id != ?1 AND r.reverses IS NULL
            ORDER BY 1
            """, arguments: [batch])
    }
}
