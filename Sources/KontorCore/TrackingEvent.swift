/// What happened to a shipment, as a carrier reports it.
public enum TrackingStatus: String, Sendable, Codable, CaseIterable {
    /// Handed to the carrier.
    case shipped
    /// Handed to the recipient.
    case delivered
    /// On its way back to the shop: refused, not collected, undeliverable.
    case returned
}

/// One event of a shipment's tracking (`tracking` kind): a parcel shipped, delivered or
/// returned, named by Kontor's shipment reference or by the parcel's SSCC.
public struct TrackingEvent: Sendable, Equatable {
    /// Kontor's shipment reference, such as `SH-00001`.
    public var shipment: String?
    /// The parcel's Serial Shipping Container Code: 18 digits, the last a GS1 check digit.
    public var sscc: String?
    /// The carrier's tracking number.
    public var trackingNumber: String?
    /// The carrier, such as `DHL`.
    public var carrier: String?
    public var status: TrackingStatus
    /// The day of the event.
    public var date: CalendarDate
    /// Why, in the carrier's words: `Annahme verweigert` for a parcel returned.
    public var reason: String?
    /// Where the record starts in its file.
    public var location: SourceLocation

    /// An event of the shipment `shipment` or the parcel `sscc` (at least one of the two).
    public init(shipment: String? = nil, sscc: String? = nil, trackingNumber: String? = nil, carrier: String? = nil,
                status: TrackingStatus, date: CalendarDate, reason: String? = nil, location: SourceLocation) {
        self.shipment = shipment
        self.sscc = sscc
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.status = status
        self.date = date
        self.reason = reason
        self.location = location
    }
}
