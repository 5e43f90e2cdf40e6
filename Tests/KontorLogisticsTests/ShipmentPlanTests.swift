import KontorCore
import KontorLogistics
import Testing

/// What the checks decide for a shipment before anything is written.
@Suite struct ShipmentPlanTests {
    let tea = ShipmentItem(sku: "TEE-001", name: "Assam", quantity: 2, unitGrams: 280)
    let kettle = ShipmentItem(sku: "KES-001", name: "Wasserkessel", quantity: 1, unitGrams: 1_900)
    let home = Address(name: "Anna Petersen", street: "Heiligengeiststraße 12", zip: "21335", city: "Lüneburg", country: "DE")

    @Test func aLightShipmentHomeGoesAsKleinpaketInOneParcel() {
        let plan = ShipmentPlan.make(items: [tea], address: home, settings: LogisticsSettings())
        #expect(plan.held == nil)
        #expect(plan.choice?.rule.name == "kleinpaket")
        #expect(plan.choice?.reason == "DE, 0.76 kg: rule kleinpaket (DE up to 1 kg)")
        #expect(plan.parcels.map(\.weightGrams) == [760])
        #expect(plan.weightGrams == 760)
    }

    @Test func aHeavyShipmentIsSplitAtTheRulesParcelWeight() {
        var settings = LogisticsSettings()
        settings.rules = CarrierRuleSet(rules: [CarrierRule(name: "small", carrier: "DHL", service: "Paket", destination: .domestic,
                                                            maxParcelGrams: 2_500)])
        let plan = ShipmentPlan.make(items: [tea, kettle], address: home, settings: settings)
        #expect(plan.held == nil)
        #expect(plan.parcels.map(\.weightGrams) == [2_380, 480])
    }

    @Test func anAddressThatCannotBePrintedHoldsTheShipmentWithTheReason() {
        var wrong = home
        wrong.zip = "2133"
        let plan = ShipmentPlan.make(items: [tea], address: wrong, settings: LogisticsSettings())
        #expect(plan.parcels.isEmpty)
        #expect(plan.held?.hasPrefix("address: ") == true)
        #expect(plan.held?.contains("2133") == true)
    }

    @Test func outsideTheEUCustomsDataIsNeeded() {
        let zurich = Address(name: "Urs Meier", street: "Bahnhofstrasse 1", zip: "8001", city: "Zürich", country: "CH")
        let plan = ShipmentPlan.make(items: [tea], address: zurich, settings: LogisticsSettings())
        #expect(plan.choice?.needsCustoms == true)
        #expect(plan.held?.hasPrefix("customs: ") == true)
        var declared = tea
        declared.tariffNumber = "0902 30 00"
        declared.originCountry = "IN"
        declared.valueMinor = 1_780
        #expect(ShipmentPlan.make(items: [declared], address: zurich, settings: LogisticsSettings()).held == nil)
    }

    @Test func noRuleForTheDestinationHoldsIt() {
        var settings = LogisticsSettings()
        settings.rules = CarrierRuleSet(rules: [CarrierRule(name: "home", carrier: "DHL", service: "Paket", destination: .domestic,
                                                            maxParcelGrams: 31_500)])
        let vienna = Address(name: "Eva Huber", street: "Ringstraße 1", zip: "1010", city: "Wien", country: "AT")
        let plan = ShipmentPlan.make(items: [tea], address: vienna, settings: settings)
        #expect(plan.held == "carrier: no carrier rule takes 0.76 kg to AT; add a rule for it under [shops.<name>.carriers.<rule>] in kontor.toml")
    }

    /// Without an address (goods collected, a file without address columns) nothing is held.
    @Test func anOrderWithoutAddressIsPlannedForHome() {
        let plan = ShipmentPlan.make(items: [tea], address: nil, settings: LogisticsSettings())
        #expect(plan.held == nil)
        #expect(plan.choice?.rule.name == "kleinpaket")
    }
}
