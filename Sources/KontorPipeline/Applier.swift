import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics

/// Applies the records of one file to the four modules, inside the file's transaction.
///
/// Input problems (an unknown article, a return of more than was shipped) become
/// diagnostics; the caller rolls the whole file back if any is an error.
struct Applier {
    let db: Database
    let shop: String
    let batch: Int64
    let settings: ShopSettings
    var summary = BatchSummary()
    private var articles: [String: Article] = [:]
    /// Where each article of a products file was, to refuse one given twice.
    private var productsSeen: [String: SourceLocation] = [:]

    init(db: Database, shop: String, batch: Int64, settings: ShopSettings) {
        self.db = db
        self.shop = shop
        self.batch = batch
        self.settings = settings
    }

    private var inventory: Inventory { Inventory(db) }
    private var ledger: Ledger { Ledger(db) }
    private var credit: CreditBook { CreditBook(db) }
    private var shipping: Shipping { Shipping(db) }
    private var orders: OrderBook { OrderBook(db: db) }

    mutating func apply(_ record: DocumentRecord, log: inout DiagnosticLog) throws {
        summary.read += 1
        let errorsBefore = log.errorCount
        switch record {
        case .product(let p):
            if let first = productsSeen[p.sku] {
                log.append(Diagnostic("product.duplicate", "article \"\(p.sku)\" is in the file twice: \(first) and \(p.location)",
                                      de: "Artikel \"\(p.sku)\" steht zweimal in der Datei: \(first) und \(p.location)",
                                      hint: "Keep one line per article; Kontor would not know which to take.", at: p.location))
                return
            }
            productsSeen[p.sku] = p.location
            try inventory.upsert(p, shop: shop, batch: batch)
            articles[p.sku] = Article(sku: p.sku, name: p.name, priceGross: p.priceGross, vatRate: p.vatRate,
                                      weightGrams: p.weightGrams, reorderPoint: p.reorderPoint)
        case .customer(let c):
            try credit.upsert(c, shop: shop, batch: batch)
        case .stockCount(let line):
            guard try known(line.sku, at: line.location, log: &log) != nil else { return }
            try inventory.count(line, shop: shop, batch: batch)
            summary.stockMovements += 1
        case .goodsReceipt(let line):
            guard try known(line.sku, at: line.location, log: &log) != nil else { return }
            try inventory.receive(line, shop: shop, batch: batch)
            summary.stockMovements += 1
        case .order(let order):
            try apply(order, log: &log)
        case .payment(let payment):
            try apply(payment, log: &log)
        case .returnLine(let line):
            try apply(line, log: &log)
        case .priceUpdate(let update):
            guard try known(update.sku, at: update.location, log: &log) != nil else { return }
            try inventory.updatePrice(update, shop: shop, batch: batch)
            articles[update.sku] = nil
        case .bankTransaction(let t):
            try Liquidity(db).record(t, shop: shop, batch: batch)
            try ledger.postBankMovement(shop: shop, amount: t.amount, date: t.date, document: t.reference ?? "Bank \(t.date)",
                                        text: [t.counterparty, t.text].compactMap { $0 }.joined(separator: ": "), batch: batch)
            summary.bankMovements += 1
        case .statementBalance(let b):
            try Liquidity(db).record(b, shop: shop, batch: batch)
        }
        if log.errorCount == errorsBefore { summary.applied += 1 }
    }

    private mutating func known(_ sku: String, at location: SourceLocation, log: inout DiagnosticLog) throws -> Article? {
        if let article = articles[sku] { return article }
        if let article = try inventory.article(shop: shop, sku: sku) {
            articles[sku] = article
            return article
        }
        log.append(Diagnostic("article.unknown", "article \"\(sku)\" is not in the catalogue",
                              de: "Artikel \"\(sku)\" ist nicht im Artikelstamm",
                              hint: "Check the article number, or send a products file with this article first.",
                              at: location))
        return nil
    }

