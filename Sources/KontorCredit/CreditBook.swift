import GRDB
import KontorCore
import KontorStore

/// A customer as the credit book knows it.
public struct CustomerAccount: Sendable, Equatable {
    public var shop: String
    public var customerID: String
    public var name: String
    public var email: String
    public var creditLimit: Int?
    public var paymentTermsDays: Int?
    /// Whether the customer may not buy on account.
    public var blocked = false
    /// Whether the customer is a business: as the customer list says, else by a VAT ID.
    public var business = false
    /// The customer's VAT ID as the customer list gives it (its shape not checked).
    public var vatID: String?
    /// The customer's country (ISO code) from the customer list.
    public var country: String?
}

/// Customers, limits and holds, in the caller's transaction.
public struct CreditBook {
    private let db: Database

    public init(_ db: Database) { self.db = db }

    /// Inserts or updates a customer from a customer list.
    public func upsert(_ c: Customer, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO customers (shop, customer_id, name, email, credit_limit, payment_terms_days, vat_id, country, street, zip, city, business, dunning_stop, blocked, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop, customer_id) DO UPDATE SET name = excluded.name, email = excluded.email,
                credit_limit = coalesce(excluded.credit_limit, credit_limit),
                payment_terms_days = coalesce(excluded.payment_terms_days, payment_terms_days),
                vat_id = coalesce(excluded.vat_id, vat_id), country = coalesce(excluded.country, country),
                street = coalesce(excluded.street, street), zip = coalesce(excluded.zip, zip),
                city = coalesce(excluded.city, city), business = coalesce(excluded.business, business),
                dunning_stop = coalesce(excluded.dunning_stop, dunning_stop), blocked = coalesce(excluded.blocked, blocked),
                batch_id = excluded.batch_id
            """).execute(arguments: [shop, c.customerID, c.name, c.email, c.creditLimit, c.paymentTermsDays, c.vatID,
                                     c.country, c.street, c.zip, c.city, c.isBusiness, c.dunningStop, c.blocked, batch])
    }

    /// The customer with this id, or else with this e-mail address.
    public func customer(shop: String, id: String?, email: String?) throws -> CustomerAccount? {
        let columns = """
            shop, customer_id, name, email, credit_limit, payment_terms_days, blocked,
            coalesce(business, vat_id IS NOT NULL AND vat_id != ''), vat_id, country
            """
        let account = { (row: SQLRow) in
            CustomerAccount(shop: row.text(0), customerID: row.text(1), name: row.text(2), email: row.text(3),
                            creditLimit: row.optionalInt(4), paymentTermsDays: row.optionalInt(5),
                            blocked: (row.optionalInt(6) ?? 0) != 0, business: (row.optionalInt(7) ?? 0) != 0,
                            vatID: row.optionalText(8), country: row.optionalText(9))
        }
        if let id {
            return try db.cachedStatement(sql: "SELECT \(columns) FROM customers WHERE shop = ? AND customer_id = ?")
                .first(shop, id, read: account)
        } else if let email {
            return try db.cachedStatement(sql: """
                SELECT \(columns) FROM customers INDEXED BY customers_by_email_lower
                WHERE shop = ? AND lower(email) = lower(?) ORDER BY customer_id LIMIT 1
                """).first(shop, email, read: account)
        }
        return nil
    }

    /// An order the credit check holds, with the figures that led to it.
    public struct OpenHold: Sendable, Equatable {
        public var order: String
        public var customerKey: String
        public var amount: Int
        public var exposure: Int
        public var limit: Int
        public var reason: String
    }

    /// The holds of `shop` still open, oldest first, through the index of open holds.
    public func openHolds(shop: String) throws -> [OpenHold] {
        try Row.fetchAll(db, sql: """
            SELECT order_number, customer_key, amount, exposure, credit_limit, reason FROM credit_holds INDEXED BY credit_holds_open
            WHERE shop = ? AND status = 'held' ORDER BY id
            """, arguments: [shop]).map {
            OpenHold(order: $0[0], customerKey: $0[1], amount: $0[2], exposure: $0[3], limit: $0[4], reason: $0[5])
        }
    }

    /// Records that an order is held, with the figures that led to it.
    public func hold(shop: String, order: String, customerKey: String, amount: Int, exposure: Int, limit: Int,
                     reason: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO credit_holds (shop, order_number, customer_key, amount, exposure, credit_limit, reason, status, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'held', ?)
            """).execute(arguments: [shop, order, customerKey, amount, exposure, limit, reason, batch])
    }

    /// Marks the holds placed by `batch` as reverted, and puts back the holds it released.
    public func reverse(batch: Int64) throws {
        try db.execute(sql: "UPDATE credit_holds SET status = 'reverted' WHERE batch_id = ? AND status = 'held'", arguments: [batch])
        try db.execute(sql: "UPDATE credit_holds SET status = 'held', released_by = NULL WHERE released_by = ?", arguments: [batch])
    }

    /// The held orders of a customer, oldest first.
    public func heldOrders(shop: String, customerKey: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT order_number FROM credit_holds WHERE shop = ? AND customer_key = ? AND status = 'held' ORDER BY id
            """), arguments: [shop, customerKey])
    }

    /// Why an order is held, if it is.
    public func holdReason(shop: String, order: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT reason FROM credit_holds WHERE shop = ? AND order_number = ? AND status = 'held' ORDER BY id DESC LIMIT 1
            """), arguments: [shop, order])
    }

    /// Lifts the hold of an order, naming the batch that released it; false if it has none.
    @discardableResult
    public func release(shop: String, order: String, batch: Int64) throws -> Bool {
        try db.execute(sql: """
            UPDATE credit_holds SET status = 'released', released_by = ? WHERE shop = ? AND order_number = ? AND status = 'held'
            """, arguments: [batch, shop, order])
        return db.changesCount > 0
    }

    /// One customer of the customer list, with the money on hold.
    public struct Listing: Sendable {
        public var shop: String
        public var customerID: String
        public var name: String
        public var email: String
        public var creditLimit: Int?
        /// Whether the customer is a business: as the customer list says, else by a VAT ID.
        public var business: Bool
        public var heldOrders: Int
        public var heldAmount: Int
    }

    /// All customers and their holds.
    public static func customers(shop: String? = nil, in db: Database) throws -> [Listing] {
        try Row.fetchAll(db, sql: """
            SELECT c.shop, c.customer_id, c.name, c.email, c.credit_limit,
                   coalesce(c.business, c.vat_id IS NOT NULL AND c.vat_id != '') AS business,
                   (SELECT count(*) FROM credit_holds h WHERE h.shop = c.shop AND h.customer_key = c.customer_id AND h.status = 'held') AS held,
                   (SELECT coalesce(SUM(amount), 0) FROM credit_holds h WHERE h.shop = c.shop AND h.customer_key = c.customer_id AND h.status = 'held') AS held_amount
            FROM customers c WHERE ?1 IS NULL OR c.shop = ?1 ORDER BY c.shop, c.customer_id
            """, arguments: [shop]).map {
            Listing(shop: $0["shop"], customerID: $0["customer_id"], name: $0["name"], email: $0["email"],
                    creditLimit: $0["credit_limit"], business: $0["business"], heldOrders: $0["held"], heldAmount: $0["held_amount"])
        }
    }

    /// A change of a customer's credit limit: the limit before (nil: none of their own) and
    /// after, the batch that brought it and the day it was received.
    public struct LimitChange: Sendable, Equatable {
        public var old: Int?
        public var new: Int?
        public var batch: Int64
        public var date: String
    }

    /// The changes of a customer's credit limit, oldest first.
    public static func limitChanges(shop: String, customer: String, in db: Database) throws -> [LimitChange] {
        try Row.fetchAll(db, sql: """
            SELECT l.old_limit, l.new_limit, l.batch_id, substr(b.received_at, 1, 10) AS date
            FROM credit_limit_changes l JOIN batches b ON b.id = l.batch_id
            WHERE l.shop = ? AND l.customer_id = ? ORDER BY l.id
            """, arguments: [shop, customer]).map {
            LimitChange(old: $0["old_limit"], new: $0["new_limit"], batch: $0["batch_id"], date: $0["date"])
        }
    }
}

extension CreditBook {
    /// Hands the holds a batch placed to `body` in order, one at a time.
    public static func forEachHold(batch: Int64, in db: Database,
                                   _ body: (_ order: String, _ customer: String, _ reason: String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT order_number, customer_key, reason FROM credit_holds WHERE batch_id = ? ORDER BY id
            """, arguments: [batch])
        while let row = try rows.next() { try body(row["order_number"], row["customer_key"], row["reason"]) }
    }
}
