/// A refund without goods (a goodwill refund): an amount credited on an order's invoice.
public struct GoodwillRefund: Sendable, Equatable {
    /// The order whose invoice it corrects.
    public var orderNumber: String
    /// Minor units, gross (or net for an order priced net).
    public var amount: Int
    /// The rate to credit it at; split over the order's rates by value if not given.
    public var vatRate: VATRate?
    /// Why, in the shop's words.
    public var reason: String?
    /// The day of the refund; the correction's date. If nil, the day the file was received.
    public var date: CalendarDate?
    /// Its row.
    public var location: SourceLocation

    /// A goodwill refund.
    public init(orderNumber: String, amount: Int, vatRate: VATRate? = nil, reason: String? = nil, date: CalendarDate? = nil,
                location: SourceLocation) {
        self.orderNumber = orderNumber
        self.amount = amount
        self.vatRate = vatRate
        self.reason = reason
        self.date = date
        self.location = location
    }
}
