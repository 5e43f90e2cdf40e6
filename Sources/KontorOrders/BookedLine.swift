import KontorCore

/// An order line as booked: its article, quantity, unit price (in the order's basis), rate,
/// and the discount it bears (its own and its share of the order's).
public struct BookedLine: Sendable, Equatable {
    /// The article.
    public var sku: String
    /// Units ordered.
    public var quantity: Int
    /// The price of one unit in minor units, gross or net as the order's price basis says.
    public var unitPrice: Int
    /// The VAT rate the line was booked at.
    public var rate: VATRate
    /// The amount taken off the whole line, in the order's basis: the line's own discount
    /// plus its share of the order's discount.
    public var discount: Int

    /// A booked line.
    public init(sku: String, quantity: Int, unitPrice: Int, rate: VATRate, discount: Int = 0) {
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.rate = rate
        self.discount = discount
    }

    /// What the line is charged: quantity × unit price less its discount.
    public var charged: Int { quantity * unitPrice - discount }

    /// The line as the invoice books it.
    public func taxable(basis: PriceBasis) -> TaxableAmount {
        TaxableAmount(amount: charged, rate: rate, basis: basis, discount: discount)
    }
}
