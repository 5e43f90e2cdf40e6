import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

extension BatchContext {
    /// Releases a held order: its hold is lifted, it is invoiced (and its payment posted if
    /// it came paid) and shipped, or waits for payment or stock, as a new order would. False
    /// for an order booked before Kontor kept its shipping charge, and for one that still
    /// needs attention (`resolveAttention` releases that).
    mutating func release(_ entry: BookedOrder, log: inout DiagnosticLog) throws -> Bool {
        guard try orders.holds(order: entry.id).isEmpty, let (order, lines) = try orders.stored(entry) else { return false }
        try credit.release(shop: shop, order: entry.orderNumber, batch: batch)
        let customer = try self.customer(id: entry.customerKey, email: nil)
        var released = OrderInProgress(
            order: order, lines: lines, weight: entry.weightGrams,
            goods: lines.map { TaxableAmount(amount: $0.quantity * $0.unitPrice, rate: $0.rate, basis: order.priceBasis) },
            total: entry.totalGross, customer: customer, customerKey: entry.customerKey)
        _ = try InvoiceStep().run(&released, in: &self, log: &log)
        guard let invoice = released.invoice else { return false }
        let (inventory, shop, number) = (inventory, shop, entry.orderNumber)
        let decision = try ShipDecision.afterRelease(paid: order.paid, method: order.paymentMethod) {
            try inventory.canShip(shop: shop, order: number)
        }
        if decision == .ship { try ship(number, weight: entry.weightGrams, to: entry.shipTo) }
        try orders.release(entry, to: decision.status, invoice: invoice.number, batch: batch)
        return true
    }

    /// Releases the held orders of a customer that the credit check now lets through (a
    /// payment lowered what they owe, or a customers file raised their limit), oldest first,
    /// until one still does not fit: later orders do not overtake an earlier one.
    mutating func releaseHeldOrders(of customerKey: String, because cause: String, log: inout DiagnosticLog) throws {
        for number in try credit.heldOrders(shop: shop, customerKey: customerKey) {
            guard let entry = try orders.order(shop: shop, number: number), entry.status == .held else { continue }
            let limit = try customer(id: customerKey, email: nil)?.creditLimit ?? settings.defaultCreditLimit
            let exposure = try ledger.exposure(shop: shop, customerKey: customerKey)
            let method = PaymentMethod(rawValue: entry.paymentMethod) ?? .invoice
            guard CreditPolicy.decide(orderTotal: entry.totalGross, method: method, exposure: exposure, limit: limit) == .release,
                  try release(entry, log: &log) else { return }
            summary.released.append(.init(order: number, customer: customerKey, reason: cause))
        }
    }
}
