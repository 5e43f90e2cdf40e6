import KontorCore

/// One step a new order goes through after its intake (release, invoice, shipment). A new
/// step for orders is a new type in `OrderHandler.steps`.
protocol OrderStep: Sendable {
    /// Does the step's part for `order`; `.done` once the order is booked.
    func run(_ order: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome
}
