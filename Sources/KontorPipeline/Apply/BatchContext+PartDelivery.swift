import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders

extension BatchContext {
    /// Whether `order` went out in part and waits for the rest (of its goods, or a payment).
    func shipsInParts(_ order: BookedOrder) throws -> Bool {
        guard order.status.isWaiting, order.invoiceNumber != nil else { return false }
        return try orders.shipsInParts(order: order.id)
    }

    /// Sends out what is there of an order whose goods are reserved and only partly there
    /// (`ship_complete = false`), or the next part of one that went out in part: whole units
    /// per line, as far as the goods there for it go (`PartDelivery`). The delivery gets an
    /// invoice of its own (a Teilrechnung, the first with the shipping charge; the last
    /// makes the order's invoices add up to its total), what was paid in advance under the
    /// order's number settles it as far as it goes, its goods leave the reservation and the
    /// stock, and it is a shipment of its own. The order is released and invoiced, and then
    /// waits for the rest of its goods, or is shipped with its last delivery. False when
    /// nothing of it is there: it waits as before. A new order (`current` nil) is reserved
    /// already.
    mutating func deliverPart(_ o: inout OrderInProgress, from current: BookedOrder?, inParts: Bool, on date: CalendarDate,
                              because cause: String, postsShopPayment: Bool) throws -> Bool {
        let number = o.order.orderNumber
        let available = try inventory.available(shop: shop, order: number)
        guard !available.isEmpty else { return false }
        let delivered = try current.map { inParts ? try orders.delivered(order: $0.id) : [:] } ?? [:]
        guard let part = PartDelivery.plan(lines: o.lines, delivered: delivered, available: available) else { return false }
        let earlier = try current.map { inParts ? try orders.deliveryInvoices(order: $0.id).count : 0 } ?? 0
        let invoicedBefore = try current.map { inParts ? try orders.deliveredGross(order: $0.id) : 0 } ?? 0
        let totals = part.totals(shipping: o.order.shipping, basis: o.order.priceBasis, remaining: o.total - invoicedBefore)
        let computed = InvoiceCalculator.grossTotal(goods: part.lines.map { $0.line.taxable(basis: o.order.priceBasis) },
                                                    shipping: part.isFirst ? o.order.shipping : 0, basis: o.order.priceBasis)
        let gross = totals.reduce(0) { $0 + $1.gross }
        // Only rounding may part the last invoice from its own figures: a cent a line at most.
        guard abs(gross - computed) <= o.lines.count + 1 else {
            throw OperationalError("""
                the last delivery of order \(number) would be invoiced at \(Money.decimalString(gross)), \
                its lines come to \(Money.decimalString(computed)); the order's invoices would not add up to its total
                """)
        }
        let terms = o.order.paymentMethod.isOnAccount ? (o.customer?.paymentTermsDays ?? settings.paymentTermsDays) : 0
        let invoice = try ledger.postPartInvoice(shop: shop, orderNumber: number, customerKey: o.customerKey, date: date,
                                                 dueDays: terms, totals: totals, delivery: earlier + 1, batch: batch)
        summary.invoices.append(.init(number: invoice.number, order: number, gross: Money.decimalString(invoice.gross)))
        // The payment the shop reported with the order waits under its number, and settles
        // each delivery's invoice as it is issued.
        if postsShopPayment { try postShopPayment(o, document: number, date: date) }
        if postsShopPayment || current != nil {
            try settleAdvancePayments(of: number, customerKey: o.customerKey, on: invoice.number, upTo: invoice.gross, date: date)
        }
        try inventory.issue(shop: shop, order: number, reserved: part.quantities, batch: batch)
        let shipment = try createShipment(number, lines: part.lines.map(\.line), to: o.order.shipTo, on: date)
        let units = part.lines.map { "\($0.line.quantity) × \($0.line.sku)" }.joined(separator: ", ")
        var way = (current == nil ? o.way : []) + [
            OrderStep(.released, cause),
            OrderStep(.invoiced, "invoice \(invoice.number) for delivery \(earlier + 1): \(units)"),
        ]
        if !part.isLast {
            way.append(OrderStep(.awaitingStock, "shipment \(shipment.id) took \(units); the rest waits for goods"))
        } else if shipment.held == nil {
            way.append(OrderStep(.shipped, "shipment \(shipment.id), the last delivery"))
        }
        let id: Int64
        if let current {
            try orders.move(current, along: way, invoice: invoice.number, batch: batch)
            id = current.id
        } else {
            o.invoice = invoice
            id = try o.book(way, in: self)
        }
        try orders.record(part, order: id, invoice: invoice.number, gross: invoice.gross, shipment: shipment.id, batch: batch)
        return true
    }
}

extension BatchContext {
    /// How money received for an order that ships in parts (`invoices`: its deliveries'
    /// invoices, oldest first) is shared out: each invoice as far as it is open, the rest
    /// under the order's number (paid in advance for the deliveries to come) while it waits
    /// for goods, else on its last invoice.
    func shares(of amount: Int, inParts order: BookedOrder, invoices: [String]) throws -> [(document: String, amount: Int)] {
        var rest = amount
        var shares: [(document: String, amount: Int)] = []
        for invoice in invoices where rest > 0 {
            let open = try ledger.openAmount(shop: shop, document: invoice)
            guard open > 0 else { continue }
            shares.append((invoice, min(rest, open)))
            rest -= min(rest, open)
        }
        if rest > 0 {
            shares.append((order.status == .awaitingStock ? order.orderNumber : invoices[invoices.count - 1], rest))
        }
        return shares
    }

    /// Books a payment that names an order shipping in parts: it settles the order's
    /// invoices (`invoices`, oldest first) as far as each is open; what is left is paid in
    /// advance for the deliveries to come, under the order's number, while the order waits
    /// for goods, and else an overpayment of its last invoice (a credit of the customer).
    mutating func settle(_ payment: Payment, inParts order: BookedOrder, invoices: [String], log: inout DiagnosticLog) throws {
        let documents = try shares(of: payment.amount, inParts: order, invoices: invoices)
        for (document, amount) in documents {
            var part = payment
            part.amount = amount
            try settle(part, invoice: document, alsoUnder: document == order.orderNumber ? nil : order.orderNumber,
                       customerKey: order.customerKey,
                       text: "Zahlung \(payment.payer ?? order.customerKey) zu \(document)", log: &log)
            summary.payments.append("\(document): \(Money.decimalString(amount))")
        }
        let open = try invoices.reduce(0) { $0 + (try ledger.openAmount(shop: shop, document: $1)) }
        if order.status != .awaitingStock, open < 0 {
            log.append(Diagnostic("payment.overpaid", "order \(order.orderNumber) is overpaid by \(Money.decimalString(-open))",
                                  de: "Bestellung \(order.orderNumber) ist um \(Money.decimalString(-open)) überzahlt",
                                  at: payment.location, severity: .warning))
        }
    }
}
