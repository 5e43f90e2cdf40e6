import KontorCore
import KontorInventory
import KontorOrders

/// Ships an invoiced order if it may go out and its goods are there, and books it in the
/// state that leaves it: shipped, awaiting stock or awaiting payment.
struct ShipmentStep: OrderStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let (inventory, shop, number) = (context.inventory, context.shop, o.order.orderNumber)
        let decision = try ShipDecision.afterRelease(paid: o.order.paid, method: o.order.paymentMethod) {
            try inventory.canShip(shop: shop, order: number)
        }
        if decision == .ship { try context.ship(number, weight: o.weight, to: o.order.shipTo) }
        try o.book(decision.status, in: context)
        return .done
    }
}
