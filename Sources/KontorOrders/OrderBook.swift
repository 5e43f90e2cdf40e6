import GRDB
import KontorCore
import KontorStore

/// The order book: every order a shop sent, the state it is in, and each change of that
/// state with the batch that made it, so that a batch can be reversed. In the caller's
/// transaction.
public struct OrderBook {
    let db: Database

    /// Works in the caller's transaction.
    public init(_ db: Database) { self.db = db }

    /// The live (not reverted) order with this number.
    public func order(shop: String, number: String) throws -> BookedOrder? {
        try fetch("order_number = ?", shop: shop, key: number)
    }

    /// The live order invoiced under this number: its invoice, or the invoice of one of its
    /// deliveries, for an order that ships in parts.
    public func order(shop: String, invoice: String) throws -> BookedOrder? {
        try fetch("invoice_number = ?", shop: shop, key: invoice)
            ?? fetch("id = (SELECT d.order_id FROM order_deliveries d WHERE d.invoice_number = ? AND d.reverted_by IS NULL)",
                     shop: shop, key: invoice)
    }

    /// The first live order that one of `candidates` names, by order number or else by
    /// invoice number, in the candidates' order.
    public func order(shop: String, matching candidates: [String]) throws -> BookedOrder? {
        for candidate in candidates {
            if let order = try order(shop: shop, number: candidate) ?? order(shop: shop, invoice: candidate) {
                return order
            }
        }
        return nil
    }

    private func fetch(_ condition: String, shop: String, key: String) throws -> BookedOrder? {
        try db.cachedStatement(sql: """
            SELECT id, order_number, customer_key, payment_method, total_gross, weight_g, status, invoice_number,
                   ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id, ship_addition
            FROM orders WHERE shop = ? AND \(condition) AND status != 'reverted'
            """).first(shop, key) { row in
            BookedOrder(id: Int64(row.int(0)), orderNumber: row.text(1), customerKey: row.text(2),
                        paymentMethod: row.text(3), totalGross: row.int(4), weightGrams: row.int(5),
                        status: OrderStatus(rawValue: row.text(6)) ?? .held, invoiceNumber: row.optionalText(7),
                        shipTo: row.optionalText(8).map {
                            Address(name: $0, addition: row.optionalText(14), street: row.optionalText(9) ?? "", zip: row.optionalText(10) ?? "",
                                    city: row.optionalText(11) ?? "", country: row.optionalText(12) ?? "DE")
                        },
                        batch: Int64(row.int(13)))
        }
    }

