import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

/// A customer's payment: posted against the invoice of the order it names, or, while that
/// order has no invoice, against the order's number (paid in advance), clearing first what
/// waits in transit for it (`BatchContext.settle`); a bank line naming a provider's payout
/// clears the payout; anything else goes to the suspense account. An order that waited for
/// it and is now paid in full is released first, invoiced and shipped (or waits for stock),
/// so that the payment settles its new invoice; a held order paid in full in advance is
/// released the same way, as its credit risk is gone. Held orders of the customer that now
/// fit the limit are released. A payment in another currency is booked in euros at the
/// reference rate of its day; paying an order in that currency, the difference to what the
/// order was booked at is an exchange gain or loss.
struct PaymentHandler: RecordHandler {
    let kind = RecordKind.payment

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .payment(var payment) = record else { return }
        let (shop, batch) = (context.shop, context.batch)
        let candidates = PaymentMatch.candidates(reference: payment.reference, remittance: payment.remittance)
        let matched = try context.orders.order(shop: shop, matching: candidates)
        var foreign: CurrencyBooking?
        if payment.currency != "EUR" {
            // Booked in euros: an exchange difference against the order's rate is posted
            // after the payment (`BatchContext.book`).
            guard let (euros, booking) = try context.inEuros(payment, order: matched?.orderNumber, log: &log) else { return }
            payment = euros
            foreign = booking
        }
        guard var order = matched else {
            if let foreign { try context.book(foreign, of: payment, document: payment.reference) }
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
        try context.releaseIfCovered(&order, paying: payment.amount, on: payment.date,
                                     because: "payment \(payment.reference) covered the order",
                                     listed: "paid in advance by \(payment.reference)", log: &log)
        // An order that ships in parts has an invoice per delivery: a payment that names the
        // order settles them oldest first; one that names an invoice settles that one.
        let parts = order.invoiceNumber == nil ? [] : try context.orders.deliveryInvoices(order: order.id)
        let named = candidates.first { parts.contains($0) }
        if !parts.isEmpty, named == nil, payment.amount > 0 {
            try context.settle(payment, inParts: order, invoices: parts, log: &log)
            if let foreign { try context.book(foreign, of: payment, document: order.orderNumber) }
            try context.releaseHeldOrders(of: order.customerKey, on: payment.date,
                                          because: "payment \(payment.reference) lowered what is open", log: &log)
            return
        }
        let invoiceNumber = named ?? order.invoiceNumber
        let document = invoiceNumber ?? order.orderNumber
        let what = invoiceNumber.map { "invoice \($0)" } ?? "order \(order.orderNumber)"
        let was = invoiceNumber.map { "Rechnung \($0)" } ?? "Bestellung \(order.orderNumber)"
        try context.settle(payment, invoice: document, alsoUnder: invoiceNumber == nil ? nil : order.orderNumber,
                           customerKey: order.customerKey,
                           text: "Zahlung \(payment.payer ?? order.customerKey) zu \(document)", log: &log)
        if let foreign { try context.book(foreign, of: payment, document: document) }
        context.summary.payments.append("\(document): \(Money.decimalString(payment.amount))")
        let owed = try context.owed(on: order.orderNumber, invoice: invoiceNumber, total: order.totalGross)
        let gross = try invoiceNumber.flatMap { try context.ledger.invoice(shop: shop, number: $0)?.gross } ?? order.totalGross
        if payment.amount < 0, owed > gross {
            let paid = gross - (owed + payment.amount)
            log.append(Diagnostic("payment.refund-exceeds",
                                  "payment \"\(payment.reference)\" of \(Money.decimalString(payment.amount)) pays back more than was paid on \(what) (\(Money.decimalString(paid)))",
                                  de: "Zahlung \"\(payment.reference)\" über \(Money.decimalString(payment.amount)) zahlt mehr zurück, als auf \(was) gezahlt wurde (\(Money.decimalString(paid)))",
                                  hint: "Check the amount of the refund; it was booked as given.",
                                  at: payment.location, severity: .warning))
        }
        if owed < 0 {
            log.append(Diagnostic("payment.overpaid", "\(what) is overpaid by \(Money.decimalString(-owed))",
                                  de: "\(was) ist um \(Money.decimalString(-owed)) überzahlt",
                                  at: payment.location, severity: .warning))
        }
        if payment.amount > 0 {
            try context.releaseHeldOrders(of: order.customerKey, on: payment.date,
                                          because: "payment \(payment.reference) lowered what is open", log: &log)
        }
    }
}
