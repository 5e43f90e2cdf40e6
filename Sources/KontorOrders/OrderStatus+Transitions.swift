extension OrderStatus {
    /// Every move an order may make, by the state it is in (`nil`: a new order).
    ///
    /// Forward, an order moves along its way: a new one into the first state it rests in or
    /// passes (held, waiting, released; cancelled when the shop sent it cancelled); a
    /// waiting one to another wait or to released; released to invoiced, or straight to
    /// shipped when the shop issued the invoice; invoiced to shipped, or to a hold or a wait
    /// when the shop's invoice came before the order could go;
    /// shipped to delivered or returned; an order that went out in parts and waits for the
    /// rest straight to shipped when the rest is cancelled. Cancelled is reached from every state before the
    /// goods left. Backward, a forced rerun undoes its batch's moves one by one, newest first:
    /// each move may be undone to the state it came from, and an order the batch booked
    /// becomes reverted, which is final.
    static let forward: [OrderStatus?: Set<OrderStatus>] = [
        nil: [.held, .awaitingPayment, .awaitingStock, .released, .invoiced, .cancelled],
        .held: [.awaitingPayment, .awaitingStock, .released, .cancelled],
        .awaitingPayment: [.held, .awaitingStock, .released, .cancelled],
        .awaitingStock: [.held, .awaitingPayment, .released, .shipped, .cancelled],
        .released: [.invoiced, .shipped, .cancelled],
        .invoiced: [.shipped, .held, .awaitingStock, .awaitingPayment, .cancelled],
        .shipped: [.delivered, .returned],
        .delivered: [.returned],
        .returned: [],
        .cancelled: [],
        .reverted: [],
    ]

    /// Every move an order may make: forward along its way, back the way it came (a
    /// reversal), and to reverted from any state but reverted.
    static let moves: [OrderStatus?: Set<OrderStatus>] = {
        var moves = forward
        for (from, targets) in forward {
            guard let from else { continue }
            for to in targets { moves[to, default: []].insert(from) }
        }
        for status in OrderStatus.allCases where status != .reverted { moves[status, default: []].insert(.reverted) }
        return moves
    }()

    /// Whether an order may move from `from` (`nil`: a new order) to `to`.
    public static func mayMove(from: OrderStatus?, to: OrderStatus) -> Bool {
        moves[from]?.contains(to) ?? false
    }
}
