import KontorLogistics
import Testing

@Suite struct ParcelPlanTests {
    @Test func workedExample() throws {
        // Capacity 31.5 kg - 0.5 kg packaging = 31 kg. Heaviest first, each unit into the
        // first parcel it fits: A 12 + A 12 + B 5 = 29 kg, then C twice (30.6 kg) in parcel 1;
        // the second B opens parcel 2, which takes B, B and three C (12.4 kg).
        let items = [
            ParcelItem(sku: "C-CUP", unitGrams: 800, quantity: 5),
            ParcelItem(sku: "A-KETTLE", unitGrams: 12_000, quantity: 2),
            ParcelItem(sku: "B-TEA", unitGrams: 5000, quantity: 3),
        ]
        let parcels = try ParcelPlan.split(items, packagingGrams: 500, maxParcelGrams: 31_500).get()
        let first = PlannedParcel(items: [ParcelItem(sku: "A-KETTLE", unitGrams: 12_000, quantity: 2),
                                          ParcelItem(sku: "B-TEA", unitGrams: 5000, quantity: 1),
                                          ParcelItem(sku: "C-CUP", unitGrams: 800, quantity: 2)],
                                  weightGrams: 31_100)
        let second = PlannedParcel(items: [ParcelItem(sku: "B-TEA", unitGrams: 5000, quantity: 2),
                                           ParcelItem(sku: "C-CUP", unitGrams: 800, quantity: 3)],
                                   weightGrams: 12_900)
        #expect(parcels == [first, second])
        let total: Int = parcels.map(\.weightGrams).reduce(0, +)
        #expect(total == 44_000)
    }

    @Test func oneParcelWhenEverythingFits() throws {
        let parcels = try ParcelPlan.split([ParcelItem(sku: "TEA", unitGrams: 250, quantity: 3)],
                                           packagingGrams: 150, maxParcelGrams: 1000).get()
        #expect(parcels == [PlannedParcel(items: [ParcelItem(sku: "TEA", unitGrams: 250, quantity: 3)], weightGrams: 900)])
    }

    @Test func exactlyFullIsAllowed() throws {
        let parcels = try ParcelPlan.split([ParcelItem(sku: "BOX", unitGrams: 10_000, quantity: 6)],
                                           packagingGrams: 1500, maxParcelGrams: 31_500).get()
        #expect(parcels.map(\.weightGrams) == [31_500, 31_500])
    }

    @Test func atLeastOneParcelForNothing() throws {
        #expect(try ParcelPlan.split([], packagingGrams: 300, maxParcelGrams: 31_500).get()
            == [PlannedParcel(items: [], weightGrams: 300)])
        #expect(try ParcelPlan.split([ParcelItem(sku: "X", unitGrams: 100, quantity: 0)], packagingGrams: 0,
                                     maxParcelGrams: 1000).get() == [PlannedParcel(items: [], weightGrams: 0)])
    }

    @Test func anArticleTooHeavyForAParcel() {
        let items = [ParcelItem(sku: "TEA", unitGrams: 250, quantity: 1), ParcelItem(sku: "ANVIL", unitGrams: 31_200, quantity: 1)]
        let result = ParcelPlan.split(items, packagingGrams: 500, maxParcelGrams: 31_500)
        #expect(result == .failure(.articleTooHeavy(sku: "ANVIL", grams: 31_200, maxParcelGrams: 31_500)))
        #expect(ParcelPlanProblem.articleTooHeavy(sku: "ANVIL", grams: 31_200, maxParcelGrams: 31_500).description
            == "article \"ANVIL\" weighs 31.2 kg and with packaging does not fit a parcel of at most 31.5 kg; "
                + "send it by freight or check its weight")
    }

    @Test func theSameItemsInAnyOrderGiveTheSameParcels() throws {
        let items = [
            ParcelItem(sku: "B", unitGrams: 700, quantity: 4),
            ParcelItem(sku: "A", unitGrams: 700, quantity: 3),
            ParcelItem(sku: "C", unitGrams: 400, quantity: 2),
        ]
        let forward = try ParcelPlan.split(items, packagingGrams: 100, maxParcelGrams: 2000).get()
        let backward = try ParcelPlan.split(items.reversed(), packagingGrams: 100, maxParcelGrams: 2000).get()
        #expect(forward == backward)
        #expect(forward.allSatisfy { $0.weightGrams <= 2000 })
        #expect(forward.map(\.weightGrams) == [1900, 1900, 1500, 800])
        #expect(forward[0].items.map(\.sku) == ["A", "C"])
    }
}
