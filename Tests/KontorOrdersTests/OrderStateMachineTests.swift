import KontorOrders
import Testing

@Suite struct OrderStateMachineTests {
    /// Every pair of states, and whether an order may move between them (`nil`: a new order).
    /// A held order that a person releases moves on to awaiting payment, awaiting stock or
    /// shipped; taking the release back moves it to held again. An order not yet shipped may
    /// be cancelled, and taking the cancellation back returns it to where it was.
    static let table: [(from: OrderStatus?, to: OrderStatus, allowed: Bool)] = [
        (nil, .held, true), (nil, .awaitingPayment, true), (nil, .awaitingStock, true),
        (nil, .shipped, true), (nil, .cancelled, true), (nil, .reverted, false),
        (.held, .held, false), (.held, .awaitingPayment, true), (.held, .awaitingStock, true),
        (.held, .shipped, true), (.held, .cancelled, true), (.held, .reverted, true),
        (.awaitingPayment, .held, true), (.awaitingPayment, .awaitingPayment, false), (.awaitingPayment, .awaitingStock, true),
        (.awaitingPayment, .shipped, true), (.awaitingPayment, .cancelled, true), (.awaitingPayment, .reverted, true),
        (.awaitingStock, .held, true), (.awaitingStock, .awaitingPayment, true), (.awaitingStock, .awaitingStock, false),
        (.awaitingStock, .shipped, true), (.awaitingStock, .cancelled, true), (.awaitingStock, .reverted, true),
        (.shipped, .held, true), (.shipped, .awaitingPayment, true), (.shipped, .awaitingStock, true),
        (.shipped, .shipped, false), (.shipped, .cancelled, false), (.shipped, .reverted, true),
        (.cancelled, .held, true), (.cancelled, .awaitingPayment, true), (.cancelled, .awaitingStock, true),
        (.cancelled, .shipped, false), (.cancelled, .cancelled, false), (.cancelled, .reverted, true),
        (.reverted, .held, false), (.reverted, .awaitingPayment, false), (.reverted, .awaitingStock, false),
        (.reverted, .shipped, false), (.reverted, .cancelled, false), (.reverted, .reverted, false),
    ]

    @Test func theTableCoversEveryPair() {
        let froms: [OrderStatus?] = [nil] + OrderStatus.allCases
        #expect(Self.table.count == froms.count * OrderStatus.allCases.count)
        for from in froms {
            for to in OrderStatus.allCases {
                #expect(Self.table.contains { $0.from == from && $0.to == to }, "missing \(String(describing: from)) → \(to)")
            }
        }
    }

    @Test(arguments: table)
    func movesAreAllowedAsTheTableSays(_ move: (from: OrderStatus?, to: OrderStatus, allowed: Bool)) {
        #expect(OrderStatus.mayMove(from: move.from, to: move.to) == move.allowed)
    }

    @Test func aRefusedMoveSaysWhichOrderAndWhere() {
        #expect(OrderMoveRefused(orderNumber: "1003", from: .held, to: .shipped).description
                    == "order 1003 cannot move from held to shipped")
        #expect(OrderMoveRefused(orderNumber: "1004", from: nil, to: .reverted).description
                    == "order 1004 cannot move from new to reverted")
    }
}
