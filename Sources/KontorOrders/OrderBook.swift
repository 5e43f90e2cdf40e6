import GRDB
import KontorCore

/// The order book: every order a shop sent, the state it is in, and each change of that
/// state with the batch that made it, so that a batch can be reversed. In the caller's
/// transaction.
public struct OrderBook {
    private let db: Database

    /// Works in the caller's transaction.
    public init(_ db: Database) { self.db = db }

    /// The live (not reverted) order with this number.
    public func order(shop: String, number: String) throws -> BookedOrder? {
        try fetch("order_number = ?", shop: shop, key: number)
    }

    /// The live order invoiced under this number.
    public func order(shop: String, invoice: String) throws -> BookedOrder? {
        try fetch("invoice_number = ?", shop: shop, key: invoice)
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
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM orders WHERE shop = ? AND \(condition) AND status != 'reverted'
            """), arguments: [shop, key]) else { return nil }
        let name: String? = row["ship_name"]
        return BookedOrder(id: row["id"], orderNumber: row["order_number"], customerKey: row["customer_key"],
                           paymentMethod: row["payment_method"], totalGross: row["total_gross"], weightGrams: row["weight_g"],
                           status: OrderStatus(rawValue: row["status"]) ?? .held, invoiceNumber: row["invoice_number"],
                           shipTo: name.map { Address(name: $0, street: row["ship_street"] ?? "", zip: row["ship_zip"] ?? "",
                                                      city: row["ship_city"] ?? "", country: row["ship_country"] ?? "DE") },
                           batch: row["batch_id"])
    }

    /// Records a new order in its first state and returns its id.
    public func add(_ order: Order, shop: String, customerKey: String, totalGross: Int, weightGrams: Int, status: OrderStatus,
                    invoice: String?, batch: Int64) throws -> Int64 {
        guard OrderStatus.mayMove(from: nil, to: status) else {
            throw OrderMoveRefused(orderNumber: order.orderNumber, from: nil, to: status)
        }
        try db.cachedStatement(sql: """
            INSERT INTO orders (shop, order_number, order_date, customer_key, payment_method, total_gross, price_basis, weight_g,
                                status, invoice_number, ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id,
                                shipping, paid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, order.orderNumber, order.orderDate.description, customerKey,
                                     order.paymentMethod.rawValue, totalGross, order.priceBasis.rawValue, weightGrams, status.rawValue, invoice,
                                     order.shipTo?.name, order.shipTo?.street, order.shipTo?.zip, order.shipTo?.city,
                                     order.shipTo?.country, batch, order.shipping, order.paid])
        let id = db.lastInsertedRowID
        try transition(id, from: nil, to: status, batch: batch)
        return id
    }

    /// Records the lines of an order with the VAT rate each was booked at.
    public func addLines(_ lines: [BookedLine], order id: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_lines (order_id, line, sku, quantity, unit_price, vat_rate) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (index, line) in lines.enumerated() {
            try insert.execute(arguments: [id, index + 1, line.sku, line.quantity, line.unitPrice, line.rate.percent])
        }
    }

    /// What an order holds of one article: its booked lines in order, the quantity already
    /// returned, and the order's price basis.
    public func article(order id: Int64, sku: String) throws -> BookedArticle {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT quantity, unit_price, vat_rate FROM order_lines WHERE order_id = ? AND sku = ? ORDER BY line
            """), arguments: [id, sku])
        let returned = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(quantity), 0) FROM order_returns WHERE order_id = ? AND sku = ?
            """), arguments: [id, sku]) ?? 0
        let basis = try String.fetchOne(db.cachedStatement(sql: "SELECT price_basis FROM orders WHERE id = ?"), arguments: [id])
        return BookedArticle(lines: rows.map { BookedLine(sku: sku, quantity: $0["quantity"], unitPrice: $0["unit_price"],
                                                          rate: VATRate(percent: $0["vat_rate"]) ?? .standard) },
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

    /// Moves an order to a new state, logging the change with its batch. Refuses a move
    /// that the order's state machine does not allow.
    public func move(_ order: BookedOrder, to status: OrderStatus, batch: Int64) throws {
        guard OrderStatus.mayMove(from: order.status, to: status) else {
            throw OrderMoveRefused(orderNumber: order.orderNumber, from: order.status, to: status)
        }
        try db.cachedStatement(sql: "UPDATE orders SET status = ? WHERE id = ?").execute(arguments: [status.rawValue, order.id])
        try transition(order.id, from: order.status, to: status, batch: batch)
    }

    /// Moves a held order that a person released on to the state its invoice and shipment
    /// decisions give it, and records the invoice it now carries.
    public func release(_ order: BookedOrder, to status: OrderStatus, invoice: String, batch: Int64) throws {
        guard order.status == .held, OrderStatus.mayMove(from: order.status, to: status) else {
            throw OrderMoveRefused(orderNumber: order.orderNumber, from: order.status, to: status)
        }
        try db.cachedStatement(sql: "UPDATE orders SET status = ?, invoice_number = ? WHERE id = ?")
            .execute(arguments: [status.rawValue, invoice, order.id])
        try transition(order.id, from: order.status, to: status, batch: batch, invoice: invoice)
    }

    /// What a held order needs to be released: the order as it came, rebuilt from the book
    /// (its lines, shipping charge, payment), or nil for an order booked before Kontor kept
    /// its shipping charge.
    public func stored(_ order: BookedOrder) throws -> (order: Order, lines: [BookedLine])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ?", arguments: [order.id]),
              let shipping: Int = row["shipping"], let date = CalendarDate(parsing: row["order_date"]),
              let method = PaymentMethod(rawValue: row["payment_method"]) else { return nil }
        let lines = try Row.fetchAll(db, sql: """
            SELECT sku, quantity, unit_price, vat_rate FROM order_lines WHERE order_id = ? ORDER BY line
            """, arguments: [order.id]).map {
            BookedLine(sku: $0["sku"], quantity: $0["quantity"], unitPrice: $0["unit_price"], rate: VATRate(percent: $0["vat_rate"]) ?? .standard)
        }
        let place = SourceLocation(file: "kontor.sqlite")
        let rebuilt = Order(orderNumber: order.orderNumber, orderDate: date, customerID: nil, customerEmail: nil,
                            customerName: nil, shipTo: order.shipTo, paymentMethod: method, paid: (row["paid"] as Int?) == 1,
                            shipping: shipping, priceBasis: PriceBasis(rawValue: row["price_basis"]) ?? .gross,
                            lines: lines.map { OrderLine(sku: $0.sku, quantity: $0.quantity, unitPrice: $0.unitPrice, vatRate: $0.rate,
                                                         location: place) },
                            location: place)
        return (rebuilt, lines)
    }

    private func transition(_ id: Int64, from: OrderStatus?, to: OrderStatus, batch: Int64, invoice: String? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO order_transitions (order_id, from_status, to_status, batch_id, invoice_number) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [id, from?.rawValue, to.rawValue, batch, invoice])
    }
}

