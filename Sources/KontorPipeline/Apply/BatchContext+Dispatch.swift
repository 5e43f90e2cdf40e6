import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders

extension BatchContext {
    /// What a customer owes and is committed to, as the credit check weighs it: their open
    /// receivables, and their orders on account that passed the check but wait for stock,
    /// not yet invoiced.
    func exposure(_ customerKey: String) throws -> Int {
        try ledger.exposure(shop: shop, customerKey: customerKey) + orders.committed(shop: shop, customerKey: customerKey)
    }

    /// What is still owed on an order: on its invoice, or before it has one, its total less
    /// what was paid in advance under its order number.
    func owed(on order: String, invoice: String?, total: Int) throws -> Int {
        try ledger.owed(shop: shop, order: order, invoice: invoice, total: total)
    }

    /// Takes an order that nothing holds on its way, `current` being how the book has it
    /// (nil for a new order). When it may go (paid, or on terms that let it go unpaid) and
    /// its goods are there for it, it is released for delivery: invoiced on `date` (unless it
    /// carries an invoice already), what was paid in advance settles the invoice, its goods
    /// leave the stock and a shipment is created. Otherwise it waits for payment or for
    /// stock, its goods reserved. Each state it reaches is a step with its cause.
    ///
    /// `paying` is a payment about to be posted for the order: it counts as paid, and the
    /// caller posts it against the invoice the order then carries.
    mutating func dispatch(_ o: inout OrderInProgress, from current: BookedOrder? = nil, on date: CalendarDate,
                           because cause: String, paying: Int = 0, log: inout DiagnosticLog) throws {
        let number = o.order.orderNumber
        let existingInvoice = o.invoice?.number ?? current?.invoiceNumber
        // A new order owes its total (a shop's invoice posted this batch is that total); only
        // an order booked before may have money paid in advance.
        let owed = (current == nil ? o.total : try owed(on: number, invoice: existingInvoice, total: o.total)) - paying
        let paid = o.order.paid || owed <= 0
        if current == nil { o.places = try place(o.quantities, placedOn: o.order.orderDate) }
        let (inventory, shop, quantities, placed, places) = (inventory, shop, o.quantities, o.order.orderDate, o.places)
        let decision = try ShipDecision.decide(paid: paid, method: o.order.paymentMethod) {
            if current == nil { return try inventory.isFree(shop: shop, quantities: quantities, placedOn: placed, in: places) }
            return try inventory.canShip(shop: shop, order: number)
        }
        // The payment a shop reported with the order is posted when the order is booked, or,
        // for an order that was held, when it is released.
        let postsShopPayment = o.order.paid && (current == nil || current?.status == .held)
        // An order that went out in part ships its rest in parts, each with its invoice; one
        // whose goods are only partly there goes out in part where the shop allows it.
        let inParts = try current.map(shipsInParts) ?? false
        var reserved = false
        // An order of another VAT case than domestic ships complete.
        if (inParts && decision != .awaitPayment) || (decision == .awaitStock && !settings.shipComplete && settings.invoiceIssuer == .kontor
                       && existingInvoice == nil && o.vatCase == .domestic) {
            if current == nil {
                try o.reserve(in: self)
                reserved = true
            }
            if try deliverPart(&o, from: current, inParts: inParts, on: date, because: cause,
                               postsShopPayment: postsShopPayment) {
                return
            }
            guard !inParts || decision != .ship else {
                throw OperationalError("order \(number) ships in parts, but what is reserved for it does not match what it still lacks")
            }
        }
        guard decision == .ship else {
            let wait = OrderStep(decision.status, decision == .awaitPayment ? "waits for payment" : "waits for goods")
            if let current {
                if postsShopPayment { try postShopPayment(o, document: existingInvoice ?? number, date: date) }
                if current.status != wait.status { try orders.move(current, along: [wait], batch: batch) }
                return
            }
            if !reserved { try o.reserve(in: self) }
            if o.order.paid { try postShopPayment(o, document: existingInvoice ?? number, date: date) }
            try o.book(o.way + [wait], in: self)
            return
        }
        var way = (current == nil ? o.way : []) + [OrderStep(.released, cause)]
        var issued: String?
        if existingInvoice == nil {
            let invoice = try issueInvoice(o, on: date)
            o.invoice = invoice
            issued = invoice.number
            way.append(OrderStep(.invoiced, "invoice \(invoice.number)"))
            if current != nil {
                try settleAdvancePayments(of: number, customerKey: o.customerKey, on: invoice.number, date: date)
            }
        }
        if postsShopPayment, let invoice = o.invoice?.number ?? existingInvoice {
            try postShopPayment(o, document: invoice, date: date)
        }
        if current == nil {
            try inventory.issue(shop: shop, order: number, quantities: quantities, batch: batch, from: places)
        } else {
            try inventory.issue(shop: shop, order: number, batch: batch)
        }
        // A shipment that is held (an address that cannot be printed, no carrier, customs
        // data missing) leaves the order invoiced, its goods picked, until a person corrects it.
        let shipment = try createShipment(number, lines: o.lines, to: o.order.shipTo, on: date)
        if shipment.held == nil { way.append(OrderStep(.shipped, "shipment \(shipment.id)")) }
        if let current {
            try orders.move(current, along: way, invoice: issued, batch: batch)
        } else {
            try o.book(way, in: self)
        }
    }

