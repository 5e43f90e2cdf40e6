import GRDB
import KontorCore

/// Applies the records of one file to the books, inside the file's transaction: it finds
/// each record's handler by its kind and calls it over the batch's context. It holds no
/// rule of its own; what a record does is its handler's.
///
/// Input problems (an unknown article, a return of more than was shipped) become
/// diagnostics; the caller rolls the whole file back if any is an error.
struct Applier {
    private var context: BatchContext
    private let handlers: [RecordKind: any RecordHandler]
    /// The kinds of record applied so far.
    private var used: Set<RecordKind> = []

    init(db: Database, shop: String, batch: Int64, settings: ShopSettings, handlers: [any RecordHandler] = RecordHandlers.all) {
        context = BatchContext(db: db, shop: shop, batch: batch, settings: settings)
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What the batch did so far.
    var summary: BatchSummary { context.summary }

    /// Applies one record by its handler, and counts it: read, and applied if it added no error.
    mutating func apply(_ record: DocumentRecord, log: inout DiagnosticLog) throws {
        context.summary.read += 1
        let errorsBefore = log.errorCount
        let kind = RecordKind(record)
        guard let handler = handlers[kind] else {
            throw OperationalError("no handler applies records of kind \(kind.rawValue)")
        }
        try handler.apply(record, in: &context, log: &log)
        if log.errorCount == errorsBefore { context.summary.applied += 1 }
        used.insert(kind)
    }

    /// Lets each handler that applied records of the file finish its part, once.
    mutating func finish(log: inout DiagnosticLog) throws {
        for kind in RecordKind.allCases where used.contains(kind) {
            try handlers[kind]?.finish(in: &context, log: &log)
        }
    }
}