    /// Records a new order and the way it went in its first batch: each step a state it
    /// reached and why (`released`, then `invoiced`, then `shipped`, say); it rests in the
    /// last. `invoice` is the number the `invoiced` step issued. Returns the order's id.
    public func add(_ order: Order, shop: String, customerKey: String, totalGross: Int, weightGrams: Int,
                    way: [OrderStep], invoice: String?, vatCase: VATCase = .domestic, batch: Int64) throws -> Int64 {
        guard let last = way.last else { throw OrderMoveRefused(orderNumber: order.orderNumber, from: nil, to: .reverted) }
        try check(way, from: nil, order: order.orderNumber)
        try db.cachedStatement(sql: """
            INSERT INTO orders (shop, order_number, order_date, customer_key, payment_method, total_gross, price_basis, weight_g,
                                status, invoice_number, ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id,
                                shipping, paid, coupon_code, ship_addition, vat_case)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, order.orderNumber, order.orderDate.description, customerKey,
                     order.paymentMethod.rawValue, totalGross, order.priceBasis.rawValue, weightGrams, last.status.rawValue,
                     invoice, order.shipTo?.name, order.shipTo?.street, order.shipTo?.zip, order.shipTo?.city,
                     order.shipTo?.country, batch, order.shipping, order.paid, order.couponCode, order.shipTo?.addition,
                     vatCase.stored)
        let id = db.lastInsertedRowID
        try record(way, of: id, from: nil, invoice: invoice, batch: batch)
        return id
    }

    /// What a customer's orders on account or cash on delivery that wait for stock, not yet
    /// invoiced, add up to: they passed the credit check, so they count towards what the
    /// customer owes. Of an order that ships in parts, what its deliveries have not invoiced
    /// yet.
    public func committed(shop: String, customerKey: String) throws -> Int {
        try db.cachedStatement(sql: """
            SELECT coalesce(SUM(total_gross - \(Self.deliveredGrossSQL)), 0) FROM orders INDEXED BY orders_awaiting_stock_by_customer
            WHERE shop = ? AND customer_key = ? AND status = 'awaiting_stock'
              AND payment_method IN ('invoice', 'cod') AND (invoice_number IS NULL OR \(Self.shipsInPartsSQL))
            """).int(shop, customerKey) ?? 0
    }

    /// SQL of what the live deliveries of the order of the row in `orders` invoiced.
    static let deliveredGrossSQL = """
        (SELECT coalesce(SUM(d.gross), 0) FROM order_deliveries d WHERE d.order_id = orders.id AND d.reverted_by IS NULL)
        """

    /// SQL of whether the order of the row in `orders` ships in parts.
    static let shipsInPartsSQL = """
        EXISTS (SELECT 1 FROM order_deliveries d WHERE d.order_id = orders.id AND d.reverted_by IS NULL)
        """

    /// Records the lines of an order with the VAT rate each was booked at and the discount it bears.
    public func addLines(_ lines: [BookedLine], order id: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_lines (order_id, line, sku, quantity, unit_price, vat_rate, discount) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, line) in lines.enumerated() {
            try insert.run(id, index + 1, line.sku, line.quantity, line.unitPrice, line.rate.percent, line.discount)
        }
    }

    /// What an order holds of one article: its booked lines in order, the quantity already
    /// returned, and the order's price basis.
    public func article(order id: Int64, sku: String) throws -> BookedArticle {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT quantity, unit_price, vat_rate, discount FROM order_lines WHERE order_id = ? AND sku = ? ORDER BY line
            """), arguments: [id, sku])
        let returned = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(quantity), 0) FROM order_returns WHERE order_id = ? AND sku = ?
            """), arguments: [id, sku]) ?? 0
        let basis = try String.fetchOne(db.cachedStatement(sql: "SELECT price_basis FROM orders WHERE id = ?"), arguments: [id])
        return BookedArticle(lines: rows.map { BookedLine(sku: sku, quantity: $0["quantity"], unitPrice: $0["unit_price"],
                                                          rate: VATRate(percent: $0["vat_rate"]) ?? .standard, discount: $0["discount"]) },
                             returned: returned, basis: basis.flatMap(PriceBasis.init(rawValue:)) ?? .gross)
    }

    /// Units of an order still with the customer: those ordered less those returned.
    public func unitsWithCustomer(order id: Int64) throws -> Int {
        let ordered = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(quantity), 0) FROM order_lines WHERE order_id = ?
            """), arguments: [id]) ?? 0
        let returned = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(quantity), 0) FROM order_returns WHERE order_id = ?
            """), arguments: [id]) ?? 0
        return ordered - returned
    }

    /// Records returned goods of an order.
    public func addReturn(order id: Int64, sku: String, quantity: Int, batch: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO order_returns (order_id, sku, quantity, batch_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [id, sku, quantity, batch])
    }

    /// Moves an order on along `way`, each step a state it reaches and why; it rests in the
    /// last. `invoice` is the number an `invoiced` step issued. Refuses a step that the
    /// order's state machine does not allow, before anything is written.
    public func move(_ order: BookedOrder, along way: [OrderStep], invoice: String? = nil, batch: Int64) throws {
        guard let last = way.last else { return }
        try check(way, from: order.status, order: order.orderNumber)
        if let invoice {
            try db.cachedStatement(sql: "UPDATE orders SET status = ?, invoice_number = ? WHERE id = ?")
                .execute(arguments: [last.status.rawValue, invoice, order.id])
        } else {
            try db.cachedStatement(sql: "UPDATE orders SET status = ? WHERE id = ?").execute(arguments: [last.status.rawValue, order.id])
        }
        try record(way, of: order.id, from: order.status, invoice: invoice, batch: batch)
    }

    /// Moves an order to one new state, for `cause`.
    public func move(_ order: BookedOrder, to status: OrderStatus, cause: String, batch: Int64) throws {
        try move(order, along: [OrderStep(status, cause)], batch: batch)
    }

    private func check(_ way: [OrderStep], from start: OrderStatus?, order number: String) throws {
        var from = start
        for step in way {
            guard OrderStatus.mayMove(from: from, to: step.status) else {
                throw OrderMoveRefused(orderNumber: number, from: from, to: step.status)
            }
            from = step.status
        }
    }

    private func record(_ way: [OrderStep], of id: Int64, from start: OrderStatus?, invoice: String?, batch: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_transitions (order_id, from_status, to_status, batch_id, invoice_number, cause) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var from = start
        for step in way {
            let issued = step.status == .invoiced ? invoice : nil
            try insert.run(id, from?.rawValue, step.status.rawValue, batch, issued, step.cause)
            from = step.status
        }
    }

    /// The VAT case decided for an order when it came (domestic for one booked before
    /// Kontor kept it).
    public func vatCase(order id: Int64) throws -> VATCase {
        let stored = try String?.fetchOne(db.cachedStatement(sql: "SELECT vat_case FROM orders WHERE id = ?"), arguments: [id]) ?? nil
        guard let vatCase = VATCase(stored: stored) else {
            throw Diagnostic("order.vat-case", "order \(id) carries the VAT case \(stored ?? ""), which Kontor cannot read",
                             at: SourceLocation(file: "kontor.sqlite"))
        }
        return vatCase
    }

    /// What a held order needs to be released: the order as it came, rebuilt from the book
    /// (its lines with the discounts they bear, shipping charge, payment, coupon code), or nil
    /// for an order booked before Kontor kept its shipping charge. The order's discount is in
    /// its lines: the rebuilt order has none of its own.
    public func stored(_ order: BookedOrder) throws -> (order: Order, lines: [BookedLine])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [order.id]),
              let shipping: Int = row["shipping"], let date = CalendarDate(parsing: row["order_date"]),
              let method = PaymentMethod(rawValue: row["payment_method"]) else { return nil }
        let lines = try Row.fetchAll(db, sql: """
            SELECT sku, quantity, unit_price, vat_rate, discount FROM order_lines WHERE order_id = ? ORDER BY line
            """, arguments: [order.id]).map {
            BookedLine(sku: $0["sku"], quantity: $0["quantity"], unitPrice: $0["unit_price"], rate: VATRate(percent: $0["vat_rate"]) ?? .standard,
                       discount: $0["discount"])
        }
        let place = SourceLocation(file: "kontor.sqlite")
        let rebuilt = Order(orderNumber: order.orderNumber, orderDate: date, customerID: nil, customerEmail: nil,
                            customerName: nil, shipTo: order.shipTo, paymentMethod: method, paid: (row["paid"] as Int?) == 1,
                            shipping: shipping, priceBasis: PriceBasis(rawValue: row["price_basis"]) ?? .gross,
                            couponCode: row["coupon_code"],
                            lines: lines.map { OrderLine(sku: $0.sku, quantity: $0.quantity, unitPrice: $0.unitPrice, vatRate: $0.rate,
                                                         discount: $0.discount, location: place) },
                            location: place)
        return (rebuilt, lines)
    }
}

extension OrderBook {
    /// Per shop and customer, what their orders on account or cash on delivery waiting for
    /// stock (not yet invoiced) add up to, as `committed` gives it for one customer.
    public static func committed(shop: String?, in db: Database) throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT shop, customer_key, SUM(total_gross - \(deliveredGrossSQL)) AS committed
            FROM orders INDEXED BY orders_awaiting_stock_by_customer
            WHERE status = 'awaiting_stock' AND payment_method IN ('invoice', 'cod') AND (invoice_number IS NULL OR \(shipsInPartsSQL))
              AND (?1 IS NULL OR shop = ?1)
            GROUP BY shop, customer_key
            """, arguments: [shop]) {
            result[row["shop"], default: [:]][row["customer_key"]] = row["committed"]
        }
        return result
    }

    /// An order that waits: held, awaiting payment or awaiting stock.
    public struct Waiting: Sendable {
        public var orderNumber, orderDate, customerKey, paymentMethod: String
        public var status: OrderStatus
        public var totalGross: Int
        public var invoiceNumber: String?
    }

    /// The orders of `shop` in a waiting state (`held`, `awaiting_payment` or
    /// `awaiting_stock`), oldest first; read through an index of the waiting orders only.
    public static func waiting(shop: String, in status: OrderStatus, db: Database) throws -> [Waiting] {
        let index: String
        switch status {
        case .held: index = "orders_held"
        case .awaitingPayment: index = "orders_awaiting_payment"
        case .awaitingStock: index = "orders_awaiting_stock_by_customer"
        default: return []
        }
        return try Row.fetchAll(db, sql: """
            SELECT order_number, order_date, customer_key, payment_method, total_gross, invoice_number
            FROM orders INDEXED BY \(index) WHERE shop = ? AND status = '\(status.rawValue)' ORDER BY order_date, id
            """, arguments: [shop]).map {
            Waiting(orderNumber: $0["order_number"], orderDate: $0["order_date"], customerKey: $0["customer_key"],
                    paymentMethod: $0["payment_method"], status: status, totalGross: $0["total_gross"],
                    invoiceNumber: $0["invoice_number"])
        }
    }
}

