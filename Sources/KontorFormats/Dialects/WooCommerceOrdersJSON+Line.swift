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
        var rate: VATRate
        var location: SourceLocation
    }
}
