import KontorCore

/// Takes an order that nothing holds on its way: released, invoiced and shipped when it may
/// go and its goods are there, else booked waiting for payment or for stock.
struct DispatchStep: OrderHandlerStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        try context.dispatch(&o, on: o.order.orderDate, because: "new order", log: &log)
        return .done
    }
}
