import KontorCore

/// What the credit check says about an order.
public enum CreditDecision: Sendable, Equatable {
    case release
    case hold(reason: String)
}

/// The credit check, as a pure function of values.
public enum CreditPolicy {
    /// Orders paid before shipping carry no credit risk; an order on account is released
    /// while the customer's open receivables plus this order stay within the limit.
    public static func decide(orderTotal: Int, method: PaymentMethod, exposure: Int, limit: Int) -> CreditDecision {
        guard method.isOnAccount else { return .release }
        let after = exposure + orderTotal
        if after <= limit { return .release }
        return .hold(reason: "credit limit \(Money.decimalString(limit)) exceeded: open \(Money.decimalString(exposure)) + order \(Money.decimalString(orderTotal)) = \(Money.decimalString(after))")
    }
}
