import KontorAccounting
import KontorCore
import KontorInventory
import KontorOrders

/// A customer's payment: posted against the invoice of the order it names (clearing what
/// waits in transit for it first, see `BatchContext.settle`), or to the suspense account if
/// it names none; an order that waited for it ships, or waits for stock;
/// held orders of the customer that now fit the limit are released; a held order paid in
/// advance, in full, is released and its new invoice settled.
struct PaymentHandler: RecordHandler {
    let kind = RecordKind.payment

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .payment(let payment) = record else { return }
        let (shop, batch) = (context.shop, context.batch)
        let candidates = PaymentMatch.candidates(reference: payment.reference, remittance: payment.remittance)
        var matched = try context.orders.order(shop: shop, matching: candidates)
        if let held = matched, held.status == .held, held.invoiceNumber == nil, payment.amount >= held.totalGross,
           try context.release(held, log: &log) {
            // Paid in advance: the credit risk is gone, so the order is released, and the
            // payment settles the invoice the release issued.
            context.summary.released.append(.init(order: held.orderNumber, customer: held.customerKey,
                                                  reason: "paid in advance by \(payment.reference)"))
            matched = try context.orders.order(shop: shop, number: held.orderNumber)
        }
        guard let order = matched, let invoice = order.invoiceNumber else {
            if try context.clearPayout(payment, candidates: candidates, log: &log) { return }
            try context.ledger.postUnmatchedPayment(shop: shop, reference: payment.reference, amount: payment.amount,
                                                    date: payment.date, account: context.moneyAccount(of: payment), batch: batch)
            let amount = Money.decimalString(payment.amount)
            context.summary.unmatchedPayments.append("\(payment.reference): \(amount)")
            log.append(Diagnostic("payment.unmatched",
                                  "payment \"\(payment.reference)\" of \(amount) matches no invoice or order; booked to 1590 for a person to clear",
                                  de: "Zahlung \"\(payment.reference)\" über \(amount) passt zu keiner Rechnung und Bestellung; auf 1590 gebucht",
                                  at: payment.location, severity: .warning))
            return
        }
        try context.settle(payment, invoice: invoice, customerKey: order.customerKey,
                           text: "Zahlung \(payment.payer ?? order.customerKey) zu \(invoice)", log: &log)
        context.summary.payments.append("\(invoice): \(Money.decimalString(payment.amount))")
        let open = try context.ledger.openAmount(shop: shop, document: invoice)
        if payment.amount < 0, let gross = try context.ledger.invoice(shop: shop, number: invoice)?.gross, open > gross {
            let paid = gross - (open + payment.amount)
            log.append(Diagnostic("payment.refund-exceeds",
                                  "payment \"\(payment.reference)\" of \(Money.decimalString(payment.amount)) pays back more than was paid on invoice \(invoice) (\(Money.decimalString(paid)))",
                                  de: "Zahlung \"\(payment.reference)\" über \(Money.decimalString(payment.amount)) zahlt mehr zurück, als auf Rechnung \(invoice) gezahlt wurde (\(Money.decimalString(paid)))",
                                  hint: "Check the amount of the refund; it was booked as given.",
                                  at: payment.location, severity: .warning))
        }
        if open < 0 {
            log.append(Diagnostic("payment.overpaid", "invoice \(invoice) is overpaid by \(Money.decimalString(-open))",
                                  de: "Rechnung \(invoice) ist um \(Money.decimalString(-open)) überzahlt",
                                  at: payment.location, severity: .warning))
        }
        let inventory = context.inventory
        let decision = try ShipDecision.afterPayment(status: order.status, open: open) {
            try inventory.canShip(shop: shop, order: order.orderNumber)
        }
        if let decision {
            if decision == .ship { try context.ship(order.orderNumber, weight: order.weightGrams, to: order.shipTo) }
            try context.orders.move(order, to: decision.status, batch: batch)
        }
        if payment.amount > 0 {
            try context.releaseHeldOrders(of: order.customerKey, because: "payment \(payment.reference) lowered what is open", log: &log)
        }
    }
}