    private mutating func apply(_ order: Order, log: inout DiagnosticLog) throws {
        if let existing = try orders.order(shop: shop, number: order.orderNumber) {
            let reason = "order \(order.orderNumber) was already booked (batch \(existing.batch)); not booked twice"
            summary.refused.append(.init(place: order.location.description, reason: reason))
            log.append(Diagnostic("order.duplicate", reason, de: "Bestellung \(order.orderNumber) ist schon gebucht (Stapel \(existing.batch)); nicht doppelt gebucht",
                                  at: order.location, severity: .warning))
            return
        }
        guard order.currency == "EUR" else {
            log.append(Diagnostic("order.currency", "order \(order.orderNumber) is in \(order.currency); Kontor books EUR only",
                                  de: "Bestellung \(order.orderNumber) ist in \(order.currency); Kontor bucht nur EUR",
                                  at: order.location))
            return
        }
        var lines: [OrderBook.BookedLine] = []
        var weight = 0
        for line in order.lines {
            guard let article = try known(line.sku, at: line.location, log: &log) else { continue }
            lines.append(.init(sku: line.sku, quantity: line.quantity, unitPrice: line.unitPrice, rate: line.vatRate ?? article.vatRate))
            weight += (article.weightGrams ?? 0) * line.quantity
        }
        guard lines.count == order.lines.count else { return }
        // Bounded as read (Limits): a line's total is at most 10^6 × 10^11 = 10^17, the order's
        // lines and shipping at most 10^11 in all, its weight at most 10^4 × 10^6 × 10^6 g.
        let goods = lines.map { TaxableAmount(amount: $0.quantity * $0.unitPrice, rate: $0.rate, basis: order.priceBasis) }
        let total = InvoiceCalculator.grossTotal(goods: goods, shipping: order.shipping, basis: order.priceBasis)

        let customer = try credit.customer(shop: shop, id: order.customerID, email: order.customerEmail)
        let customerKey = customer?.customerID ?? order.customerID ?? order.customerEmail?.lowercased() ?? "guest-\(order.orderNumber)"
        if order.cancelled {
            let id = try orders.add(order, shop: shop, customerKey: customerKey, totalGross: total, weightGrams: weight, status: .cancelled,
                                    invoice: nil, batch: batch)
            try orders.addLines(lines, order: id)
            return
        }
        for line in lines {
            try inventory.reserve(shop: shop, order: order.orderNumber, sku: line.sku, quantity: line.quantity, batch: batch)
        }
        let limit = customer?.creditLimit ?? settings.defaultCreditLimit
        let exposure = try ledger.exposure(shop: shop, customerKey: customerKey)
        switch CreditPolicy.decide(orderTotal: total, method: order.paymentMethod, exposure: exposure, limit: limit) {
        case .hold(let reason):
            try credit.hold(shop: shop, order: order.orderNumber, customerKey: customerKey, amount: total,
                            exposure: exposure, limit: limit, reason: reason, batch: batch)
            let id = try orders.add(order, shop: shop, customerKey: customerKey, totalGross: total, weightGrams: weight, status: .held,
                                    invoice: nil, batch: batch)
            try orders.addLines(lines, order: id)
            summary.holds.append(.init(order: order.orderNumber, customer: customerKey, reason: reason))
        case .release:
            let terms = order.paymentMethod.isOnAccount ? (customer?.paymentTermsDays ?? settings.paymentTermsDays) : 0
            let invoice = try ledger.postInvoice(
                shop: shop, orderNumber: order.orderNumber, customerKey: customerKey, date: order.orderDate, dueDays: terms,
                goods: goods, shipping: order.shipping, basis: order.priceBasis, batch: batch)
            summary.invoices.append(.init(number: invoice.number, order: order.orderNumber, gross: Money.decimalString(invoice.gross)))
            if order.paid {
                try ledger.postPayment(shop: shop, document: invoice.number, customerKey: customerKey, amount: invoice.gross,
                                       date: order.orderDate, method: order.paymentMethod.rawValue,
                                       text: "Zahlung \(order.paymentMethod.rawValue) Bestellung \(order.orderNumber)", batch: batch)
            }
            let mayShip = order.paid || order.paymentMethod == .invoice || order.paymentMethod == .cod
            var status: OrderStatus = mayShip ? .awaitingStock : .awaitingPayment
            if mayShip, try inventory.canShip(shop: shop, order: order.orderNumber) {
                try ship(order.orderNumber, weight: weight, to: order.shipTo)
                status = .shipped
            }
            let id = try orders.add(order, shop: shop, customerKey: customerKey, totalGross: total, weightGrams: weight, status: status,
                                    invoice: invoice.number, batch: batch)
            try orders.addLines(lines, order: id)
        }
    }

    private mutating func ship(_ order: String, weight: Int, to address: Address?) throws {
        try inventory.issue(shop: shop, order: order, batch: batch)
        let id = try shipping.ship(shop: shop, order: order, weightGrams: weight, to: address, batch: batch)
        summary.shipments.append("\(id) (order \(order))")
    }

