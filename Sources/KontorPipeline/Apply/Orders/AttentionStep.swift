import KontorCore
import KontorOrders

/// Books an order that needs attention (an unknown article, an unknown customer on account,
/// a VAT rate other than its article's) as held, with its reasons and its lines as the file
/// gave them; it reserves nothing. The rest of the file is booked as usual; the order is
/// released when the missing data arrives (`BatchContext.releaseWaiting`) or by command.
struct AttentionStep: OrderHandlerStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        guard !o.holds.isEmpty else { return .next }
        let reasons = o.holds.map(\.reason).joined(separator: "; ")
        let id = try context.orders.add(o.order, shop: context.shop, customerKey: o.customerKey, totalGross: o.total,
                                        weightGrams: o.weight, way: o.way + [OrderStep(.held, "needs attention: " + reasons)],
                                        invoice: nil, batch: context.batch)
        try context.orders.hold(id, shop: context.shop, for: o.holds, lines: o.order.lines, orderDiscount: o.order.discount,
                                batch: context.batch)
        context.summary.holds.append(.init(order: o.order.orderNumber, customer: o.customerKey, reason: "needs attention: " + reasons))
        return .done
    }
}
