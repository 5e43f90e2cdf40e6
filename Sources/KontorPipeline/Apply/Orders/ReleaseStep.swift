import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

/// Decides whether an order goes on: a cancelled order is booked as it is; one the credit
/// check holds reserves its goods and is booked held; any other goes on to its dispatch.
struct ReleaseStep: OrderHandlerStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let (shop, batch, number) = (context.shop, context.batch, o.order.orderNumber)
        let exposureOf = context.exposure
        let standingOf = context.standing
        let limit = context.settings.creditLimit(for: o.customer)
        var exposure = 0
        let release = try OrderRelease.decide(cancelled: o.order.cancelled) { [o] () throws -> String? in
            // An invoice the shop issued for this very order is in what the customer owes already.
            exposure = try exposureOf(o.customerKey) - (o.invoice?.gross ?? 0)
            let standing = o.order.paymentMethod.carriesCreditRisk ? try standingOf(o.customerKey, o.customer) : (blocked: false, dunned: [])
            let decision = CreditPolicy.decide(orderTotal: o.total, method: o.order.paymentMethod, exposure: exposure, limit: limit,
                                               blocked: standing.blocked, dunned: standing.dunned)
            guard case .hold(let reason) = decision else { return nil }
            return reason
        }
        if case .hold(let reason) = release {
            try o.reserve(in: context)
            try context.credit.hold(shop: shop, order: number, customerKey: o.customerKey, amount: o.total,
                                    exposure: exposure, limit: limit, reason: reason, batch: batch)
            context.summary.holds.append(.init(order: number, customer: o.customerKey, reason: reason))
        }
        switch release {
        case .release: return .next
        case .cancelled: try o.book(o.way + [OrderStep(.cancelled, "cancelled in the shop's export")], in: context)
        case .hold(let reason): try o.book(o.way + [OrderStep(.held, reason)], in: context)
        }
        return .done
    }
}
