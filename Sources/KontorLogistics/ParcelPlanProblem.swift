/// Why a shipment cannot be packed into parcels.
public enum ParcelPlanProblem: Error, Equatable, CustomStringConvertible {
    /// One unit of an article, with packaging, is heavier than a parcel may be.
    case articleTooHeavy(sku: String, grams: Int, maxParcelGrams: Int)

    /// The problem in words, naming the article and what to do.
    public var description: String {
        switch self {
        case .articleTooHeavy(let sku, let grams, let maxParcelGrams):
            "article \"\(sku)\" weighs \(LogisticsText.kilograms(grams)) kg and with packaging does not fit a parcel "
                + "of at most \(LogisticsText.kilograms(maxParcelGrams)) kg; send it by freight or check its weight"
        }
    }
}
