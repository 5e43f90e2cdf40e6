import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders

/// What became of an order held for attention when its needs were looked at again.
enum AttentionOutcome: Equatable {
    /// Released: invoiced and shipped, or waiting for payment or stock, as a new order would.
    case released
    /// Its data is complete now, but the credit check holds it (its goods are reserved).
    case creditHeld(reason: String)
    /// It still needs something.
    case stillHeld([AttentionHold])
}

extension BatchContext {
    /// Looks again at the orders that wait for `need` of `subject` (a products file brought
    /// the article, a customers file the customer), oldest first, and releases each whose
    /// data is now complete, as a new order would be.
    mutating func releaseWaiting(for need: AttentionHold.Need, of subject: String, because cause: String,
                                 log: inout DiagnosticLog) throws {
        for number in try orders.waiting(shop: shop, for: need, of: subject) {
            guard let entry = try orders.order(shop: shop, number: number), entry.status == .held else { continue }
            switch try resolveAttention(entry, byCommand: false, on: try receivedDate(), because: cause, log: &log) {
            case .released: summary.released.append(.init(order: number, customer: entry.customerKey, reason: cause))
            case .creditHeld, .stillHeld: break
            }
        }
    }

    /// Releases an order held for attention once nothing it needs is missing: its lines are
    /// booked at their articles' rates (a rate the file stated and a person confirmed stays),
    /// the credit check weighs it as a new order (unless a person releases it: `byCommand`),
    /// and it is invoiced and shipped, or waits, as a new order would. An order in another
    /// currency is converted at the rate of its day once that is known. A person may release
    /// an unknown customer or a differing rate, never an unknown article or a missing rate.
    mutating func resolveAttention(_ entry: BookedOrder, byCommand: Bool, on date: CalendarDate, because cause: String,
                                   log: inout DiagnosticLog) throws -> AttentionOutcome {
        guard let (order, _) = try orders.stored(entry) else { return .stillHeld(try orders.holds(order: entry.id)) }
        var fileLines = try orders.heldLines(order: entry.id)
        var orderDiscount = try orders.heldOrderDiscount(order: entry.id)
        // An order in another currency that waited for the rate of its day is converted now,
        // if the rate is there.
        var shipping = order.shipping
        var conversion: CurrencyBooking?
        var rateMissing: AttentionHold?
        if let pending = try rates.order(shop: shop, number: entry.orderNumber), pending.perEuro == nil {
            if let converted = try converted(fileLines, discount: orderDiscount, pending: pending, on: order.orderDate) {
                (fileLines, orderDiscount, shipping, conversion) = converted
            } else {
                rateMissing = .noExchangeRate(pending.currency, on: order.orderDate)
            }
        }
        var articles: [String: Article] = [:]
        for line in fileLines { articles[line.sku] = try article(line.sku) }
        let key = entry.customerKey
        let customer = try self.customer(id: key, email: nil) ?? (key.contains("@") ? self.customer(id: nil, email: key) : nil)
        let method = order.paymentMethod
        let neededCustomer = try orders.holds(order: entry.id).contains { $0.need == .customer }
        let needs = AttentionHold.check(lines: fileLines, article: { articles[$0]?.vatRate }, onAccount: method.isOnAccount,
                                            customer: neededCustomer ? key : nil,
                                            customerKnown: customer != nil || settings.grantsUnknownCustomersCredit)
        let remaining = (needs + [rateMissing].compactMap { $0 })
            .filter { !byCommand || $0.need == .article || $0.need == .currency }
        guard remaining.isEmpty else { return .stillHeld(remaining) }

        // Every article is known now: the lines are booked at the rate the file stated (a
        // person confirmed it, or it agrees with the article's), else at the article's, each
        // with its own discount and its share of the order's.
        var priced = fileLines.compactMap { line in
            articles[line.sku].map { BookedLine(sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice,
                                                rate: line.vatRate ?? $0.vatRate, discount: line.discount) }
        }
        let spread = InvoiceCalculator.spread(orderDiscount, over: priced.map { $0.taxable(basis: order.priceBasis) })
        for index in priced.indices { priced[index].discount = spread[index].discount }
        let lines = try orders.lift(entry, lines: priced, batch: batch)
        let goods = lines.map { $0.taxable(basis: order.priceBasis) }
        var repriced = entry
        // The VAT case is decided again with the customer as the books know them now.
        var decided = order
        decided.shipping = shipping
        let vatCase = try vatDecision(decided, customer: customer, goods: goods, log: &log)
        repriced.totalGross = vatCase.grossTotal(goods: goods, shipping: shipping, basis: order.priceBasis)
        repriced.weightGrams = lines.reduce(0) { $0 + (articles[$1.sku]?.weightGrams ?? 0) * $1.quantity }
        // An order that named its customer by e-mail address is booked to their customer id.
        repriced.customerKey = customer?.customerID ?? key
        try orders.reprice(repriced, shipping: shipping, vatCase: vatCase)
        if var conversion {
            conversion.euros = repriced.totalGross
            try rates.record(conversion, shop: shop, batch: batch)
        }
        let places = try place(lines.reduce(into: [:]) { $0[$1.sku, default: 0] += $1.quantity }, placedOn: order.orderDate)
        for line in lines {
            try inventory.reserve(shop: shop, order: entry.orderNumber, sku: line.sku, quantity: line.quantity, batch: batch,
                                  warehouse: places[line.sku] ?? defaultWarehouse, queuedOn: order.orderDate)
        }
        if !byCommand {
            let limit = settings.creditLimit(for: customer)
            let exposure = try self.exposure(repriced.customerKey)
            let total = repriced.totalGross
            let standing = try standing(of: repriced.customerKey, customer)
            if case .hold(let reason) = CreditPolicy.decide(orderTotal: total, method: method, exposure: exposure, limit: limit,
                                                            blocked: standing.blocked, dunned: standing.dunned) {
                // Held by the credit check now, as a new order would be: its goods stay reserved.
                try credit.hold(shop: shop, order: entry.orderNumber, customerKey: repriced.customerKey, amount: total, exposure: exposure,
                                limit: limit, reason: reason, batch: batch)
                summary.holds.append(.init(order: entry.orderNumber, customer: repriced.customerKey, reason: reason))
                return .creditHeld(reason: reason)
            }
        }
        guard try release(repriced, on: date, because: cause, log: &log) else { return .stillHeld([]) }
        return .released
    }
}
