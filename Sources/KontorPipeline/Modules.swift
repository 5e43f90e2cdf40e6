import KontorAccounting
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders
import KontorStore

/// The modules of the books, listed once. Their migrations run in this order (after the
/// store's), and a forced rerun reverses a batch module by module in this order.
public enum Modules {
    /// Every module of the books.
    public static let all: [any BooksModule] = [
        InventoryModule(),
        AccountingModule(),
        CreditModule(),
        LogisticsModule(),
        OrdersModule(),
    ]
}
