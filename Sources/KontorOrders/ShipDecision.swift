import KontorCore

/// Whether an order that nothing holds is released for delivery now (invoiced and shipped)
/// or waits, and for what.
public enum ShipDecision: Sendable, Equatable {
    /// It waits for the customer's payment.
    case awaitPayment
    /// It may ship but the goods are not there for it yet.
    case awaitStock
    /// It is released for delivery now: invoiced and shipped.
    case ship

    /// The state the decision puts the order in.
    public var status: OrderStatus {
        switch self {
        case .awaitPayment: .awaitingPayment
        case .awaitStock: .awaitingStock
        case .ship: .shipped
        }
    }

    /// Whether an order may go out before its invoice is paid: when it is paid already, or
    /// paid on invoice or cash on delivery.
    public static func mayShip(paid: Bool, method: PaymentMethod) -> Bool {
        paid || method == .invoice || method == .cod
    }

    /// What happens to an order that the credit check let through or a person released.
    /// `inStock` is asked only when the order may ship.
    public static func decide(paid: Bool, method: PaymentMethod, inStock: () throws -> Bool) rethrows -> ShipDecision {
        guard mayShip(paid: paid, method: method) else { return .awaitPayment }
        return try inStock() ? .ship : .awaitStock
    }

    /// Whether a payment of `paying` releases an order in `status`: one awaiting payment, or
    /// one held and not invoiced (its credit risk is gone once it is paid in advance), when
    /// the payment covers what it still owes (`owed`: on its invoice, or before one, its total
    /// less what was paid in advance). `owed` is asked only for such an order.
    public static func paymentReleases(status: OrderStatus, invoiced: Bool, paying: Int,
                                       owed: () throws -> Int) rethrows -> Bool {
        guard paying > 0, status == .awaitingPayment || (status == .held && !invoiced) else { return false }
        return try owed() <= paying
    }
}
