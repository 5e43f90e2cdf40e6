import KontorCore

/// Applies one kind of record to the books, inside its batch's transaction. Problems with
/// the input go to `log` as diagnostics; the batch is rolled back if any is an error.
protocol RecordHandler: Sendable {
    /// The kind of record it applies.
    var kind: RecordKind { get }

    /// Applies `record`, which is of the handler's kind.
    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws

    /// Does what is left once every record of the file was applied (a full stock count sets
    /// the articles it did not list to zero). Most handlers have nothing left to do.
    func finish(in context: inout BatchContext, log: inout DiagnosticLog) throws
}

extension RecordHandler {
    func finish(in context: inout BatchContext, log: inout DiagnosticLog) throws {}
}