    /// Invoices an order on `date`, on the customer's payment terms if it is on account.
    mutating func issueInvoice(_ o: OrderInProgress, on date: CalendarDate) throws -> PostedInvoice {
        let order = o.order
        let terms = order.paymentMethod.isOnAccount ? (o.customer?.paymentTermsDays ?? settings.paymentTermsDays) : 0
        let invoice = try ledger.postInvoice(
            shop: shop, orderNumber: order.orderNumber, customerKey: o.customerKey, date: date, dueDays: terms,
            goods: o.goods, shipping: order.shipping, basis: order.priceBasis, vatCase: o.vatCase,
            distanceSale: isDistanceSale(o.vatCase, of: order, customer: o.customer), batch: batch)
        summary.invoices.append(.init(number: invoice.number, order: order.orderNumber, gross: Money.decimalString(invoice.gross)))
        return invoice
    }

    /// Posts the payment a shop reported with an order (`paid`), under `document` (the
    /// invoice, or the order number while the order has none), to the clearing account of its
    /// payment method, where it waits for the bank line or the provider's payout.
    func postShopPayment(_ o: OrderInProgress, document: String, date: CalendarDate) throws {
        let method = o.order.paymentMethod.rawValue
        try ledger.postPayment(shop: shop, document: document, customerKey: o.customerKey, amount: o.total, date: date,
                               account: settings.clearingAccounts.account(method: method),
                               text: "Zahlung \(method) Bestellung \(o.order.orderNumber)", batch: batch)
    }

    /// Moves what was paid in advance under an order's number onto its new invoice, so that
    /// the invoice's open item shows it paid; at most `limit` (the invoice of one delivery
    /// of an order that ships in parts: the rest waits for the next).
    func settleAdvancePayments(of order: String, customerKey: String, on invoice: String, upTo limit: Int = .max,
                               date: CalendarDate) throws {
        let advance = min(limit, -(try ledger.openAmount(shop: shop, document: order)))
        guard advance > 0 else { return }
        try ledger.post(shop: shop, date: date, document: invoice, text: "Anzahlung Bestellung \(order) auf Rechnung \(invoice)", lines: [
            .debit(ChartOfAccounts.receivables, advance, document: order, customer: customerKey),
            .credit(ChartOfAccounts.receivables, advance, document: invoice, customer: customerKey),
        ], batch: batch)
    }

    /// Moves on a waiting or held order whose cause of waiting may be gone, as `dispatch`
    /// does; rebuilt from the order book. False for an order booked before Kontor kept its
    /// shipping charge.
    mutating func dispatch(_ entry: BookedOrder, on date: CalendarDate, because cause: String, paying: Int = 0,
                           log: inout DiagnosticLog) throws -> Bool {
        guard let stored = try orders.stored(entry) else { return false }
        try dispatch(entry, stored: stored, on: date, because: cause, paying: paying, log: &log)
        return true
    }

    /// `dispatch` of an order already rebuilt from the book (`OrderBook.stored`).
    mutating func dispatch(_ entry: BookedOrder, stored: (order: Order, lines: [BookedLine]), on date: CalendarDate,
                           because cause: String, paying: Int, log: inout DiagnosticLog) throws {
        let (order, lines) = stored
        let customer = try self.customer(id: entry.customerKey, email: nil)
        var o = OrderInProgress(
            order: order, lines: lines, weight: entry.weightGrams,
            goods: lines.map { $0.taxable(basis: order.priceBasis) },
            total: entry.totalGross, customer: customer, customerKey: entry.customerKey,
            vatCase: try orders.vatCase(order: entry.id))
        try dispatch(&o, from: entry, on: date, because: cause, paying: paying, log: &log)
    }
}
