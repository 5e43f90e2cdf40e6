import GRDB
import KontorCore
import KontorStore

/// Where an order stands.
public enum OrderStatus: String, Sendable, Codable {
    /// Over the customer's credit limit: stock reserved, nothing invoiced or shipped.
    case held
    /// Invoiced, waiting for the customer's payment before it ships.
    case awaitingPayment = "awaiting_payment"
    /// Invoiced and paid or on account, waiting for goods.
    case awaitingStock = "awaiting_stock"
    case shipped
    case cancelled
    /// Undone by a forced rerun of its batch.
    case reverted
}

/// The order book: every order a shop sent, the state it is in, and each change of that
/// state with the batch that made it, so that a batch can be reversed.
///
/// The pipeline owns it because an order passes through all four modules.
struct OrderBook {
    let db: Database

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("pipeline-1") { db in
            try db.execute(sql: """
                CREATE TABLE orders (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    shop TEXT NOT NULL REFERENCES shops(shop),
                    order_number TEXT NOT NULL,
                    order_date TEXT NOT NULL,
                    customer_key TEXT NOT NULL,
                    payment_method TEXT NOT NULL,
                    total_gross INTEGER NOT NULL,
                    price_basis TEXT NOT NULL CHECK (price_basis IN ('gross', 'net')),
                    weight_g INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL,
                    invoice_number TEXT,
                    ship_name TEXT, ship_street TEXT, ship_zip TEXT, ship_city TEXT, ship_country TEXT,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE UNIQUE INDEX orders_live_number ON orders(shop, order_number) WHERE status != 'reverted';
                CREATE TABLE order_transitions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX order_transitions_by_batch ON order_transitions(batch_id);
                CREATE TABLE order_lines (
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    line INTEGER NOT NULL,
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL CHECK (quantity > 0),
                    unit_price INTEGER NOT NULL,
                    vat_rate INTEGER NOT NULL,
                    PRIMARY KEY (order_id, line)
                ) WITHOUT ROWID;
                CREATE TABLE order_returns (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    order_id INTEGER NOT NULL REFERENCES orders(id),
                    sku TEXT NOT NULL,
                    quantity INTEGER NOT NULL,
                    batch_id INTEGER NOT NULL REFERENCES batches(id)
                );
                CREATE INDEX order_returns_by_order ON order_returns(order_id);
                """)
            try Schema.makeAppendOnly("order_transitions", in: db)
            try Schema.makeAppendOnly("order_lines", in: db)
            try Schema.makeAppendOnly("order_returns", in: db)
        }
        // A reversal's own rows point at what they undo, so that reversing a batch that was
        // itself a forced rerun undoes only what that batch applied, never its reversal.
        migrator.registerMigration("pipeline-2") { db in
            try db.execute(sql: """
                ALTER TABLE order_transitions ADD COLUMN reverses INTEGER REFERENCES order_transitions(id);
                ALTER TABLE order_returns ADD COLUMN reverses INTEGER REFERENCES order_returns(id);
                CREATE INDEX order_returns_by_batch ON order_returns(batch_id);
                """)
        }
    }

    struct Entry {
        var id: Int64
        var orderNumber: String
        var customerKey: String
        var paymentMethod: String
        var totalGross: Int
        var weightGrams: Int
        var status: OrderStatus
        var invoiceNumber: String?
        var shipTo: Address?
        var batch: Int64
    }

    /// The live (not reverted) order with this number.
    func order(shop: String, number: String) throws -> Entry? {
        try fetch("order_number = ?", shop: shop, key: number)
    }

    /// The live order invoiced under this number.
    func order(shop: String, invoice: String) throws -> Entry? {
        try fetch("invoice_number = ?", shop: shop, key: invoice)
    }

    private func fetch(_ condition: String, shop: String, key: String) throws -> Entry? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM orders WHERE shop = ? AND \(condition) AND status != 'reverted'
            """), arguments: [shop, key]) else { return nil }
        let name: String? = row["ship_name"]
        return Entry(id: row["id"], orderNumber: row["order_number"], customerKey: row["customer_key"],
                     paymentMethod: row["payment_method"], totalGross: row["total_gross"], weightGrams: row["weight_g"],
                     status: OrderStatus(rawValue: row["status"]) ?? .held, invoiceNumber: row["invoice_number"],
                     shipTo: name.map { Address(name: $0, street: row["ship_street"] ?? "", zip: row["ship_zip"] ?? "",
                                                city: row["ship_city"] ?? "", country: row["ship_country"] ?? "DE") },
                     batch: row["batch_id"])
    }

    /// Records a new order in its first state.
    func add(_ order: Order, shop: String, customerKey: String, totalGross: Int, weightGrams: Int, status: OrderStatus,
             invoice: String?, batch: Int64) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO orders (shop, order_number, order_date, customer_key, payment_method, total_gross, price_basis, weight_g,
                                status, invoice_number, ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, order.orderNumber, order.orderDate.description, customerKey,
                                     order.paymentMethod.rawValue, totalGross, order.priceBasis.rawValue, weightGrams, status.rawValue, invoice,
                                     order.shipTo?.name, order.shipTo?.street, order.shipTo?.zip, order.shipTo?.city,
                                     order.shipTo?.country, batch])
        let id = db.lastInsertedRowID
        try transition(id, from: nil, to: status, batch: batch)
        return id
    }

    /// An order line as booked: its article, quantity, unit price (in the order's basis) and rate.
    struct BookedLine {
        var sku: String
        var quantity: Int
        var unitPrice: Int
        var rate: VATRate
    }

    /// Records the lines of an order with the VAT rate each was booked at.
    func addLines(_ lines: [BookedLine], order id: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO order_lines (order_id, line, sku, quantity, unit_price, vat_rate) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (index, line) in lines.enumerated() {
            try insert.execute(arguments: [id, index + 1, line.sku, line.quantity, line.unitPrice, line.rate.percent])
        }
    }

    /// What an order holds of one article: its booked lines in order, the quantity already
    /// returned, and the order's price basis.
    func lines(order id: Int64, sku: String) throws -> (lines: [BookedLine], returned: Int, basis: PriceBasis) {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT quantity, unit_price, vat_rate FROM order_lines WHERE order_id = ? AND sku = ? ORDER BY line
            """), arguments: [id, sku])
        let returned = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(quantity), 0) FROM order_returns WHERE order_id = ? AND sku = ?
            """), arguments: [id, sku]) ?? 0
        let basis = try String.fetchOne(db.cachedStatement(sql: "SELECT price_basis FROM orders WHERE id = ?"), arguments: [id])
        return (rows.map { BookedLine(sku: sku, quantity: $0["quantity"], unitPrice: $0["unit_price"],
                                      rate: VATRate(percent: $0["vat_rate"]) ?? .standard) },
                returned, basis.flatMap(PriceBasis.init(rawValue:)) ?? .gross)
    }

    /// Records returned goods of an order.
    func addReturn(order id: Int64, sku: String, quantity: Int, batch: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO order_returns (order_id, sku, quantity, batch_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [id, sku, quantity, batch])
    }

    /// Moves an order to a new state, logging the change with its batch.
    func move(_ entry: Entry, to status: OrderStatus, batch: Int64) throws {
        try db.cachedStatement(sql: "UPDATE orders SET status = ? WHERE id = ?").execute(arguments: [status.rawValue, entry.id])
        try transition(entry.id, from: entry.status, to: status, batch: batch)
    }

    private func transition(_ id: Int64, from: OrderStatus?, to: OrderStatus, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO order_transitions (order_id, from_status, to_status, batch_id) VALUES (?, ?, ?, ?)
            """).execute(arguments: [id, from?.rawValue, to.rawValue, batch])
    }

    /// Undoes the state changes of `batch`, newest first, logging each undo under `reversal`:
    /// orders it created become `reverted`; orders it moved go back to where they were.
    /// Rows that `batch` wrote as a reversal of an earlier batch are not undone: reversing a
    /// rerun takes back what the rerun applied, and the batch it replaced stays reversed.
    func reverse(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: """
            INSERT INTO order_returns (order_id, sku, quantity, batch_id, reverses)
            SELECT order_id, sku, -quantity, ?, id FROM order_returns WHERE batch_id = ? AND reverses IS NULL
            """, arguments: [reversal, batch])
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.order_id, t.from_status, o.status FROM order_transitions t JOIN orders o ON o.id = t.order_id
            WHERE t.batch_id = ? AND t.reverses IS NULL ORDER BY t.id DESC
            """, arguments: [batch])
        for row in rows {
            let id: Int64 = row["order_id"]
            let from: String? = row["from_status"]
            let current: String = row["status"]
            let target = from ?? OrderStatus.reverted.rawValue
            try db.execute(sql: "UPDATE orders SET status = ? WHERE id = ?", arguments: [target, id])
            try db.execute(sql: """
                INSERT INTO order_transitions (order_id, from_status, to_status, batch_id, reverses) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, current, target, reversal, row["id"] as Int64])
        }
    }
}
