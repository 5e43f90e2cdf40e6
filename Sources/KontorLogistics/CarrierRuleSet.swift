/// The carrier rules in the order they are tried.
public struct CarrierRuleSet: Sendable, Equatable {
    /// The rules; the first that takes a shipment wins.
    public var rules: [CarrierRule]

    /// Rules tried in the order given.
    public init(rules: [CarrierRule]) {
        self.rules = rules
    }

    /// DHL as most small German shops use it: Kleinpaket at home up to 1 kg, Paket at home,
    /// Paket International in the EU and, with customs papers, beyond; parcels up to 31.5 kg.
    public static let defaults = CarrierRuleSet(rules: [
        CarrierRule(name: "kleinpaket", carrier: "DHL", service: "DHL Kleinpaket", productCode: "V62KP",
                    destination: .domestic, maxShipmentGrams: 1000, maxParcelGrams: 1000),
        CarrierRule(name: "paket", carrier: "DHL", service: "DHL Paket", productCode: "V01PAK",
                    destination: .domestic, maxParcelGrams: 31_500),
        CarrierRule(name: "paket-international-eu", carrier: "DHL", service: "DHL Paket International",
                    productCode: "V53PAK", destination: .eu, maxParcelGrams: 31_500),
        CarrierRule(name: "paket-international", carrier: "DHL", service: "DHL Paket International",
                    productCode: "V53PAK", destination: .nonEU, maxParcelGrams: 31_500),
    ])

    /// The first rule whose destination takes `country` and whose shipment limit (if any) is at
    /// least `weightGrams`; nil when no rule does, and the caller holds the shipment. A country
    /// Kontor does not know matches only `.anywhere` and rules naming it.
    public func choose(country: String, weightGrams: Int) -> CarrierChoice? {
        let code = LogisticsText.countryCode(country)
        guard let rule = rules.first(where: { $0.applies(country: code, weightGrams: weightGrams) }) else {
            return nil
        }
        return CarrierChoice(
            rule: rule,
            reason: "\(code), \(LogisticsText.kilograms(weightGrams)) kg: rule \(rule.name) (\(rule.summary))",
            needsCustoms: !Countries.isEU(code))
    }
}
