/// One step of an order's way: the state it reached, and what caused it.
public struct OrderStep: Sendable, Equatable {
    /// The state reached.
    public var status: OrderStatus
    /// Why: `payment 4711 covered the order`, `goods receipt`, `released by hand: ...`.
    public var cause: String

    public init(_ status: OrderStatus, _ cause: String) {
        self.status = status
        self.cause = cause
    }
}
