import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

/// Decides whether an order is released: a cancelled order is booked as it is; one the
/// credit check holds reserves its goods and is booked held; a released one goes on (its
/// goods are reserved or shipped by the shipment step).
struct ReleaseStep: OrderStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let (shop, batch, number) = (context.shop, context.batch, o.order.orderNumber)
        let ledger = context.ledger
        let limit = o.customer?.creditLimit ?? context.settings.defaultCreditLimit
        var exposure = 0
        let release = try OrderRelease.decide(cancelled: o.order.cancelled) { [o] () throws -> String? in
            exposure = try ledger.exposure(shop: shop, customerKey: o.customerKey)
            let decision = CreditPolicy.decide(orderTotal: o.total, method: o.order.paymentMethod, exposure: exposure, limit: limit)
            guard case .hold(let reason) = decision else { return nil }
            return reason
        }
        if case .hold(let reason) = release {
            try o.reserve(in: context)
            try context.credit.hold(shop: shop, order: number, customerKey: o.customerKey, amount: o.total,
                                    exposure: exposure, limit: limit, reason: reason, batch: batch)
            context.summary.holds.append(.init(order: number, customer: o.customerKey, reason: reason))
        }
        guard let status = release.status else { return .next }
        try o.book(status, in: context)
        return .done
    }
}
