import KontorCore

/// An order the shop cancelled (Kontor's `cancellations` kind): cancelled as `kontor cancel`
/// would cancel it.
struct CancellationHandler: RecordHandler {
    let kind = RecordKind.cancellation

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .cancellation(let c) = record else { return }
        try context.cancel(order: c.orderNumber, reason: c.reason ?? "cancelled by the shop", at: c.location, log: &log)
    }
}
