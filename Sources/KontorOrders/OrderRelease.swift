/// Whether a new order is released to invoicing and shipment.
public enum OrderRelease: Sendable, Equatable {
    /// The shop cancelled it: it is recorded as cancelled; nothing is reserved, invoiced or shipped.
    case cancelled
    /// The credit check holds it: stock is reserved, nothing invoiced or shipped.
    case hold(reason: String)
    /// It goes on to invoicing and shipment.
    case release

    /// Combines the order's own state with the credit check: a cancelled order is booked as
    /// it is, without a credit check; any other is held for the reason the credit check gives
    /// (`creditHold`, nil when it passes), else released.
    public static func decide(cancelled: Bool, creditHold: () throws -> String?) rethrows -> OrderRelease {
        if cancelled { return .cancelled }
        if let reason = try creditHold() { return .hold(reason: reason) }
        return .release
    }

    /// The state a new order starts in when it is not released (`nil` for a released one,
    /// whose state its shipment decides).
    public var status: OrderStatus? {
        switch self {
        case .cancelled: .cancelled
        case .hold: .held
        case .release: nil
        }
    }
}
