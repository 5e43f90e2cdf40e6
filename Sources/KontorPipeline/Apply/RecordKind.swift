import KontorCore

/// The kinds of record a file hands out, one per case of `DocumentRecord`: the key under
/// which the applier finds a record's handler.
enum RecordKind: String, CaseIterable, Sendable {
    case product, customer, stockCount, goodsReceipt, priceUpdate
    case order, payment, returnLine, goodwillRefund, payout, bankTransaction, statementBalance, cancellation
    case tracking, exchangeRate, transfer

    /// The kind of `record`.
    init(_ record: DocumentRecord) {
        switch record {
        case .product: self = .product
        case .customer: self = .customer
        case .stockCount: self = .stockCount
        case .goodsReceipt: self = .goodsReceipt
        case .priceUpdate: self = .priceUpdate
        case .order: self = .order
        case .payment: self = .payment
        case .returnLine: self = .returnLine
        case .goodwillRefund: self = .goodwillRefund
        case .payout: self = .payout
        case .bankTransaction: self = .bankTransaction
        case .statementBalance: self = .statementBalance
        case .cancellation: self = .cancellation
        case .tracking: self = .tracking
        case .exchangeRate: self = .exchangeRate
        case .transfer: self = .transfer
        }
    }
}
