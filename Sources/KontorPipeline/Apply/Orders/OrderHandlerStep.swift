import KontorCore

/// One step a new order goes through after its intake (the credit check, then its way on
/// to delivery). A new step for orders is a new type in `OrderHandler.steps`.
protocol OrderHandlerStep: Sendable {
    /// Does the step's part for `order`; `.done` once the order is booked.
    func run(_ order: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome
}
