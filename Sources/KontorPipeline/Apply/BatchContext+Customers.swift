import KontorAccounting
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

extension BatchContext {
    /// What besides the limit the credit check weighs for an order on account of
    /// `customerKey`: whether the customer is blocked, and their open invoices dunned at or
    /// above the shop's level, each as `RE2025-00002 (1. Mahnung)`.
    func standing(of customerKey: String, _ account: CustomerAccount?) throws -> (blocked: Bool, dunned: [String]) {
        var dunned: [String] = []
        if let level = settings.creditHoldDunningLevel {
            for notice in try DunningBook(db).dunned(shop: shop, customerKey: customerKey, atLeast: level)
            where try ledger.openAmount(shop: shop, document: notice.document) > 0 {
                dunned.append("\(notice.document) (\(notice.title))")
            }
        }
        return (account?.blocked ?? false, dunned)
    }
}
