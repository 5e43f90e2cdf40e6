/// Whether a booked order may be cancelled, as a pure function of its state.
public enum OrderCancellation: Sendable, Equatable {
    /// It may: its reservations end, an invoice it carries is corrected, it becomes cancelled.
    case cancel
    /// Its goods left: it is not cancelled; what comes back is a return.
    case shipped
    /// It is cancelled already.
    case alreadyCancelled
    /// Its state allows no cancellation.
    case refused(OrderStatus)

    /// The decision for an order in `status`.
    public static func decide(_ status: OrderStatus) -> OrderCancellation {
        if OrderStatus.mayMove(from: status, to: .cancelled) { return .cancel }
        switch status {
        case .shipped: return .shipped
        case .cancelled: return .alreadyCancelled
        default: return .refused(status)
        }
    }
}
