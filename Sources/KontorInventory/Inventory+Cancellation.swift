extension Inventory {
    /// Ends an order's reservations without issuing its goods (the order was cancelled):
    /// each is booked back under `batch`, so that reversing the batch reserves them again.
    /// Returns what was reserved, per article.
    @discardableResult
    public func unreserve(shop: String, order: String, batch: Int64) throws -> [String: Int] {
        let reserved = try reserved(shop: shop, order: order)
        for (sku, quantity) in reserved.sorted(by: { $0.key < $1.key }) {
            try reserve(shop: shop, order: order, sku: sku, quantity: -quantity, batch: batch)
        }
        return reserved
    }
}
