import KontorCore

/// One article of a shipment, as logistics needs it: weight, and for customs outside the
/// EU its tariff number, origin and value.
public struct ShipmentItem: Sendable, Equatable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitGrams: Int
    public var tariffNumber: String?
    public var originCountry: String?
    /// The value of the whole line in minor units, for customs.
    public var valueMinor: Int

    public init(sku: String, name: String, quantity: Int, unitGrams: Int, tariffNumber: String? = nil,
                originCountry: String? = nil, valueMinor: Int = 0) {
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitGrams = unitGrams
        self.tariffNumber = tariffNumber
        self.originCountry = originCountry
        self.valueMinor = valueMinor
    }
}

/// A shipment as created: its number, and why it is held, if it is.
public struct ShipmentOutcome: Sendable, Equatable {
    public var id: String
    /// Why no label may be printed yet; nil for a shipment that is ready.
    public var held: String?
}

/// What the checks decided for a shipment, before anything is written: the carrier rule,
/// the parcels, or the reasons it must be held. A pure decision, tested without a database.
public struct ShipmentPlan: Sendable, Equatable {
    public var choice: CarrierChoice?
    public var parcels: [PlannedParcel]
    /// The weight of the goods and the packaging of every parcel, in grams.
    public var weightGrams: Int
    /// Why the shipment is held, every reason in one text; nil when it may go.
    public var held: String?

    /// Checks a shipment of `items` to `address`: the address must print correctly, a
    /// carrier rule must take it, customs data must be there outside the EU, and every
    /// article must fit a parcel.
    public static func make(items: [ShipmentItem], address: Address?, settings: LogisticsSettings) -> ShipmentPlan {
        let goods = items.reduce(0) { $0 + $1.unitGrams * $1.quantity }
        var problems: [String] = []
        // An order without a shipping address (a format without address columns, goods
        // collected at the shop) is planned for the shop's own country and gets no label.
        if let address { problems += AddressCheck.problems(address).map { "address: \($0.message)" } }
        let country = address?.country.uppercased() ?? "DE"
        let choice = settings.rules.choose(country: country, weightGrams: goods + settings.packagingGrams)
        var parcels: [PlannedParcel] = []
        if let choice {
            if choice.needsCustoms {
                problems += CustomsCheck.problems(items.map {
                    CustomsLine(sku: $0.sku, description: $0.name, quantity: $0.quantity, tariffNumber: $0.tariffNumber,
                                originCountry: $0.originCountry, valueMinor: $0.valueMinor, netGrams: $0.unitGrams * $0.quantity)
                }).map { "customs: \($0)" }
            }
            switch ParcelPlan.split(items.map { ParcelItem(sku: $0.sku, unitGrams: $0.unitGrams, quantity: $0.quantity) },
                                    packagingGrams: settings.packagingGrams, maxParcelGrams: choice.rule.maxParcelGrams) {
            case .success(let planned): parcels = planned
            case .failure(let problem): problems.append("parcels: \(problem)")
            }
        } else {
            problems.append("""
                carrier: no carrier rule takes \(Weight.kilograms(goods + settings.packagingGrams)) kg to \(country); \
                add a rule for it under [shops.<name>.carriers.<rule>] in kontor.toml
                """)
        }
        let weight = parcels.isEmpty ? goods + settings.packagingGrams : parcels.reduce(0) { $0 + $1.weightGrams }
        return ShipmentPlan(choice: choice, parcels: problems.isEmpty ? parcels : [], weightGrams: weight,
                            held: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }
}

/// Weights as people read them.
public enum Weight {
    /// `2400` grams as `2.4`, `840` as `0.84`, `31500` as `31.5`.
    public static func kilograms(_ grams: Int) -> String { LogisticsText.kilograms(grams) }
}