extension OrderBook {
    /// An order as `kontor orders` lists it.
    public struct Listing: Sendable {
        public var shop, orderNumber, orderDate, customerKey, paymentMethod: String
        public var status: OrderStatus
        public var totalGross: Int
        public var invoiceNumber: String?
        /// Each change of state, oldest first: `2025-03-03 held (batch 4)`.
        public var history: [(to: String, batch: Int64)]
    }

    /// The live orders of a shop (or all shops), optionally in one state, by shop and number.
    public static func listing(shop: String?, status: OrderStatus?, in db: Database) throws -> [Listing] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, shop, order_number, order_date, customer_key, payment_method, status, total_gross, invoice_number
            FROM orders WHERE status != 'reverted' AND (?1 IS NULL OR shop = ?1) AND (?2 IS NULL OR status = ?2)
            ORDER BY shop, order_number
            """, arguments: [shop, status?.rawValue])
        return try rows.map { row in
            let history = try Row.fetchAll(db, sql: """
                SELECT to_status, batch_id FROM order_transitions WHERE order_id = ? ORDER BY id
                """, arguments: [row["id"] as Int64]).map { (to: $0["to_status"] as String, batch: $0["batch_id"] as Int64) }
            return Listing(shop: row["shop"], orderNumber: row["order_number"], orderDate: row["order_date"],
                           customerKey: row["customer_key"], paymentMethod: row["payment_method"],
                           status: OrderStatus(rawValue: row["status"]) ?? .held, totalGross: row["total_gross"],
                           invoiceNumber: row["invoice_number"], history: history)
        }
    }
}
