import GRDB

/// A customer's name and address as the customer list gave them, for master data.
public struct CustomerAddress: Sendable, Equatable {
    public var customerID: String
    public var name: String
    public var email: String
    public var street: String
    public var zip: String
    public var city: String
    public var country: String
    public var vatID: String
}

extension CreditBook {
    /// The customer a journal knows by `key` (a customer id, or the e-mail address of a
    /// guest), if the customer list has them.
    public static func address(shop: String, key: String, in db: Database) throws -> CustomerAddress? {
        var row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customers WHERE shop = ? AND customer_id = ?"),
                                   arguments: [shop, key])
        if row == nil, key.contains("@") {
            row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT * FROM customers INDEXED BY customers_by_email_lower
                WHERE shop = ? AND lower(email) = lower(?) ORDER BY customer_id LIMIT 1
                """), arguments: [shop, key])
        }
        return row.map {
            CustomerAddress(customerID: $0["customer_id"], name: $0["name"], email: $0["email"], street: $0["street"] ?? "",
                            zip: $0["zip"] ?? "", city: $0["city"] ?? "", country: $0["country"] ?? "", vatID: $0["vat_id"] ?? "")
        }
    }
}
