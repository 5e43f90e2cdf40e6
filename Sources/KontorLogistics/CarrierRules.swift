import KontorCore

/// How a shipment goes: carrier and parcels.
public struct ShippingPlan: Sendable, Equatable {
    public var carrier: String
    public var parcels: Int

    public init(carrier: String, parcels: Int) {
        self.carrier = carrier
        self.parcels = parcels
    }
}

/// The first carrier choice, by destination and weight alone.
///
/// Kept for `Shipping.swift` until it moves to `CarrierRuleSet.choose` and `ParcelPlan.split`;
/// new code should use those.
public enum CarrierRules {
    /// The heaviest parcel a standard carrier takes, in grams.
    public static let maxParcelGrams = 31_500

    /// DHL Paket at home, DHL Paket International abroad; as many parcels as the weight needs.
    ///
    /// Kept for `Shipping.swift`; see `CarrierRuleSet` and `ParcelPlan`.
    public static func plan(country: String?, weightGrams: Int) -> ShippingPlan {
        let domestic = (country ?? "DE").uppercased() == "DE"
        let parcels = max(1, (weightGrams + maxParcelGrams - 1) / maxParcelGrams)
        return ShippingPlan(carrier: domestic ? "DHL Paket" : "DHL Paket International", parcels: parcels)
    }
}
