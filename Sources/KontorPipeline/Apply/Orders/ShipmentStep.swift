import KontorCore
import KontorInventory
import KontorOrders

/// Ships an invoiced order if it may go out and its goods are free (nobody before it
/// reserved them), straight from the shelf; otherwise reserves its goods. Books it in the
/// state that leaves it: shipped, awaiting stock or awaiting payment.
struct ShipmentStep: OrderStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let (inventory, shop) = (context.inventory, context.shop)
        let quantities = o.quantities
        let decision = try ShipDecision.afterRelease(paid: o.order.paid, method: o.order.paymentMethod) {
            try inventory.isFree(shop: shop, quantities: quantities)
        }
        if decision == .ship {
            try inventory.issue(shop: shop, order: o.order.orderNumber, quantities: quantities, batch: context.batch)
            try context.createShipment(o.order.orderNumber, weight: o.weight, to: o.order.shipTo)
        } else {
            try o.reserve(in: context)
        }
        try o.book(decision.status, in: context)
        return .done
    }
}
