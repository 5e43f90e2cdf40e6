import KontorCore

/// Order lines with whole-cent unit prices for an article's line total.
///
/// A shop states a line's total (after a coupon, say 3 × Assam for 24.91); Kontor books
/// quantity × unit price. When the total does not divide by the quantity, the line is
/// written as two lines of the same article whose unit prices differ by one cent, so that
/// together they cost exactly the shop's total: 24.91 for 3 is 2 × 8.30 and 1 × 8.31.
enum WholeCentLines {
    /// One line, or two lines of `sku` that together hold `quantity` units costing `total`
    /// cents before `discount`; the discount is shared by the two lines in proportion to their
    /// totals, in whole cents that add up to it.
    static func lines(sku: String, quantity: Int, total: Int, discount: Int = 0, rate: VATRate?,
                      location: SourceLocation) -> [OrderLine] {
        precondition(quantity > 0)
        let (low, remainder) = total.quotientAndRemainder(dividingBy: quantity)
        guard remainder != 0 else {
            return [OrderLine(sku: sku, quantity: quantity, unitPrice: low, vatRate: rate, discount: discount, location: location)]
        }
        // For a negative total the remainder is negative: the odd units cost a cent less.
        let step = remainder > 0 ? 1 : -1
        let odd = abs(remainder)
        let shares = Rounding.allocate(discount, weights: [(quantity - odd) * low, odd * (low + step)])
        return [
            OrderLine(sku: sku, quantity: quantity - odd, unitPrice: low, vatRate: rate, discount: shares[0], location: location),
            OrderLine(sku: sku, quantity: odd, unitPrice: low + step, vatRate: rate, discount: shares[1], location: location),
        ]
    }
}
