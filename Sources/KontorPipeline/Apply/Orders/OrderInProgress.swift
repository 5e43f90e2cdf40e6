import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

/// A new order on its way through the order steps: what its intake found, and what the
/// steps before decided.
struct OrderInProgress {
    /// The order as the shop sent it.
    let order: Order
    /// Its lines with the rate each is booked at.
    let lines: [BookedLine]
    /// The weight of its goods in grams.
    let weight: Int
    /// Its goods, for the invoice.
    let goods: [TaxableAmount]
    /// Its gross total, shipping included.
    let total: Int
    /// The customer as the credit book knows them, if it does.
    let customer: CustomerAccount?
    /// The customer the order is booked to.
    let customerKey: String
    /// How VAT law treats it (decided when it came, recorded with it).
    var vatCase: VATCase = .domestic
    /// Its invoice, once a step posted it.
    var invoice: PostedInvoice?
    /// The states it went through so far in this batch, each with its cause.
    var way: [OrderStep] = []
    /// What holds it for a person's attention (an unknown article or customer, a rate that
    /// differs); empty for an order that may go on.
    var holds: [AttentionHold] = []
    /// The warehouse each article is taken from, where the shop has more than one (see
    /// `BatchContext.place`); an article not in it comes from the default warehouse.
    var places: [String: String] = [:]

    /// Its quantities per article (an article on two lines counts once, summed).
    var quantities: [String: Int] {
        lines.reduce(into: [:]) { $0[$1.sku, default: 0] += $1.quantity }
    }

    /// Reserves its goods, line by line.
    func reserve(in context: BatchContext) throws {
        for line in lines {
            try context.inventory.reserve(shop: context.shop, order: order.orderNumber, sku: line.sku,
                                          quantity: line.quantity, batch: context.batch,
                                          warehouse: places[line.sku] ?? defaultWarehouse, queuedOn: order.orderDate)
        }
    }

    /// Records the order in the order book with the way it went, with its lines; returns its id.
    @discardableResult
    func book(_ way: [OrderStep], in context: BatchContext) throws -> Int64 {
        let id = try context.orders.add(order, shop: context.shop, customerKey: customerKey, totalGross: total,
                                        weightGrams: weight, way: way, invoice: invoice?.number, vatCase: vatCase,
                                        batch: context.batch)
        try context.orders.addLines(lines, order: id)
        return id
    }
}
