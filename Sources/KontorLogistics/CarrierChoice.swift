/// The carrier rule chosen for a shipment, and why.
public struct CarrierChoice: Sendable, Equatable {
    /// The first rule that takes the shipment.
    public var rule: CarrierRule
    /// Country, weight and rule, e.g. "DE, 0.84 kg: rule kleinpaket (DE up to 1 kg)".
    public var reason: String
    /// Whether the parcels need customs papers: the destination is outside the EU (decided by
    /// country code; see `Countries` for the territories this misses).
    public var needsCustoms: Bool

    /// A choice of `rule`, explained by `reason`.
    public init(rule: CarrierRule, reason: String, needsCustoms: Bool) {
        self.rule = rule
        self.reason = reason
        self.needsCustoms = needsCustoms
    }
}
