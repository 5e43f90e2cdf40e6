/// What to buy of an article, in whole units and integers only (see "Buying" in
/// docs/accounting.md): the demand over the lead time and the review period, at the average
/// daily issues over a window, plus what orders wait for, plus the reorder point, less what
/// is available; rounded up, at least the minimum order quantity, 0 when nothing is needed.
public struct ReorderSuggestion: Sendable, Equatable {
    /// Units issued over the window.
    public var sold: Int
    /// The window's length in days (at least 1).
    public var windowDays: Int
    /// Days from ordering to goods on the shelf.
    public var leadTimeDays: Int
    /// Days until the next look at the reorder list.
    public var reviewDays: Int
    /// Units promised to orders beyond what is on hand.
    public var shortfall: Int
    /// The article's reorder point, 0 without one.
    public var reorderPoint: Int
    /// On hand less reserved, never below 0.
    public var available: Int
    /// The least the supplier sells, if any.
    public var minimumOrderQuantity: Int?

    /// The inputs of a suggestion.
    public init(sold: Int, windowDays: Int, leadTimeDays: Int, reviewDays: Int, shortfall: Int, reorderPoint: Int,
                available: Int, minimumOrderQuantity: Int? = nil) {
        self.sold = sold
        self.windowDays = windowDays
        self.leadTimeDays = leadTimeDays
        self.reviewDays = reviewDays
        self.shortfall = shortfall
        self.reorderPoint = reorderPoint
        self.available = available
        self.minimumOrderQuantity = minimumOrderQuantity
    }

    /// The units to buy: ⌈sold × (lead + review) / window⌉ + shortfall + reorder point −
    /// available; 0 when that is 0 or less, else at least the minimum order quantity
    /// (`Int.max` when it does not fit in an integer).
    public var quantity: Int {
        let days = max(windowDays, 1)
        // Full width, so that absurd figures saturate instead of trapping.
        let (span, spanOverflow) = max(leadTimeDays, 0).addingReportingOverflow(max(reviewDays, 0))
        let demandUnits = max(sold, 0).multipliedFullWidth(by: spanOverflow ? Int.max : span)
        guard demandUnits.high < days / 2 else { return Int.max }
        let (quotient, remainder) = days.dividingFullWidth(demandUnits)
        let demand = quotient + (remainder > 0 ? 1 : 0)
        let (withShortfall, o1) = demand.addingReportingOverflow(max(shortfall, 0))
        let (withPoint, o2) = withShortfall.addingReportingOverflow(max(reorderPoint, 0))
        if o1 || o2 { return Int.max }
        let needed = withPoint - max(available, 0)
        guard needed > 0 else { return 0 }
        return max(needed, minimumOrderQuantity ?? 1)
    }

    /// The average units issued per day over the window, with 2 decimal places rounded half
    /// up: `180` in `90` days is `2.00`.
    public var soldPerDay: String {
        let days = max(windowDays, 1)
        let hundredths = (max(sold, 0) * 200 + days) / (2 * days)
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
