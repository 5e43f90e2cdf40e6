import KontorCore

extension WooCommerceOrdersJSON {
    /// One `line_items` entry as read, before the order's price basis is chosen.
    struct Line {
        var sku: String
        var quantity: Int
        /// The line's `total`: net, after coupons, in cents.
        var net: Int
        /// `total` plus `total_tax`.
        var gross: Int
        /// The line's `subtotal`: net, before coupons (its `total` when it has none, or less).
        var netBefore: Int
        /// `subtotal` plus `subtotal_tax`, at least `gross`.
        var grossBefore: Int
        var rate: VATRate
        var location: SourceLocation
    }
}

extension WooCommerceOrdersJSON.Line {
    /// The line booked net: unit price `subtotal` ÷ quantity (whole cents), the coupon as its discount.
    var netLine: OrderLine {
        OrderLine(sku: sku, quantity: quantity, unitPrice: netBefore / quantity, vatRate: rate, discount: netBefore - net,
                  location: location)
    }

    /// The line booked gross: `subtotal` plus `subtotal_tax` in whole-cent unit prices, the
    /// coupon with its tax as the discount.
    var grossLines: [OrderLine] {
        WholeCentLines.lines(sku: sku, quantity: quantity, total: grossBefore, discount: grossBefore - gross, rate: rate,
                             location: location)
    }
}
