/// One line of the carrier rules: which service takes a shipment, where and up to what weight.
public struct CarrierRule: Sendable, Equatable {
    /// The rule's id, e.g. "kleinpaket", named in the choice's reason.
    public var name: String
    /// The carrier, e.g. "DHL".
    public var carrier: String
    /// The service as the shop owner knows it, e.g. "DHL Kleinpaket".
    public var service: String
    /// The carrier's product code, e.g. "V62KP", where its API wants one.
    public var productCode: String?
    /// Where the rule applies.
    public var destination: Destination
    /// The rule applies only up to this total shipment weight in grams; nil for any weight.
    public var maxShipmentGrams: Int?
    /// The heaviest parcel, packaging included, in grams; heavier shipments are split.
    public var maxParcelGrams: Int

    /// A rule; without `maxShipmentGrams` it takes any weight, in parcels of `maxParcelGrams`.
    public init(name: String, carrier: String, service: String, productCode: String? = nil,
                destination: Destination, maxShipmentGrams: Int? = nil, maxParcelGrams: Int) {
        self.name = name
        self.carrier = carrier
        self.service = service
        self.productCode = productCode
        self.destination = destination
        self.maxShipmentGrams = maxShipmentGrams
        self.maxParcelGrams = maxParcelGrams
    }

    /// Whether the rule takes a shipment of `weightGrams` to `country`.
    public func applies(country: String, weightGrams: Int) -> Bool {
        destination.matches(country) && maxShipmentGrams.map { weightGrams <= $0 } ?? true
    }

    /// The rule in a few words for reasons: "DE up to 1 kg", "EU, parcels up to 31.5 kg".
    public var summary: String {
        if let maxShipmentGrams {
            return "\(destination) up to \(LogisticsText.kilograms(maxShipmentGrams)) kg"
        }
        return "\(destination), parcels up to \(LogisticsText.kilograms(maxParcelGrams)) kg"
    }
}
