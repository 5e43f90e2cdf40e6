/// One order a payout covers: what the provider collected for it (negative for money the
/// provider paid back to the customer).
public struct PayoutOrder: Sendable, Equatable {
    /// The order, by its number.
    public var orderNumber: String
    /// Minor units; negative for a refund the provider paid out of the payout.
    public var amount: Int
    /// Its row.
    public var location: SourceLocation

    /// An order a payout covers.
    public init(orderNumber: String, amount: Int, location: SourceLocation) {
        self.orderNumber = orderNumber
        self.amount = amount
        self.location = location
    }
}

/// A payment provider's payout report (`payouts` kind): one transfer to the shop's bank
/// account that settles many orders, less the provider's fees.
public struct Payout: Sendable, Equatable {
    /// The provider's id of the payout; the bank statement line that brings it names it.
    public var id: String
    /// The day of the payout.
    public var date: CalendarDate
    /// The payment method whose clearing account the payout clears (`paypal`, `card`, ...).
    public var method: String?
    /// What the provider collected for the orders, in minor units: the sum of `orders`.
    public var gross: Int
    /// The provider's fees, in minor units.
    public var fees: Int
    /// What reaches the bank: `gross` less `fees`.
    public var net: Int
    /// The orders it covers, in the order of the file.
    public var orders: [PayoutOrder]
    /// Its first row.
    public var location: SourceLocation

    /// A payout.
    public init(id: String, date: CalendarDate, method: String? = nil, gross: Int, fees: Int, net: Int,
                orders: [PayoutOrder], location: SourceLocation) {
        self.id = id
        self.date = date
        self.method = method
        self.gross = gross
        self.fees = fees
        self.net = net
        self.orders = orders
        self.location = location
    }
}
