import KontorInventory
import Testing

/// What to buy, worked out by hand (docs/accounting.md, "Buying").
@Suite struct ReorderSuggestionTests {
    /// 180 sold in 90 days, lead time 10 and review 14 days, reorder point 15, 5 available.
    let base = ReorderSuggestion(sold: 180, windowDays: 90, leadTimeDays: 10, reviewDays: 14, shortfall: 0,
                                 reorderPoint: 15, available: 5)

    @Test func demandOverLeadTimeAndReviewPlusReorderPointLessAvailable() {
        // 2.00 a day × 24 days = 48; + 15 − 5 = 58.
        #expect(base.soldPerDay == "2.00")
        #expect(base.quantity == 58)
    }

    @Test func theMinimumOrderQuantityIsTheLeast() {
        var s = base
        s.minimumOrderQuantity = 100
        #expect(s.quantity == 100)
        s.minimumOrderQuantity = 50
        #expect(s.quantity == 58)
    }

    @Test func aShortfallIsAdded() {
        var s = base
        s.available = 0
        s.shortfall = 7
        // 48 + 7 + 15 − 0 = 70.
        #expect(s.quantity == 70)
    }

    @Test func theDemandIsRoundedUpToWholeUnits() {
        // 10 sold in 90 days = 0.11 a day; × 24 = 2.67 → 3; + 0 − 0.
        let s = ReorderSuggestion(sold: 10, windowDays: 90, leadTimeDays: 10, reviewDays: 14, shortfall: 0,
                                  reorderPoint: 0, available: 0)
        #expect(s.soldPerDay == "0.11")
        #expect(s.quantity == 3)
    }

    @Test func enoughAvailableSuggestsNothingEvenWithAMinimum() {
        let s = ReorderSuggestion(sold: 0, windowDays: 90, leadTimeDays: 10, reviewDays: 14, shortfall: 0,
                                  reorderPoint: 5, available: 5, minimumOrderQuantity: 100)
        #expect(s.quantity == 0)
        #expect(s.soldPerDay == "0.00")
    }

    @Test(arguments: [(1, 3, "0.33"), (2, 3, "0.67"), (1, 8, "0.13"), (905, 90, "10.06")])
    func soldPerDayHasTwoPlacesRoundedHalfUp(sold: Int, days: Int, text: String) {
        let s = ReorderSuggestion(sold: sold, windowDays: days, leadTimeDays: 0, reviewDays: 0, shortfall: 0,
                                  reorderPoint: 0, available: 0)
        #expect(s.soldPerDay == text)
    }

    @Test func figuresBeyondAnIntegerSaturateInsteadOfTrapping() {
        let s = ReorderSuggestion(sold: 1_000_000_000_000, windowDays: 1, leadTimeDays: Int.max / 2, reviewDays: 14,
                                  shortfall: 0, reorderPoint: 0, available: 0)
        #expect(s.quantity == Int.max)
    }
}
