import KontorCore

/// An order line as booked: its article, quantity, unit price (in the order's basis) and rate.
public struct BookedLine: Sendable, Equatable {
    /// The article.
    public var sku: String
    /// Units ordered.
    public var quantity: Int
    /// The price of one unit in minor units, gross or net as the order's price basis says.
    public var unitPrice: Int
    /// The VAT rate the line was booked at.
    public var rate: VATRate

    /// A booked line.
    public init(sku: String, quantity: Int, unitPrice: Int, rate: VATRate) {
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.rate = rate
    }
}
