import KontorCore

extension DocumentKind {
    /// The name of a record element of this kind in Kontor's XML format, inside the root
    /// element named by `rawValue`: `product` in `products`, `line` in `orders`.
    public var xmlRecordName: String {
        switch self {
        case .products: "product"
        case .stockCount: "count"
        case .goodsReceipt: "receipt"
        case .customers: "customer"
        case .orders: "line"
        case .payments: "payment"
        case .returns: "return"
        case .cancellations: "cancellation"
        case .payouts: "line"
        case .tracking: "event"
        case .exchangeRates: "exchange_rate"
        case .transfers: "transfer"
        }
    }
}
