import GRDB
import KontorCore
import KontorAccounting
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders

/// What the handlers of one batch share, inside the batch's transaction: the shop, the
/// batch, the shop's settings, the per-batch caches of articles and customers, and the
/// summary of what the batch did.
struct BatchContext {
    /// The transaction every handler writes in.
    let db: Database
    /// The shop whose file this is.
    let shop: String
    /// The batch every row written carries.
    let batch: Int64
    /// The shop's settings.
    let settings: ShopSettings
    /// What the batch did, for its receipt and the journal.
    var summary = BatchSummary()
    /// Articles looked up or written in this batch, by SKU.
    var articles: [String: Article] = [:]
    /// Where each article of a products file was, to refuse one given twice.
    var productsSeen: [String: SourceLocation] = [:]
    /// Customers looked up in this batch (nil: none there), by id or e-mail address.
    var customers: [String: CustomerAccount?] = [:]
    /// The day the batch was received, once looked up.
    var receivedOn: CalendarDate?
    /// What a stock count file covers, as its first line said, and what it counted, by
    /// warehouse: the articles listed.
    var countScope: CountScope?
    var counted: [String: Set<String>] = [:]
    /// The currencies whose reference rates the batch brought, for the orders waiting for them.
    var ratesReceived: Set<String> = []

    init(db: Database, shop: String, batch: Int64, settings: ShopSettings) {
        self.db = db
        self.shop = shop
        self.batch = batch
        self.settings = settings
    }

    var inventory: Inventory { Inventory(db) }
    var ledger: Ledger { Ledger(db) }
    var credit: CreditBook { CreditBook(db) }
    var liquidity: Liquidity { Liquidity(db) }
    var shipping: Shipping { Shipping(db) }
    var orders: OrderBook { OrderBook(db) }
}
