import KontorAccounting
import KontorCore
import KontorCredit

/// A bank movement of a statement: kept for the liquidity view and posted to the suspense
/// account for a person to assign.
struct BankTransactionHandler: RecordHandler {
    let kind = RecordKind.bankTransaction

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .bankTransaction(let t) = record else { return }
        try context.liquidity.record(t, shop: context.shop, batch: context.batch)
        try context.ledger.postBankMovement(shop: context.shop, amount: t.amount, date: t.date,
                                            document: t.reference ?? "Bank \(t.date)",
                                            text: [t.counterparty, t.text].compactMap { $0 }.joined(separator: ": "),
                                            batch: context.batch)
        context.summary.bankMovements += 1
    }
}
