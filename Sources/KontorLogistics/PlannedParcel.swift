/// One parcel of a shipment: what goes in and what it weighs.
public struct PlannedParcel: Sendable, Equatable {
    /// The articles in the parcel, in the order they were packed, one entry per article.
    public var items: [ParcelItem]
    /// The parcel's weight in grams: the items plus packaging.
    public var weightGrams: Int

    /// A parcel holding `items` and weighing `weightGrams` with its packaging.
    public init(items: [ParcelItem], weightGrams: Int) {
        self.items = items
        self.weightGrams = weightGrams
    }
}
