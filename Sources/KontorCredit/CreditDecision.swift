import KontorCore

/// What the credit check says about an order.
public enum CreditDecision: Sendable, Equatable {
    case release
    case hold(reason: String)
}

/// The credit check, as a pure function of values.
public enum CreditPolicy {
    /// Orders paid before shipping carry no credit risk; an order on account or cash on
    /// delivery (`PaymentMethod.carriesCreditRisk`) is held for a blocked customer, for a
    /// customer with invoices dunned at or above the shop's level (`dunned`: each such invoice
    /// with the title of its letter, `RE2025-00002 (1. Mahnung)`), and else released while
    /// the customer's open receivables plus this order stay within the limit. Cash on delivery
    /// is weighed against a limit only where one is given (above 0): the carrier collects at
    /// the door, so a shop that sends it to customers without a limit goes on doing so.
    public static func decide(orderTotal: Int, method: PaymentMethod, exposure: Int, limit: Int, blocked: Bool = false,
                              dunned: [String] = []) -> CreditDecision {
        guard method.carriesCreditRisk else { return .release }
        if blocked {
            return .hold(reason: method == .cod ? "the customer is blocked from buying on account or cash on delivery"
                                                : "the customer is blocked from buying on account")
        }
        if !dunned.isEmpty {
            return .hold(reason: "overdue and dunned: \(dunned.joined(separator: ", "))")
        }
        if method == .cod && limit == 0 { return .release }
        let after = exposure + orderTotal
        if after <= limit { return .release }
        return .hold(reason: "credit limit \(Money.decimalString(limit)) exceeded: open \(Money.decimalString(exposure)) + order \(Money.decimalString(orderTotal)) = \(Money.decimalString(after))")
    }
}
