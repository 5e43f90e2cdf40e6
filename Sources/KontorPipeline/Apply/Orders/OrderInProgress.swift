import KontorAccounting
import KontorCore
import KontorCredit
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
    /// Its invoice, once a step posted it.
    var invoice: PostedInvoice?

    /// Records the order in the order book in `status`, with its lines.
    func book(_ status: OrderStatus, in context: BatchContext) throws {
        let id = try context.orders.add(order, shop: context.shop, customerKey: customerKey, totalGross: total,
                                        weightGrams: weight, status: status, invoice: invoice?.number, batch: context.batch)
        try context.orders.addLines(lines, order: id)
    }
}
