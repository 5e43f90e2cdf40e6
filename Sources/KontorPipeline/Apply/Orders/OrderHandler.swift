import KontorCore

/// A new order: its intake checks and prices it, then each step takes it on until one
/// books it (held for attention, the credit check, then its way on to delivery).
struct OrderHandler: RecordHandler {
    let kind = RecordKind.order

    /// What happens to an order after its intake, in order.
    var steps: [any OrderHandlerStep] = [AttentionStep(), ShopInvoiceStep(), ReleaseStep(), DispatchStep()]

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .order(let order) = record, var inProgress = try intake(order, in: &context, log: &log) else { return }
        for step in steps where try step.run(&inProgress, in: &context, log: &log) == .done {
            return
        }
    }
}
