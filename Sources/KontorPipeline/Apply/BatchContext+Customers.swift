import KontorCredit

extension BatchContext {
    /// The customer with this id, or else with this e-mail address, from the batch's cache
    /// or the credit book.
    mutating func customer(id: String?, email: String?) throws -> CustomerAccount? {
        guard let key = id.map({ "id:" + $0 }) ?? email.map({ "email:" + $0 }) else { return nil }
        if let cached = customers[key] { return cached }
        let found = try credit.customer(shop: shop, id: id, email: email)
        customers[key] = .some(found)
        return found
    }
}
