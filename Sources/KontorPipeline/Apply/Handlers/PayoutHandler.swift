import KontorAccounting
import KontorCore
import KontorOrders

/// A payment provider's payout report: its fees go to 4970, the money of each covered
/// order leaves the method's clearing account (or settles the order's invoice, if the shop
/// never reported it paid), and the net waits on the clearing account under the payout id
/// until the bank statement line that brings it clears it. A payout booked before is not
/// booked again.
struct PayoutHandler: RecordHandler {
    let kind = RecordKind.payout

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .payout(let payout) = record else { return }
        let (shop, batch) = (context.shop, context.batch)
        let sum = payout.orders.reduce(0) { $0 + $1.amount }
        guard sum == payout.gross, payout.gross - payout.fees == payout.net else {
            let (g, f, n, s) = (Money.decimalString(payout.gross), Money.decimalString(payout.fees),
                                Money.decimalString(payout.net), Money.decimalString(sum))
            log.append(Diagnostic("payout.totals",
                                  "payout \(payout.id) does not add up: its orders come to \(s), gross is \(g); gross \(g) less fees \(f) must be net \(n)",
                                  de: "Auszahlung \(payout.id) geht nicht auf: die Bestellungen ergeben \(s), brutto ist \(g); brutto \(g) abzüglich Gebühren \(f) muss netto \(n) sein",
                                  hint: "Gross is the sum of the orders' amounts, net is gross less fees.", at: payout.location))
            return
        }
        if try context.ledger.payoutBooked(shop: shop, id: payout.id) {
            log.append(Diagnostic("payout.duplicate", "payout \(payout.id) was booked before; it was not booked again",
                                  de: "Auszahlung \(payout.id) wurde schon gebucht; sie wurde nicht erneut gebucht",
                                  at: payout.location, severity: .warning))
            return
        }
        let clearing = context.settings.clearingAccounts.account(method: payout.method)
        let channel = payout.method ?? "provider"
        var lines: [Posting] = []
        var taken: [String: Int] = [:]
        var customers: [(customer: String, invoice: String)] = []
        for covered in payout.orders {
            guard var order = try context.orders.order(shop: shop, matching: [covered.orderNumber]) else {
                lines.append(.credit(ChartOfAccounts.suspense, covered.amount, document: covered.orderNumber))
                log.append(Diagnostic("payout.order", "payout \(payout.id) covers order \(covered.orderNumber), which is not booked; its \(Money.decimalString(covered.amount)) was booked to 1590 for a person to clear",
                                      de: "Auszahlung \(payout.id) enthält Bestellung \(covered.orderNumber), die nicht gebucht ist; ihre \(Money.decimalString(covered.amount)) wurden auf 1590 gebucht",
                                      at: covered.location, severity: .warning))
                continue
            }
            try context.releaseIfCovered(&order, paying: covered.amount, on: payout.date,
                                         because: "payout \(payout.id) covered the order",
                                         listed: "payout \(payout.id) covered the order", log: &log)
            // Before the order has an invoice, the money is kept against its number.
            let invoice = order.invoiceNumber ?? order.orderNumber
            var rest = covered.amount
            // What the shop reported paid waits under the invoice, or under the order number if
            // it came while the order had no invoice.
            for document in invoice == order.orderNumber ? [invoice] : [invoice, order.orderNumber] where rest > 0 {
                let waiting = try context.ledger.inTransit(shop: shop, document: document, on: [clearing.number]).first?.amount ?? 0
                let cleared = min(rest, max(0, waiting - taken[document, default: 0]))
                if cleared > 0 { lines.append(.credit(clearing, cleared, document: document)) }
                taken[document, default: 0] += cleared
                rest -= cleared
            }
            // An order that ships in parts: the rest settles its deliveries' invoices in turn.
            let parts = rest > 0 && order.invoiceNumber != nil ? try context.orders.deliveryInvoices(order: order.id) : []
            if !parts.isEmpty {
                for share in try context.shares(of: rest, inParts: order, invoices: parts) {
                    lines.append(.credit(ChartOfAccounts.receivables, share.amount, document: share.document, customer: order.customerKey))
                }
            } else if rest != 0 {
                lines.append(.credit(ChartOfAccounts.receivables, rest, document: invoice, customer: order.customerKey))
            }
            if covered.amount < 0 {
                try context.ledger.recordRefund(shop: shop, customerKey: order.customerKey, document: invoice, amount: -covered.amount,
                                                date: payout.date, channel: channel, batch: batch)
                context.summary.refundsPaid.append("\(order.customerKey): \(Money.decimalString(-covered.amount)) on \(invoice) (\(channel))")
            }
            customers.append((order.customerKey, invoice))
        }
        try context.ledger.postPayout(shop: shop, id: payout.id, date: payout.date, clearing: clearing, fees: payout.fees,
                                      net: payout.net, orders: lines, batch: batch)
        context.summary.payouts.append("""
            \(payout.id): \(payout.orders.count) orders, gross \(Money.decimalString(payout.gross)), \
            fees \(Money.decimalString(payout.fees)), net \(Money.decimalString(payout.net)) on \(clearing.number)
            """)
        for (customer, invoice) in customers { try context.noteRefundOwed(customer, on: invoice) }
    }
}
