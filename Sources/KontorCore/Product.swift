/// An article of the shop's catalogue (`products` kind).
public struct Product: Sendable, Equatable {
    public var sku: String
    public var name: String
    /// Gross unit price in minor units, VAT included, as a shop shows it.
    public var priceGross: Int
    public var vatRate: VATRate
    public var weightGrams: Int?
    public var ean: String?
    public var reorderPoint: Int?
    /// Net purchase cost per unit in minor units.
    public var cost: Int?
    public var location: SourceLocation

    public init(sku: String, name: String, priceGross: Int, vatRate: VATRate, weightGrams: Int? = nil,
                ean: String? = nil, reorderPoint: Int? = nil, cost: Int? = nil, location: SourceLocation) {
        self.sku = sku
        self.name = name
        self.priceGross = priceGross
        self.vatRate = vatRate
        self.weightGrams = weightGrams
        self.ean = ean
        self.reorderPoint = reorderPoint
        self.cost = cost
        self.location = location
    }
}
