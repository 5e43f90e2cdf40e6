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
        guard try orders.holds(order: entry.id).isEmpty, let stored = try orders.stored(entry) else { return false }
        try credit.release(shop: shop, order: entry.orderNumber, batch: batch)
        try dispatch(entry, stored: stored, on: date, because: cause, paying: paying, log: &log)
        return true
    }

    /// Releases an order that a payment of `paying` covers before the payment is posted, so
    /// that the payment settles the invoice the release issues: an order awaiting payment, or
    /// a held order (credit risk gone) paid in full in advance (`ShipDecision.paymentReleases`).
    /// `order` is read again afterwards; a released held order is listed with `reason`.
    mutating func releaseIfCovered(_ order: inout BookedOrder, paying: Int, on date: CalendarDate, because cause: String,
                                   listed reason: String, log: inout DiagnosticLog) throws {
        let entry = order
        let covered = try ShipDecision.paymentReleases(status: entry.status, invoiced: entry.invoiceNumber != nil, paying: paying) {
            try owed(on: entry.orderNumber, invoice: entry.invoiceNumber, total: entry.totalGross)
        }
        guard covered else { return }
        if entry.status == .held {
            guard try release(entry, on: date, because: cause, paying: paying, log: &log) else { return }
            summary.released.append(.init(order: entry.orderNumber, customer: entry.customerKey, reason: reason))
        } else {
            guard try dispatch(entry, on: date, because: cause, paying: paying, log: &log) else { return }
        }
        order = try orders.order(shop: shop, number: entry.orderNumber) ?? entry
    }

    /// Releases the held orders of a customer that the credit check now lets through (a
    /// payment lowered what they owe, or a customers file raised their limit), oldest first,
    /// until one still does not fit: later orders do not overtake an earlier one.
    mutating func releaseHeldOrders(of customerKey: String, on date: CalendarDate, because cause: String,
                                    log: inout DiagnosticLog) throws {
        for number in try credit.heldOrders(shop: shop, customerKey: customerKey) {
            guard let entry = try orders.order(shop: shop, number: number), entry.status == .held else { continue }
            let account = try customer(id: customerKey, email: nil)
            let limit = settings.creditLimit(for: account)
            let method = PaymentMethod(rawValue: entry.paymentMethod) ?? .invoice
            let standing = try standing(of: customerKey, account)
            guard CreditPolicy.decide(orderTotal: entry.totalGross, method: method, exposure: try exposure(customerKey), limit: limit,
                                      blocked: standing.blocked, dunned: standing.dunned) == .release,
                  try release(entry, on: date, because: cause, log: &log) else { return }
            summary.released.append(.init(order: number, customer: customerKey, reason: cause))
        }
    }
}