extension OrderBook {
    /// An order as `kontor orders` lists it.
    public struct Listing: Sendable {
        public var shop, orderNumber, orderDate, customerKey, paymentMethod: String
        public var status: OrderStatus
        public var totalGross: Int
        public var invoiceNumber: String?
        /// For an order that went out in parts, the invoice of each delivery, oldest first.
        public var deliveryInvoices: [String]
        /// Each change of state, oldest first: the state reached, the batch and its time, and why.
        public var history: [Change]

        /// One change of an order's state.
        public struct Change: Sendable {
            public var to: String
            public var batch: Int64
            public var at: String
            public var cause: String?
        }
    }

    /// The live orders of a shop (or all shops), optionally in one state, by shop and number.
    public static func listing(shop: String?, status: OrderStatus?, in db: Database) throws -> [Listing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, shop, order_number, order_date, customer_key, payment_method, status, total_gross, invoice_number
            FROM orders WHERE status != 'reverted' AND (?1 IS NULL OR shop = ?1) AND (?2 IS NULL OR status = ?2)
            ORDER BY shop, order_number
            """, arguments: [shop, status?.rawValue])
        let inParts = try OrderBook(db).anyDeliveries()
        return try rows.map { row in
            let history = try Row.fetchAll(db, sql: """
                SELECT t.to_status, t.batch_id, b.received_at, t.cause FROM order_transitions t JOIN batches b ON b.id = t.batch_id
                WHERE t.order_id = ? ORDER BY t.id
                """, arguments: [row["id"] as Int64]).map {
                Listing.Change(to: $0["to_status"], batch: $0["batch_id"], at: $0["received_at"], cause: $0["cause"])
            }
            return Listing(shop: row["shop"], orderNumber: row["order_number"], orderDate: row["order_date"],
                           customerKey: row["customer_key"], paymentMethod: row["payment_method"],
                           status: OrderStatus(rawValue: row["status"]) ?? .held, totalGross: row["total_gross"],
                           invoiceNumber: row["invoice_number"],
                           deliveryInvoices: inParts ? try OrderBook(db).deliveryInvoices(order: row["id"]) : [],
                           history: history)
        }
    }
}
