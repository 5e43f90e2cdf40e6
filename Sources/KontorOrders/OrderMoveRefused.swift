/// An order was asked to make a move its state machine does not allow: a fault in Kontor,
/// not in the shop's file. The batch's transaction is rolled back.
public struct OrderMoveRefused: Error, CustomStringConvertible, Sendable {
    /// A stable code for logs and scripts.
    public var code = "order.move"
    /// The order's number in its shop.
    public var orderNumber: String
    /// The state it was in (`nil`: not booked yet).
    public var from: OrderStatus?
    /// The state it was asked to move to.
    public var to: OrderStatus

    /// A refused move of order `orderNumber`.
    public init(orderNumber: String, from: OrderStatus?, to: OrderStatus) {
        self.orderNumber = orderNumber
        self.from = from
        self.to = to
    }

    /// `order 1003 cannot move from held to shipped`.
    public var description: String {
        "order \(orderNumber) cannot move from \(from?.rawValue ?? "new") to \(to.rawValue)"
    }
}
