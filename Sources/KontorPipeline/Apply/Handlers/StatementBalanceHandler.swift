import KontorCore
import KontorCredit

/// A statement's closing balance: kept for the liquidity view.
struct StatementBalanceHandler: RecordHandler {
    let kind = RecordKind.statementBalance

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .statementBalance(let balance) = record else { return }
        try context.liquidity.record(balance, shop: context.shop, batch: context.batch)
    }
}
