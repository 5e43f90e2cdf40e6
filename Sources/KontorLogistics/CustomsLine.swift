/// One line of a customs declaration (CN22/CN23 or an export declaration).
public struct CustomsLine: Sendable, Equatable {
    /// The article number.
    public var sku: String
    /// What the goods are, in plain words ("Darjeeling tea, loose").
    public var description: String
    /// How many units.
    public var quantity: Int
    /// The HS/KN tariff number (Zolltarifnummer), 6 to 11 digits, spaces allowed: "0902 30 00".
    public var tariffNumber: String?
    /// The country the goods come from (ISO code).
    public var originCountry: String?
    /// The value of the line in minor units (cents).
    public var valueMinor: Int
    /// The net weight of the line in grams.
    public var netGrams: Int

    /// A customs line; tariff number and origin may be missing until `CustomsCheck` asks for them.
    public init(sku: String, description: String, quantity: Int, tariffNumber: String? = nil,
                originCountry: String? = nil, valueMinor: Int, netGrams: Int) {
        self.sku = sku
        self.description = description
        self.quantity = quantity
        self.tariffNumber = tariffNumber
        self.originCountry = originCountry
        self.valueMinor = valueMinor
        self.netGrams = netGrams
    }
}
