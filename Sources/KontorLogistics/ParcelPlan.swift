/// Splits a shipment into parcels no heavier than the carrier takes.
public enum ParcelPlan {
    /// Packs `items` unit by unit, heaviest articles first, each unit into the first parcel it
    /// still fits (first-fit decreasing). Every parcel weighs its units plus `packagingGrams`
    /// and never more than `maxParcelGrams`; there is always at least one parcel, even for
    /// nothing at all.
    ///
    /// Articles of equal unit weight go in by article number, so the same items always give
    /// the same parcels. Items with no units are left out. Fails when one unit is heavier than
    /// `maxParcelGrams` minus `packagingGrams` (the heaviest such article is named). Weights
    /// are grams, zero or more; packaging heavier than a parcel may be is the caller's error.
    public static func split(_ items: [ParcelItem], packagingGrams: Int,
                             maxParcelGrams: Int) -> Result<[PlannedParcel], ParcelPlanProblem> {
        let capacity = maxParcelGrams - packagingGrams
        let ordered = items.filter { $0.quantity > 0 }.enumerated().sorted { left, right in
            if left.element.unitGrams != right.element.unitGrams {
                return left.element.unitGrams > right.element.unitGrams
            }
            if left.element.sku != right.element.sku { return left.element.sku < right.element.sku }
            return left.offset < right.offset
        }.map(\.element)

        if let heavy = ordered.first(where: { $0.unitGrams > capacity }) {
            return .failure(.articleTooHeavy(sku: heavy.sku, grams: heavy.unitGrams, maxParcelGrams: maxParcelGrams))
        }

        var parcels: [(load: Int, items: [ParcelItem])] = []
        for item in ordered {
            for _ in 0..<item.quantity {
                let index = parcels.firstIndex { $0.load + item.unitGrams <= capacity } ?? {
                    parcels.append((load: 0, items: []))
                    return parcels.count - 1
                }()
                parcels[index].load += item.unitGrams
                if let last = parcels[index].items.indices.last,
                   parcels[index].items[last].sku == item.sku, parcels[index].items[last].unitGrams == item.unitGrams {
                    parcels[index].items[last].quantity += 1
                } else {
                    parcels[index].items.append(ParcelItem(sku: item.sku, unitGrams: item.unitGrams, quantity: 1))
                }
            }
        }
        if parcels.isEmpty { parcels.append((load: 0, items: [])) }
        return .success(parcels.map { PlannedParcel(items: $0.items, weightGrams: $0.load + packagingGrams) })
    }
}
