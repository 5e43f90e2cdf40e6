import KontorAccounting
import KontorCore
import KontorCredit
import KontorOrders

/// A bank movement of a statement: kept for the liquidity view. Money paid out that names
/// an invoiced order (its number or invoice number in the reference or purpose text) is a
/// refund to that customer: 1400 debit, 1200 credit, recorded as a refund paid. Any other
/// movement is posted to the suspense account for a person to assign. A movement in
/// another currency is booked in euros at the reference rate of its day.
struct BankTransactionHandler: RecordHandler {
    let kind = RecordKind.bankTransaction

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .bankTransaction(let movement) = record else { return }
        try context.liquidity.record(movement, shop: context.shop, batch: context.batch)
        var t = movement
        if t.currency != "EUR" {
            // Kept in its currency for the liquidity view, booked in euros.
            guard let euros = try context.inEuros(t, log: &log) else { return }
            t = euros
        }
        context.summary.bankMovements += 1
        if t.amount < 0, try refund(t, in: &context, log: &log) { return }
        try context.ledger.postBankMovement(shop: context.shop, amount: t.amount, date: t.date,
                                            document: t.reference ?? "Bank \(t.date)",
                                            text: [t.counterparty, t.text].compactMap { $0 }.joined(separator: ": "),
                                            batch: context.batch)
    }

    /// Books money paid out as a refund if it names an invoiced order; false if it names none.
    private func refund(_ t: BankTransaction, in context: inout BatchContext, log: inout DiagnosticLog) throws -> Bool {
        let candidates = PaymentMatch.candidates(reference: t.reference ?? "", remittance: t.text)
        guard let order = try context.orders.order(shop: context.shop, matching: candidates), let invoice = order.invoiceNumber else {
            return false
        }
        let owed = try context.ledger.refundOwed(shop: context.shop, customerKey: order.customerKey)
        let payment = Payment(reference: invoice, amount: t.amount, date: t.date, payer: t.counterparty, location: t.location)
        try context.settle(payment, invoice: invoice, customerKey: order.customerKey,
                           text: "Erstattung an \(t.counterparty ?? order.customerKey) zu \(invoice)", log: &log)
        if -t.amount > owed {
            log.append(Diagnostic("refund.exceeds-owed",
                                  "\(Money.decimalString(-t.amount)) paid back on invoice \(invoice) is more than the customer was owed (\(Money.decimalString(owed)))",
                                  de: "\(Money.decimalString(-t.amount)) zu Rechnung \(invoice) erstattet, mehr als dem Kunden zustand (\(Money.decimalString(owed)))",
                                  hint: "Check the bank line; it was booked as a refund, so the customer owes the difference.",
                                  at: t.location, severity: .warning))
        }
        return true
    }
}
