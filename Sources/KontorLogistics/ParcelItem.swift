/// Units of one article going into parcels.
public struct ParcelItem: Sendable, Equatable {
    /// The article number.
    public var sku: String
    /// The weight of one unit, in grams.
    public var unitGrams: Int
    /// How many units.
    public var quantity: Int

    /// `quantity` units of `sku` weighing `unitGrams` each.
    public init(sku: String, unitGrams: Int, quantity: Int) {
        self.sku = sku
        self.unitGrams = unitGrams
        self.quantity = quantity
    }
}
