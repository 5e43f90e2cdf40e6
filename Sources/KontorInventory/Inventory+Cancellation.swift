extension Inventory {
    /// Ends an order's reservations without issuing its goods (the order was cancelled), in
    /// the warehouse each is in:
    /// each is booked back under `batch`, so that reversing the batch reserves them again.
    /// Returns what was reserved, per article.
    @discardableResult
    public func unreserve(shop: String, order: String, batch: Int64) throws -> [String: Int] {
        let reserved = try reservedIn(shop: shop, order: order)
        for (sku, (quantity, warehouse)) in reserved.sorted(by: { $0.key < $1.key }) {
            try reserve(shop: shop, order: order, sku: sku, quantity: -quantity, batch: batch, warehouse: warehouse)
        }
        return reserved.mapValues(\.quantity)
    }
}
