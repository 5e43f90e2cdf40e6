/// The kinds of document a shop can drop into its inbox.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case products
    case stockCount = "stock_count"
    case goodsReceipt = "goods_receipt"
    case customers
    case orders
    case payments
    case returns
    case cancellations
    case payouts
    case tracking
    case exchangeRates = "exchange_rates"
    case transfers

    /// A name for people: `stock count`.
    public var title: String {
        switch self {
        case .products: "products"
        case .stockCount: "stock count"
        case .goodsReceipt: "goods receipt"
        case .customers: "customers"
        case .orders: "orders"
        case .payments: "payments"
        case .returns: "returns"
        case .cancellations: "cancellations"
        case .payouts: "payouts"
        case .tracking: "tracking"
        case .exchangeRates: "exchange rates"
        case .transfers: "transfers"
        }
    }

    /// The German name, for error reports.
    public var titleDE: String {
        switch self {
        case .products: "Artikel"
        case .stockCount: "Inventur"
        case .goodsReceipt: "Wareneingang"
        case .customers: "Kunden"
        case .orders: "Bestellungen"
        case .payments: "Zahlungen"
        case .returns: "Retouren"
        case .cancellations: "Stornierungen"
        case .payouts: "Auszahlungen"
        case .tracking: "Sendungsverfolgung"
        case .exchangeRates: "Wechselkurse"
        case .transfers: "Umlagerungen"
        }
    }
}

/// One record of a canonical document, handed out one at a time by a reader.
public enum DocumentRecord: Sendable, Equatable {
    case product(Product)
    case stockCount(StockCountLine)
    case goodsReceipt(GoodsReceiptLine)
    case customer(Customer)
    case order(Order)
    case payment(Payment)
    case returnLine(ReturnLine)
    case goodwillRefund(GoodwillRefund)
    case payout(Payout)
    case bankTransaction(BankTransaction)
    case statementBalance(StatementBalance)
    case priceUpdate(PriceUpdate)
    case cancellation(Cancellation)
    case tracking(TrackingEvent)
    case exchangeRate(ExchangeRate)
    case transfer(TransferLine)

    /// Where the record starts in its file.
    public var location: SourceLocation {
        switch self {
        case .product(let r): r.location
        case .stockCount(let r): r.location
        case .goodsReceipt(let r): r.location
        case .customer(let r): r.location
        case .order(let r): r.location
        case .payment(let r): r.location
        case .returnLine(let r): r.location
        case .goodwillRefund(let r): r.location
        case .payout(let r): r.location
        case .bankTransaction(let r): r.location
        case .statementBalance(let r): r.location
        case .priceUpdate(let r): r.location
        case .cancellation(let r): r.location
        case .tracking(let r): r.location
        case .exchangeRate(let r): r.location
        case .transfer(let r): r.location
        }
    }
}
