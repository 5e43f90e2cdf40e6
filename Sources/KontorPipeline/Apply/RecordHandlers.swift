/// The handlers of the records, one per kind, listed once. A new kind of record is a new
/// handler added here.
enum RecordHandlers {
    /// Every handler.
    static let all: [any RecordHandler] = [
        ProductHandler(),
        CustomerHandler(),
        StockCountHandler(),
        GoodsReceiptHandler(),
        PriceUpdateHandler(),
        OrderHandler(),
        PaymentHandler(),
        ReturnHandler(),
        GoodwillRefundHandler(),
        PayoutHandler(),
        BankTransactionHandler(),
        StatementBalanceHandler(),
        CancellationHandler(),
        TrackingHandler(),
        ExchangeRateHandler(),
        TransferHandler(),
    ]
}
