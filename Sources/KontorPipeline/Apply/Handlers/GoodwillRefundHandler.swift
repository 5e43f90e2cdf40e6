import KontorAccounting
import KontorCore
import KontorOrders

/// A refund without goods (goodwill): an invoice correction that credits the amount on the
/// order's invoice (for an order that went out in parts, its latest delivery's invoice),
/// split over its VAT rates by value unless the record gives a rate. It never credits more
/// than is left of the invoice.
struct GoodwillRefundHandler: RecordHandler {
    let kind = RecordKind.goodwillRefund

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .goodwillRefund(let refund) = record else { return }
        let shop = context.shop
        guard let order = try context.orders.order(shop: shop, number: refund.orderNumber), let invoice = order.invoiceNumber,
              let stored = try context.orders.stored(order),
              let gross = try context.ledger.invoice(shop: shop, number: invoice)?.gross else {
            log.append(Diagnostic("refund.order", "order \(refund.orderNumber) has no invoice that a refund could correct",
                                  de: "Bestellung \(refund.orderNumber) hat keine Rechnung, die eine Erstattung korrigieren könnte",
                                  hint: "Check the order number.", at: refund.location))
            return
        }
        // An order that went out in parts: the refund corrects its latest delivery's invoice,
        // split over the rates of what that delivery took.
        var lines = stored.lines
        if try context.orders.shipsInParts(order: order.id),
           let delivery = try context.orders.delivery(order: order.id, invoice: invoice) {
            lines = delivery.lines
        }
        let left = gross - (try context.ledger.corrected(shop: shop, invoice: invoice))
        let credited = ReturnCredit.goodwill(refund.amount, rate: refund.vatRate, of: lines, basis: stored.order.priceBasis)
        let total = try context.ledger.vatCase(shop: shop, invoice: invoice).0.grossTotal(goods: credited)
        guard total <= left else {
            log.append(Diagnostic("refund.exceeds",
                                  "refund of \(Money.decimalString(total)) on order \(refund.orderNumber) exceeds what is left of invoice \(invoice) (\(Money.decimalString(left)))",
                                  de: "Erstattung über \(Money.decimalString(total)) zu Bestellung \(refund.orderNumber) übersteigt den Rest der Rechnung \(invoice) (\(Money.decimalString(left)))",
                                  at: refund.location))
            return
        }
        let note = try context.ledger.postCreditNote(
            shop: shop, invoice: invoice, orderNumber: order.orderNumber, customerKey: order.customerKey,
            date: try refund.date ?? context.receivedDate(), goods: credited, batch: context.batch)
        context.summary.creditNotes.append(.init(number: note.number, order: order.orderNumber, gross: Money.decimalString(note.gross)))
        try context.noteRefundOwed(order.customerKey, on: note.number)
    }
}
