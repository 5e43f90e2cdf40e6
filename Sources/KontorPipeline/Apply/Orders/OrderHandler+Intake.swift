import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

extension OrderHandler {
    /// Checks a new order and prices it: an order already booked is refused with a warning
    /// (or cancelled, if the file reports it cancelled), one dated too far in the future is an
    /// error (nil either way). An order in another currency is booked in euros at the
    /// reference rate of its day, or held until that rate comes. An order that names an unknown
    /// article, a VAT rate other than its article's, or a customer on account whom the
    /// customer list lacks while the shop grants no default credit limit, goes on with what
    /// holds it (`AttentionStep` books it held).
    func intake(_ order: Order, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderInProgress? {
        if let existing = try context.orders.order(shop: context.shop, number: order.orderNumber) {
            if order.cancelled, existing.status != .cancelled {
                // A later export reports a booked order cancelled (voided, refunded): it is
                // cancelled as `kontor cancel` would cancel it.
                try context.cancel(order: order.orderNumber, reason: "the shop's export reports it cancelled",
                                   at: order.location, log: &log)
                return nil
            }
            let reason = "order \(order.orderNumber) was already booked (batch \(existing.batch)); not booked twice"
            context.summary.refused.append(.init(place: order.location.description, reason: reason))
            log.append(Diagnostic("order.duplicate", reason, de: "Bestellung \(order.orderNumber) ist schon gebucht (Stapel \(existing.batch)); nicht doppelt gebucht",
                                  at: order.location, severity: .warning))
            return nil
        }
        let latest = try context.receivedDate().adding(days: context.settings.futureOrderDays)
        guard order.orderDate <= latest else {
            log.append(Diagnostic("order.future-date",
                                  "order \(order.orderNumber) is dated \(order.orderDate), more than \(context.settings.futureOrderDays) days after the file arrived",
                                  de: "Bestellung \(order.orderNumber) ist auf den \(order.orderDate) datiert, mehr als \(context.settings.futureOrderDays) Tage nach Eingang der Datei",
                                  hint: "Correct the order date (a typing error in the year?) and send the file again; future_order_days in kontor.toml sets how far ahead an order may be dated.",
                                  at: order.location))
            return nil
        }
        let original = order
        var order = order
        var foreign: CurrencyBooking?
        if order.currency != "EUR" {
            guard let booking = try inEuros(&order, in: &context, log: &log) else { return nil }
            foreign = booking
        }
        guard let priced = try price(order, in: &context, log: &log) else { return nil }
        let (lines, weight, goods, _) = priced
        let customer = try context.customer(id: order.customerID, email: order.customerEmail)
        // The VAT case decides what the customer pays: the total under it.
        let vatCase = try context.vatDecision(order, customer: customer, goods: goods, log: &log)
        let total = vatCase.grossTotal(goods: goods, shipping: order.shipping, basis: order.priceBasis)
        let customerKey = customer?.customerID ?? order.customerID ?? order.customerEmail?.lowercased() ?? "guest-\(order.orderNumber)"
        let named = order.customerID ?? order.customerEmail?.lowercased()
        var holds = order.cancelled ? [] : try AttentionHold.check(
            lines: order.lines, article: { try context.article($0)?.vatRate }, onAccount: order.paymentMethod.isOnAccount,
            customer: named, customerKnown: customer != nil || context.settings.grantsUnknownCustomersCredit)
        if var foreign {
            if foreign.perEuro == nil {
                // Its amounts stay in its currency, held, until the rate of its day comes.
                foreign.amount = total
                if !order.cancelled { holds.append(.noExchangeRate(foreign.currency, on: order.orderDate)) }
            } else {
                // What the customer owes in the currency, under the same VAT case.
                guard let charged = try price(original, in: &context, log: &log) else { return nil }
                foreign.amount = vatCase.grossTotal(goods: charged.goods, shipping: original.shipping, basis: original.priceBasis)
                foreign.euros = total
            }
            try context.rates.record(foreign, shop: context.shop, batch: context.batch)
        }
        return OrderInProgress(order: order, lines: lines, weight: weight, goods: goods, total: total,
                               customer: customer, customerKey: customerKey, vatCase: vatCase, holds: holds)
    }

    /// The order's lines at the rates they are booked at, with its discount spread over
    /// them, its weight, goods and gross total; nil, with an error in `log`, when a discount
    /// makes a line cost less than nothing.
    func price(_ order: Order, in context: inout BatchContext, log: inout DiagnosticLog) throws
        -> (lines: [BookedLine], weight: Int, goods: [TaxableAmount], total: Int)? {
        var lines: [BookedLine] = []
        var weight = 0
        for line in order.lines {
            // An unknown article is booked at the rate the file states, else provisionally at
            // the standard rate: the order is held, and priced again when it is released.
            let article = try context.article(line.sku)
            lines.append(.init(sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice,
                               rate: line.vatRate ?? article?.vatRate ?? .standard, discount: line.discount))
            weight += (article?.weightGrams ?? 0) * line.quantity
        }
        guard let discounted = discounted(lines, of: order, log: &log) else { return nil }
        // Bounded as read (Limits): a line's total is at most 10^6 × 10^11 = 10^17, the order's
        // lines and shipping at most 10^11 in all, its weight at most 10^4 × 10^6 × 10^6 g.
        let goods = discounted.map { $0.taxable(basis: order.priceBasis) }
        let total = InvoiceCalculator.grossTotal(goods: goods, shipping: order.shipping, basis: order.priceBasis)
        return (discounted, weight, goods, total)
    }

    /// The lines with the order's discount spread over them by net value; nil, with an error
    /// in `log`, when a discount makes a line cost less than nothing.
    private func discounted(_ lines: [BookedLine], of order: Order, log: inout DiagnosticLog) -> [BookedLine]? {
        let goods = InvoiceCalculator.spread(order.discount, over: lines.map { $0.taxable(basis: order.priceBasis) })
        var result = lines
        for index in result.indices { result[index].discount = goods[index].discount }
        guard let line = result.first(where: { $0.charged < 0 || $0.discount < 0 }) else { return result }
        let total = Money.decimalString(lines.reduce(0) { $0 + $1.charged })
        let discount = Money.decimalString(order.discount)
        log.append(Diagnostic(
            "order.discount-too-large",
            "order \(order.orderNumber): its discounts make line \(line.sku) cost \(Money.decimalString(line.charged)); the order discount \(discount) is taken off goods of \(total)",
            de: "Bestellung \(order.orderNumber): durch die Rabatte kostet die Position \(line.sku) \(Money.decimalString(line.charged)); der Bestellrabatt \(discount) wird von Waren über \(total) abgezogen",
            hint: "A discount is an amount off the goods, at most what they cost; give it as a positive amount, in the order's price basis.",
            at: order.location))
        return nil
    }
}
