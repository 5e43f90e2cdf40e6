import KontorCore

/// An order as the order book holds it.
public struct BookedOrder: Sendable, Equatable {
    /// The row id in `orders`.
    public var id: Int64
    /// The shop's order number.
    public var orderNumber: String
    /// The customer the order is booked to: their id, else their e-mail address, else a guest key.
    public var customerKey: String
    /// How the customer pays, as the shop sent it.
    public var paymentMethod: String
    /// The order's gross total in minor units.
    public var totalGross: Int
    /// The weight of its goods in grams.
    public var weightGrams: Int
    /// Where it stands.
    public var status: OrderStatus
    /// Its invoice, once released.
    public var invoiceNumber: String?
    /// Where it goes.
    public var shipTo: Address?
    /// The batch that booked it.
    public var batch: Int64
}
