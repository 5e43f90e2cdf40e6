/// An order the shop cancelled (`cancellations` kind): Kontor cancels it if it has not
/// been shipped.
public struct Cancellation: Sendable, Equatable {
    /// The order's number.
    public var orderNumber: String
    /// Why, in the shop's words.
    public var reason: String?
    /// Where the record starts in its file.
    public var location: SourceLocation

    /// A cancellation of order `orderNumber`.
    public init(orderNumber: String, reason: String? = nil, location: SourceLocation) {
        self.orderNumber = orderNumber
        self.reason = reason
        self.location = location
    }
}
