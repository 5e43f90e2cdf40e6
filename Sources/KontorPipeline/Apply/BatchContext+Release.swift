import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

extension BatchContext {
    /// Releases a held order: its hold is lifted and it goes on its way as a new order would
    /// (released, invoiced and shipped, or waiting for payment or stock). False for an order
    /// booked before Kontor kept its shipping charge.
    /// Not for an order that still needs attention (`resolveAttention` releases that).
    /// `paying` is a payment about to be posted for it, as `dispatch` takes it.
    mutating func release(_ entry: BookedOrder, on date: CalendarDate, because cause: String, paying: Int = 0,
                          log: inout DiagnosticLog) throws -> Bool {
        guard try orders.holds(order: entry.id).isEmpty, try orders.stored(entry) != nil else { return false }
        try credit.release(shop: shop, order: entry.orderNumber, batch: batch)
        return try dispatch(entry, on: date, because: cause, paying: paying, log: &log)
    }

    /// Releases the held orders of a customer that the credit check now lets through (a
    /// payment lowered what they owe, or a customers file raised their limit), oldest first,
    /// until one still does not fit: later orders do not overtake an earlier one.
    mutating func releaseHeldOrders(of customerKey: String, on date: CalendarDate, because cause: String,
                                    log: inout DiagnosticLog) throws {
        for number in try credit.heldOrders(shop: shop, customerKey: customerKey) {
            guard let entry = try orders.order(shop: shop, number: number), entry.status == .held else { continue }
            let limit = try customer(id: customerKey, email: nil)?.creditLimit ?? settings.defaultCreditLimit
            let method = PaymentMethod(rawValue: entry.paymentMethod) ?? .invoice
            guard CreditPolicy.decide(orderTotal: entry.totalGross, method: method, exposure: try exposure(customerKey), limit: limit) == .release,
                  try release(entry, on: date, because: cause, log: &log) else { return }
            summary.released.append(.init(order: number, customer: customerKey, reason: cause))
        }
    }
}
