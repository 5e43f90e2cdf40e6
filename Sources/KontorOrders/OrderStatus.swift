/// Where an order stands.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Over the customer's credit limit: stock reserved, nothing invoiced or shipped.
    case held
    /// Invoiced, waiting for the customer's payment before it ships.
    case awaitingPayment = "awaiting_payment"
    /// Invoiced and paid or on account, waiting for goods.
    case awaitingStock = "awaiting_stock"
    /// Invoiced and handed to a carrier.
    case shipped
    /// Cancelled by the shop before Kontor booked it: recorded, nothing reserved or invoiced.
    case cancelled
    /// Undone by a forced rerun of its batch.
    case reverted
}
