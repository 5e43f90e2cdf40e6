extension OrderStatus {
    /// Every move an order may make, by the state it is in (`nil`: not booked yet).
    ///
    /// A new order starts in the state its release and shipment decisions give it. A held
    /// order that a person releases moves on as a new one would (undone, it is held again). An
    /// order awaiting stock ships when goods arrive for it (undone, it waits again). A payment
    /// moves an order that awaits it on to shipped or awaiting stock. A forced rerun undoes
    /// its batch: an order the batch booked becomes reverted, an order it moved goes back.
    /// An order not yet shipped may be cancelled (by a person or the shop); undoing the
    /// cancellation puts it back where it was. Reverted is final.
    static let moves: [OrderStatus?: Set<OrderStatus>] = [
        nil: [.held, .awaitingPayment, .awaitingStock, .shipped, .cancelled],
        .awaitingPayment: [.awaitingStock, .shipped, .reverted, .held, .cancelled],
        .awaitingStock: [.awaitingPayment, .shipped, .reverted, .held, .cancelled],
        .shipped: [.awaitingPayment, .awaitingStock, .reverted, .held],
        .held: [.awaitingPayment, .awaitingStock, .shipped, .reverted, .cancelled],
        .cancelled: [.reverted, .held, .awaitingPayment, .awaitingStock],
        .reverted: [],
    ]

    /// Whether an order may move from `from` (`nil`: a new order) to `to`.
    public static func mayMove(from: OrderStatus?, to: OrderStatus) -> Bool {
        moves[from]?.contains(to) ?? false
    }
}
