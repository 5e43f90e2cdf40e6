import KontorAccounting
import KontorCore

/// How money received or paid back meets an invoice, so that the same money is never
/// booked twice.
extension BatchContext {
    /// The account a payment's money is on: the clearing account of its method when a
    /// payment provider reported it, else the bank.
    func moneyAccount(of payment: Payment) -> LedgerAccount {
        let clearing = settings.clearingAccounts
        return clearing.isProvider(payment.method) ? clearing.account(method: payment.method) : ChartOfAccounts.bank
    }

    /// Books a payment for an invoice. A provider's transaction goes to its method's clearing
    /// account against receivables, unless it is the money the shop already reported with the
    /// order (`paid=true`) and the invoice is settled: then it is not booked again (warning). Money the bank brings first clears what waits in transit
    /// for the invoice (the shop reported it paid: debit 1200, credit the clearing account);
    /// only the rest settles the receivable (debit 1200, credit 1400), and money paid to an
    /// invoice already settled becomes a credit balance of the customer, a refund owed.
    /// Money paid back (a negative amount) is recorded as a refund paid.
    ///
    /// `alsoUnder` is where money for the invoice may wait besides: the order number, under
    /// which a payment the shop reported waited while the order had no invoice.
    mutating func settle(_ payment: Payment, invoice: String, alsoUnder other: String? = nil, customerKey: String, text: String,
                         log: inout DiagnosticLog) throws {
        let account = moneyAccount(of: payment)
        if account != ChartOfAccounts.bank, payment.amount > 0, try ledger.openAmount(shop: shop, document: invoice) <= 0,
           try ledger.reportedWithInvoice(shop: shop, invoice: invoice, on: settings.clearingAccounts.numbers) >= payment.amount {
            let amount = Money.decimalString(payment.amount)
            log.append(Diagnostic("payment.reported-before",
                                  "payment \"\(payment.reference)\" of \(amount) by \(payment.method ?? "") is the money the order came paid with; invoice \(invoice) is settled and it was not booked again",
                                  de: "Zahlung \"\(payment.reference)\" über \(amount) per \(payment.method ?? "") ist das Geld, mit dem die Bestellung bezahlt gemeldet wurde; Rechnung \(invoice) ist beglichen, nicht erneut gebucht",
                                  hint: "If the customer really paid twice, the provider's payout lists the order twice and the second amount becomes a refund owed.",
                                  at: payment.location, severity: .warning))
            return
        }
        var rest = payment.amount
        if account == ChartOfAccounts.bank, rest > 0 {
            let waitingUnder = [invoice] + (other.map { [$0] } ?? [])
            for document in waitingUnder {
                for waiting in try ledger.inTransit(shop: shop, document: document, on: settings.clearingAccounts.numbers) where rest > 0 {
                let amount = min(rest, waiting.amount)
                try ledger.postClearing(shop: shop, document: document, amount: amount, from: waiting.account, date: payment.date,
                                        text: "Geldeingang zu \(invoice), gemeldet auf \(waiting.account)", batch: batch)
                summary.cleared.append("\(invoice): \(Money.decimalString(amount)) from \(waiting.account) to the bank")
                rest -= amount
                }
            }
        }
        if rest != 0 {
            try ledger.postPayment(shop: shop, document: invoice, customerKey: customerKey, amount: rest, date: payment.date,
                                   account: account, text: text, batch: batch)
        }
        if payment.amount < 0 {
            let channel = account == ChartOfAccounts.bank ? "bank" : (payment.method?.lowercased() ?? "bank")
            try ledger.recordRefund(shop: shop, customerKey: customerKey, document: invoice, amount: -payment.amount,
                                    date: payment.date, channel: channel, batch: batch)
            summary.refundsPaid.append("\(customerKey): \(Money.decimalString(-payment.amount)) on \(invoice) (\(channel))")
        }
        try noteRefundOwed(customerKey, on: invoice)
    }

    /// Clears a provider's payout that waits on a clearing account with the bank line that
    /// brings it, if one of `candidates` (the line's reference and remittance words) is the
    /// payout's id: debit 1200, credit the clearing account. Money beyond the payout goes to
    /// the suspense account with a warning. False if no payout waits under any candidate.
    mutating func clearPayout(_ payment: Payment, candidates: [String], log: inout DiagnosticLog) throws -> Bool {
        guard payment.amount > 0, moneyAccount(of: payment) == ChartOfAccounts.bank else { return false }
        for id in candidates {
            guard let waiting = try ledger.inTransit(shop: shop, document: id, on: settings.clearingAccounts.numbers).first else {
                continue
            }
            let cleared = min(payment.amount, waiting.amount)
            try ledger.postClearing(shop: shop, document: id, amount: cleared, from: waiting.account, date: payment.date,
                                    text: "Geldeingang Auszahlung \(id)", batch: batch)
            summary.cleared.append("\(id): \(Money.decimalString(cleared)) from \(waiting.account) to the bank")
            if payment.amount != waiting.amount {
                let (brought, expected) = (Money.decimalString(payment.amount), Money.decimalString(waiting.amount))
                log.append(Diagnostic("payout.amount", "the bank brought \(brought) for payout \(id), which left \(expected) in transit",
                                      de: "Die Bank brachte \(brought) für Auszahlung \(id), offen waren \(expected)",
                                      hint: "Compare the payout report with the bank statement; what is over is booked to 1590.",
                                      at: payment.location, severity: .warning))
            }
            if payment.amount > cleared {
                try ledger.postUnmatchedPayment(shop: shop, reference: id, amount: payment.amount - cleared, date: payment.date,
                                                account: ChartOfAccounts.bank, batch: batch)
            }
            return true
        }
        return false
    }

    /// Lists the customer among the refunds owed of this batch if the shop now owes them money.
    mutating func noteRefundOwed(_ customerKey: String, on document: String) throws {
        let owed = try ledger.refundOwed(shop: shop, customerKey: customerKey)
        if owed > 0 { summary.refundsOwed.append("\(customerKey): \(Money.decimalString(owed)) (after \(document))") }
    }
}
