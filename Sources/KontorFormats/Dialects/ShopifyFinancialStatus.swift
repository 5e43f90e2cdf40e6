/// The payment state of a Shopify order (`Financial Status`), and what Kontor makes of it.
enum ShopifyFinancialStatus: String, CaseIterable {
    case pending, authorized
    case partiallyPaid = "partially_paid"
    case paid
    case partiallyRefunded = "partially_refunded"
    case refunded, voided

    /// Paid in full: `paid`, and `partially_refunded`, whose refund comes as its own payment or return.
    var isPaid: Bool { self == .paid || self == .partiallyRefunded }

    /// Refunded in full or never captured: the order is recorded as cancelled.
    var cancelsOrder: Bool { self == .refunded || self == .voided }
}
