import KontorOrders
import Testing

@Suite struct OrderStateMachineTests {
    /// Where an order may move from each state (`nil`: a new order), written out by hand:
    /// forward along its way, back the way it came when a forced rerun undoes a move, and to
    /// reverted from any state but reverted. Every pair not listed is refused.
    static let allowed: [OrderStatus?: Set<OrderStatus>] = [
        nil: [.held, .awaitingPayment, .awaitingStock, .released, .invoiced, .cancelled],
        .held: [.awaitingPayment, .awaitingStock, .released, .invoiced, .cancelled, .reverted],
        .awaitingPayment: [.held, .awaitingStock, .released, .invoiced, .cancelled, .reverted],
        .awaitingStock: [.held, .awaitingPayment, .released, .invoiced, .shipped, .cancelled, .reverted],
        .released: [.held, .awaitingPayment, .awaitingStock, .invoiced, .shipped, .cancelled, .reverted],
        .invoiced: [.released, .held, .awaitingPayment, .awaitingStock, .shipped, .cancelled, .reverted],
        .shipped: [.released, .invoiced, .awaitingStock, .delivered, .returned, .reverted],
        .delivered: [.shipped, .returned, .reverted],
        .returned: [.shipped, .delivered, .reverted],
        .cancelled: [.held, .awaitingPayment, .awaitingStock, .released, .invoiced, .reverted],
        .reverted: [],
    ]

    /// Every pair of states with whether the move is allowed.
    static let table: [(from: OrderStatus?, to: OrderStatus, allowed: Bool)] = ([nil] + OrderStatus.allCases).flatMap { from in
        OrderStatus.allCases.map { to in (from, to, allowed[from]?.contains(to) ?? false) }
    }

    @Test func theTableCoversEveryPair() {
        // Every state, and a new order, has its row written out above.
        #expect(Set(Self.allowed.keys) == Set([nil] + OrderStatus.allCases.map(Optional.some)))
    }

    @Test(arguments: table)
    func movesAreAllowedAsTheTableSays(_ move: (from: OrderStatus?, to: OrderStatus, allowed: Bool)) {
        #expect(OrderStatus.mayMove(from: move.from, to: move.to) == move.allowed,
                "\(move.from.map(\.rawValue) ?? "new") → \(move.to.rawValue)")
    }

    @Test func goodsThatLeftCannotBeCancelledAndNothingStaysWhereItIs() {
        for status in [OrderStatus.shipped, .delivered, .returned] {
            #expect(!OrderStatus.mayMove(from: status, to: .cancelled))
        }
        for status in OrderStatus.allCases {
            #expect(!OrderStatus.mayMove(from: status, to: status))
        }
    }

    @Test func aRefusedMoveSaysWhichOrderAndWhere() {
        #expect(OrderMoveRefused(orderNumber: "1003", from: .held, to: .shipped).description
                    == "order 1003 cannot move from held to shipped")
        #expect(OrderMoveRefused(orderNumber: "1004", from: nil, to: .reverted).description
                    == "order 1004 cannot move from new to reverted")
    }
}
