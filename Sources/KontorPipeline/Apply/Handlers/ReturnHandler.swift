import KontorAccounting
import KontorCore
import KontorInventory
import KontorOrders

/// Goods a customer sent back from a shipped order: resellable goods go back on the shelf,
/// and an invoice correction credits each unit at the price it was invoiced at; the return
/// that leaves nothing of the order with the customer (a withdrawal) makes the order
/// returned and also credits the
/// shipping charge, split over the rates as the invoice split it, unless the shop's
/// settings say otherwise; held orders of the customer that the credit lets through are
/// released.
struct ReturnHandler: RecordHandler {
    let kind = RecordKind.returnLine

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .returnLine(let line) = record else { return }
        let (shop, batch) = (context.shop, context.batch)
        let found = try context.orders.order(shop: shop, number: line.orderNumber)
        if let found, try context.orders.shipsInParts(order: found.id) {
            try returnOfDeliveries(line, order: found, in: &context, log: &log)
            return
        }
        guard let order = found, order.status == .shipped || order.status == .delivered,
              let invoice = order.invoiceNumber else {
            log.append(Diagnostic("return.order", "order \(line.orderNumber) has not been shipped, so nothing can come back",
                                  de: "Bestellung \(line.orderNumber) wurde nicht versandt; es kann nichts zurückkommen",
                                  hint: "Check the order number.", at: line.location))
            return
        }
        let booked = try context.orders.article(order: order.id, sku: line.sku)
        guard !booked.lines.isEmpty else {
            log.append(Diagnostic("return.article", "order \(line.orderNumber) has no article \"\(line.sku)\"",
                                  de: "Bestellung \(line.orderNumber) enthält keinen Artikel \"\(line.sku)\"", at: line.location))
            return
        }
        let open = booked.open
        guard line.quantity <= open else {
            log.append(Diagnostic("return.quantity",
                                  "return of \(line.quantity) × \(line.sku) exceeds what order \(line.orderNumber) still holds (\(open))",
                                  de: "Retoure von \(line.quantity) × \(line.sku) übersteigt die offene Menge der Bestellung \(line.orderNumber) (\(open))",
                                  at: line.location))
            return
        }
        if line.condition == .resellable {
            try context.inventory.restock(line, shop: shop, batch: batch)
            context.summary.stockMovements += 1
        }
        try context.orders.addReturn(order: order.id, sku: line.sku, quantity: line.quantity, batch: batch)
        var credited = ReturnCredit.credited(line.quantity, after: booked.returned, of: booked.lines, basis: booked.basis)
        // A withdrawal: nothing of the order is left with the customer, so its shipping is refunded too.
        let allBack = try context.orders.unitsWithCustomer(order: order.id) == 0
        if context.settings.refundShippingOnFullReturn, allBack, let stored = try context.orders.stored(order) {
            credited += ReturnCredit.shipping(stored.order.shipping, of: stored.lines, basis: stored.order.priceBasis)
        }
        // A return without a date is credited on the day its batch was received.
        let note = try context.ledger.postCreditNote(
            shop: shop, invoice: invoice, orderNumber: line.orderNumber, customerKey: order.customerKey,
            date: try line.date ?? context.receivedDate(), goods: credited, batch: batch)
        context.summary.creditNotes.append(.init(number: note.number, order: line.orderNumber, gross: Money.decimalString(note.gross)))
        try context.noteRefundOwed(order.customerKey, on: note.number)
        if allBack {
            try context.orders.move(order, to: .returned, cause: "every unit came back (\(note.number))", batch: batch)
        }
        // The credit lowered what the customer owes: held orders that now fit are released.
        try context.releaseHeldOrders(of: order.customerKey, on: try line.date ?? context.receivedDate(),
                                      because: "credit note \(note.number) lowered what is open", log: &log)
    }
}

extension ReturnHandler {
    /// A return of an order that went out in parts: the units come from what its deliveries
    /// brought, in the order they went out, and each delivery whose units come back gets an
    /// invoice correction of its own, citing its invoice; a withdrawal of everything also
    /// credits the shipping charge on the first delivery's invoice, which carried it.
    func returnOfDeliveries(_ line: ReturnLine, order: BookedOrder, in context: inout BatchContext,
                            log: inout DiagnosticLog) throws {
        let (shop, batch) = (context.shop, context.batch)
        let booked = try context.orders.article(order: order.id, sku: line.sku)
        let deliveries = try context.orders.deliveryInvoices(order: order.id).compactMap { invoice in
            try context.orders.delivery(order: order.id, invoice: invoice).map { (invoice: invoice, lines: $0.lines, first: $0.carriesShipping) }
        }
        let delivered = deliveries.flatMap(\.lines).filter { $0.sku == line.sku }.reduce(0) { $0 + $1.quantity }
        let open = delivered - booked.returned
        guard line.quantity <= open else {
            log.append(Diagnostic("return.quantity",
                                  "return of \(line.quantity) × \(line.sku) exceeds what the deliveries of order \(line.orderNumber) brought and the customer still holds (\(max(0, open)))",
                                  de: "Retoure von \(line.quantity) × \(line.sku) übersteigt, was die Lieferungen der Bestellung \(line.orderNumber) brachten und noch beim Kunden ist (\(max(0, open)))",
                                  hint: "Check the quantity: goods not delivered yet cannot come back.", at: line.location))
            return
        }
        if line.condition == .resellable {
            try context.inventory.restock(line, shop: shop, batch: batch)
            context.summary.stockMovements += 1
        }
        try context.orders.addReturn(order: order.id, sku: line.sku, quantity: line.quantity, batch: batch)
        var credits = ReturnCredit.credited(line.quantity, of: line.sku, after: booked.returned,
                                            deliveries: deliveries.map { ($0.invoice, $0.lines) }, basis: booked.basis)
        let allBack = try context.orders.unitsWithCustomer(order: order.id) == 0
        if context.settings.refundShippingOnFullReturn, allBack, let first = deliveries.first(where: \.first),
           let stored = try context.orders.stored(order) {
            let shipping = ReturnCredit.shipping(stored.order.shipping, of: first.lines, basis: booked.basis)
            if let index = credits.firstIndex(where: { $0.invoice == first.invoice }) {
                credits[index].goods += shipping
            } else {
                credits.append((first.invoice, shipping))
            }
        }
        let date = try line.date ?? context.receivedDate()
        for credit in credits {
            let note = try context.ledger.postCreditNote(shop: shop, invoice: credit.invoice, orderNumber: line.orderNumber,
                                                         customerKey: order.customerKey, date: date, goods: credit.goods, batch: batch)
            context.summary.creditNotes.append(.init(number: note.number, order: line.orderNumber, gross: Money.decimalString(note.gross)))
            try context.noteRefundOwed(order.customerKey, on: note.number)
        }
        if allBack {
            try context.orders.move(order, to: .returned, cause: "every unit came back", batch: batch)
        }
        try context.releaseHeldOrders(of: order.customerKey, on: date, because: "a return lowered what is open", log: &log)
    }
}
