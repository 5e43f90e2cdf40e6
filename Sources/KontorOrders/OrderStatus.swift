/// Where an order stands, and so what it waits for.
///
/// The way of an order: received, then held (by the credit check, or for a person's
/// attention), awaiting payment or awaiting stock until what it waits for arrives, then
/// released for delivery, invoiced and shipped, and at last delivered; cancelled or
/// returned where that is still possible. A new order passes through as many of these as
/// it can in the batch that brings it; each change is a row in `order_transitions`.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Over the customer's credit limit (stock reserved), or needing attention (an unknown
    /// article or customer, another VAT rate: nothing reserved); nothing invoiced or shipped.
    case held
    /// Waits for the customer's payment before it is released (paid in advance): stock
    /// reserved; not invoiced, unless the shop issued the invoice.
    case awaitingPayment = "awaiting_payment"
    /// May go out, but its goods are not there for it yet: what there is stays reserved for
    /// it, first come first served; not invoiced, unless the shop issued the invoice.
    case awaitingStock = "awaiting_stock"
    /// Released for delivery: nothing stands between it and the shipment.
    case released
    /// Invoiced on its release; the shipment follows.
    case invoiced
    /// Handed to a carrier: its goods left the stock.
    case shipped
    /// The carrier delivered it.
    case delivered
    /// Every unit of it came back.
    case returned
    /// Cancelled: nothing reserved; an invoice it carried is corrected.
    case cancelled
    /// Undone by a forced rerun of its batch.
    case reverted
}

extension OrderStatus {
    /// Whether an order in this state waits for something (payment, stock, a person).
    public var isWaiting: Bool {
        self == .held || self == .awaitingPayment || self == .awaitingStock
    }
}
