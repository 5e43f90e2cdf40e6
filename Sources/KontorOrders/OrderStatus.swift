/// Where an order stands.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Over the customer's credit limit (stock reserved), or needing attention (an unknown
    /// article or customer, another VAT rate: nothing reserved); nothing invoiced or shipped.
    case held
    /// Invoiced, waiting for the customer's payment before it ships.
    case awaitingPayment = "awaiting_payment"
    /// Invoiced and paid or on account, waiting for goods.
    case awaitingStock = "awaiting_stock"
    /// Invoiced and handed to a carrier.
    case shipped
    /// Cancelled before it shipped: nothing reserved; an invoice it had is corrected.
    case cancelled
    /// Undone by a forced rerun of its batch.
    case reverted
}
