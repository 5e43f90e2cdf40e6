import KontorLogistics
import Testing

@Suite struct DestinationTests {
    @Test func parsesTheWaysARulesFileWritesIt() {
        #expect(Destination(text: "DE") == .domestic)
        #expect(Destination(text: "EU") == .eu)
        #expect(Destination(text: "non-EU") == .nonEU)
        #expect(Destination(text: " Non-EU ") == .nonEU)
        #expect(Destination(text: "*") == .anywhere)
        #expect(Destination(text: "AT,CH") == .countries(["AT", "CH"]))
        #expect(Destination(text: "at, ch") == .countries(["AT", "CH"]))
        #expect(Destination(text: "FR") == .countries(["FR"]))
    }

    @Test(arguments: ["", "Europe", "AT,", "AT;CH", "XX", "AUT"])
    func refusesWhatItCannotRead(text: String) {
        #expect(Destination(text: text) == nil)
    }

    @Test func matches() {
        #expect(Destination.domestic.matches("de"))
        #expect(!Destination.domestic.matches("AT"))
        #expect(Destination.eu.matches("DE"))
        #expect(Destination.eu.matches("AT"))
        #expect(!Destination.eu.matches("CH"))
        #expect(Destination.nonEU.matches("CH"))
        #expect(!Destination.nonEU.matches("FR"))
        #expect(Destination.countries(["AT", "CH"]).matches("CH"))
        #expect(!Destination.countries(["AT", "CH"]).matches("DE"))
        #expect(Destination.anywhere.matches("JP"))
    }

    @Test func descriptionReadsBack() {
        for destination in [Destination.domestic, .eu, .nonEU, .anywhere, .countries(["CH", "AT"])] {
            #expect(Destination(text: destination.description) == destination)
        }
        #expect(Destination.countries(["CH", "AT"]).description == "AT,CH")
    }
}

@Suite struct CarrierRuleSetTests {
    let rules = CarrierRuleSet.defaults

    @Test func kleinpaketAtHomeUpToOneKilogram() throws {
        let choice = try #require(rules.choose(country: "DE", weightGrams: 840))
        #expect(choice.rule.name == "kleinpaket")
        #expect(choice.rule.service == "DHL Kleinpaket")
        #expect(choice.rule.productCode == "V62KP")
        #expect(choice.reason == "DE, 0.84 kg: rule kleinpaket (DE up to 1 kg)")
        #expect(!choice.needsCustoms)
        #expect(rules.choose(country: "DE", weightGrams: 1000)?.rule.name == "kleinpaket")
    }

    @Test func paketAtHomeAboveOneKilogram() throws {
        let choice = try #require(rules.choose(country: "de", weightGrams: 1001))
        #expect(choice.rule.name == "paket")
        #expect(choice.rule.productCode == "V01PAK")
        #expect(choice.rule.maxParcelGrams == 31_500)
        #expect(choice.reason == "DE, 1.001 kg: rule paket (DE, parcels up to 31.5 kg)")
        #expect(!choice.needsCustoms)
        #expect(rules.choose(country: "DE", weightGrams: 80_000)?.rule.name == "paket")
    }

    @Test func paketInternationalInTheEU() throws {
        let choice = try #require(rules.choose(country: "AT", weightGrams: 2500))
        #expect(choice.rule.name == "paket-international-eu")
        #expect(choice.rule.service == "DHL Paket International")
        #expect(choice.rule.productCode == "V53PAK")
        #expect(choice.reason == "AT, 2.5 kg: rule paket-international-eu (EU, parcels up to 31.5 kg)")
        #expect(!choice.needsCustoms)
        #expect(rules.choose(country: "FR", weightGrams: 300)?.rule.name == "paket-international-eu")
    }

    @Test func paketInternationalBeyondTheEUNeedsCustoms() throws {
        let choice = try #require(rules.choose(country: "CH", weightGrams: 12_000))
        #expect(choice.rule.name == "paket-international")
        #expect(choice.reason == "CH, 12 kg: rule paket-international (non-EU, parcels up to 31.5 kg)")
        #expect(choice.needsCustoms)
        #expect(rules.choose(country: "GB", weightGrams: 500)?.needsCustoms == true)
        #expect(rules.choose(country: "NO", weightGrams: 500)?.needsCustoms == true)
    }

    @Test func noRuleMeansNoChoice() {
        let domesticOnly = CarrierRuleSet(rules: [
            CarrierRule(name: "kleinpaket", carrier: "DHL", service: "DHL Kleinpaket", productCode: "V62KP",
                        destination: .domestic, maxShipmentGrams: 1000, maxParcelGrams: 1000),
        ])
        #expect(domesticOnly.choose(country: "DE", weightGrams: 1001) == nil)
        #expect(domesticOnly.choose(country: "AT", weightGrams: 100) == nil)
        #expect(CarrierRuleSet(rules: []).choose(country: "DE", weightGrams: 100) == nil)
        #expect(CarrierRuleSet.defaults.choose(country: "XX", weightGrams: 100) == nil)
        #expect(CarrierRuleSet.defaults.choose(country: "", weightGrams: 100) == nil)
    }

    @Test func theFirstMatchingRuleWins() {
        let set = CarrierRuleSet(rules: [
            CarrierRule(name: "alpine", carrier: "Post AT", service: "Post Paket Österreich",
                        destination: Destination(text: "AT,CH")!, maxShipmentGrams: 5000, maxParcelGrams: 5000),
        ] + CarrierRuleSet.defaults.rules)
        #expect(set.choose(country: "AT", weightGrams: 4000)?.reason == "AT, 4 kg: rule alpine (AT,CH up to 5 kg)")
        #expect(set.choose(country: "AT", weightGrams: 6000)?.rule.name == "paket-international-eu")
    }
}