    private mutating func apply(_ payment: Payment, log: inout DiagnosticLog) throws {
        let order = try matchingOrder(payment)
        guard let order, let invoice = order.invoiceNumber else {
            try ledger.postUnmatchedPayment(shop: shop, reference: payment.reference, amount: payment.amount, date: payment.date,
                                            method: payment.method, batch: batch)
            let amount = Money.decimalString(payment.amount)
            summary.unmatchedPayments.append("\(payment.reference): \(amount)")
            log.append(Diagnostic("payment.unmatched",
                                  "payment \"\(payment.reference)\" of \(amount) matches no invoice or order; booked to 1590 for a person to clear",
                                  de: "Zahlung \"\(payment.reference)\" über \(amount) passt zu keiner Rechnung und Bestellung; auf 1590 gebucht",
                                  at: payment.location, severity: .warning))
            return
        }
        try ledger.postPayment(shop: shop, document: invoice, customerKey: order.customerKey, amount: payment.amount,
                               date: payment.date, method: payment.method,
                               text: "Zahlung \(payment.payer ?? order.customerKey) zu \(invoice)", batch: batch)
        summary.payments.append("\(invoice): \(Money.decimalString(payment.amount))")
        let open = try ledger.openAmount(shop: shop, document: invoice)
        if payment.amount < 0, let gross = try ledger.invoice(shop: shop, number: invoice)?.gross, open > gross {
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
        if order.status == .awaitingPayment, open <= 0 {
            if try inventory.canShip(shop: shop, order: order.orderNumber) {
                try ship(order.orderNumber, weight: order.weightGrams, to: order.shipTo)
                try orders.move(order, to: .shipped, batch: batch)
            } else {
                try orders.move(order, to: .awaitingStock, batch: batch)
            }
        }
    }

    /// The order a payment is for: by its reference, else by the first word of its
    /// purpose text that is an order or invoice number (`Rechnung RE2025-00003, Best. #1003`).
    private func matchingOrder(_ payment: Payment) throws -> OrderBook.Entry? {
        var candidates = [payment.reference]
        if let text = payment.remittance {
            candidates += text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/") }
                .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-_/")) }
                .filter { $0.contains(where: \.isNumber) }
        }
        for candidate in candidates where !candidate.isEmpty {
            if let order = try orders.order(shop: shop, number: candidate) ?? orders.order(shop: shop, invoice: candidate) {
                return order
            }
        }
        return nil
    }

    private mutating func apply(_ line: ReturnLine, log: inout DiagnosticLog) throws {
        guard let order = try orders.order(shop: shop, number: line.orderNumber), order.status == .shipped,
              let invoice = order.invoiceNumber else {
            log.append(Diagnostic("return.order", "order \(line.orderNumber) has not been shipped, so nothing can come back",
                                  de: "Bestellung \(line.orderNumber) wurde nicht versandt; es kann nichts zurückkommen",
                                  hint: "Check the order number.", at: line.location))
            return
        }
        let booked = try orders.lines(order: order.id, sku: line.sku)
        guard !booked.lines.isEmpty else {
            log.append(Diagnostic("return.article", "order \(line.orderNumber) has no article \"\(line.sku)\"",
                                  de: "Bestellung \(line.orderNumber) enthält keinen Artikel \"\(line.sku)\"", at: line.location))
            return
        }
        let open = booked.lines.reduce(0) { $0 + $1.quantity } - booked.returned
        guard line.quantity <= open else {
            log.append(Diagnostic("return.quantity",
                                  "return of \(line.quantity) × \(line.sku) exceeds what order \(line.orderNumber) still holds (\(open))",
                                  de: "Retoure von \(line.quantity) × \(line.sku) übersteigt die offene Menge der Bestellung \(line.orderNumber) (\(open))",
                                  at: line.location))
            return
        }
        if line.condition == .resellable {
            try inventory.restock(line, shop: shop, batch: batch)
            summary.stockMovements += 1
        }
        try orders.addReturn(order: order.id, sku: line.sku, quantity: line.quantity, batch: batch)
        let note = try ledger.postCreditNote(
            shop: shop, invoice: invoice, orderNumber: line.orderNumber, customerKey: order.customerKey,
            date: try line.date ?? today(),
            goods: Self.credited(line.quantity, after: booked.returned, of: booked.lines, basis: booked.basis), batch: batch)
        summary.creditNotes.append(.init(number: note.number, order: line.orderNumber, gross: Money.decimalString(note.gross)))
    }

    /// What returning `quantity` units is worth, taking the units from the order's lines in
    /// order, after the `returned` units that came back before: each unit at its line's price.
    static func credited(_ quantity: Int, after returned: Int, of lines: [OrderBook.BookedLine],
                         basis: PriceBasis) -> [TaxableAmount] {
        var skip = returned, left = quantity
        var amounts: [TaxableAmount] = []
        for line in lines where left > 0 {
            let available = max(0, line.quantity - skip)
            skip = max(0, skip - line.quantity)
            let taken = min(available, left)
            if taken > 0 { amounts.append(TaxableAmount(amount: taken * line.unitPrice, rate: line.rate, basis: basis)) }
            left -= taken
        }
        return amounts
    }

    /// A return without a date is credited on the day its batch was received.
    private func today() throws -> CalendarDate {
        let received = try String.fetchOne(db, sql: "SELECT received_at FROM batches WHERE id = ?", arguments: [batch]) ?? ""
        return CalendarDate(parsing: received) ?? CalendarDate(year: 2025, month: 1, day: 1)!
    }
}
