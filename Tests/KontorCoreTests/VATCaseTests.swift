import KontorCore
import Testing

@Suite struct VATCaseTests {
    let rates = EUVATRates.embedded
    let seller = VATCase.Seller(ossThreshold: 1_000_000, distanceSalesThisYear: 0)

    func decide(_ country: String?, vatID: String? = nil, business: Bool = false, net: Int = 10_000,
                seller: VATCase.Seller? = nil) -> VATCase.Decision {
        VATCase.decide(shipTo: country, vatID: vatID, business: business, orderNet: net, seller: seller ?? self.seller,
                       rates: rates)
    }

    @Test func aDutchBusinessWithAVATIDBuysTaxFree() {
        let d = decide("NL", vatID: "NL 8237.41.234 B01", business: true)
        #expect(d.vatCase == .intraCommunity(vatID: VATID("NL823741234B01")!))
        #expect(d.vatCase.vatID == "NL823741234B01")
        #expect(d.rejectedVATID == nil)
    }

    @Test func aGermanBusinessPaysGermanVAT() {
        #expect(decide("DE", vatID: "DE123456789", business: true).vatCase == .domestic)
        // A German VAT ID does not make a supply abroad tax-free.
        #expect(decide("AT", vatID: "DE123456789", business: true).vatCase == .domestic)
    }

    @Test func anAustrianConsumerPaysGermanVATBelowTheThresholdAndAustrianAbove() {
        #expect(decide("AT").vatCase == .domestic)
        let near = VATCase.Seller(ossThreshold: 1_000_000, distanceSalesThisYear: 995_000)
        #expect(decide("AT", net: 5_000, seller: near).vatCase == .domestic)
        #expect(decide("AT", net: 5_001, seller: near).vatCase == .oss(country: "AT", rates: .init(standard: 2000, reduced: 1000)))
        let lastYear = VATCase.Seller(ossThreshold: 1_000_000, distanceSalesLastYear: 1_000_001)
        #expect(decide("FR", net: 1, seller: lastYear).vatCase == .oss(country: "FR", rates: .init(standard: 2000, reduced: 550)))
    }

    @Test func aFrenchConsumerAboveTheThresholdPaysFrenchVAT() {
        let over = VATCase.Seller(ossThreshold: 1_000_000, distanceSalesThisYear: 2_000_000)
        #expect(decide("fr", seller: over).vatCase.country == "FR")
    }

    @Test func switzerlandIsAnExport() {
        #expect(decide("CH").vatCase == .export)
        #expect(decide("CH", vatID: "CHE123456789", business: true).vatCase == .export)
    }

    @Test func aSmallBusinessChargesNoVATAnywhere() {
        let small = VATCase.Seller(smallBusiness: true)
        for country in ["DE", "NL", "CH", "AT"] {
            #expect(decide(country, vatID: "NL823741234B01", business: true, seller: small).vatCase == .smallBusiness)
        }
    }

    @Test func anInvalidLookingVATIDIsTreatedAsNone() {
        let d = decide("NL", vatID: "NL12345", business: true)
        #expect(d.vatCase == .domestic)
        #expect(d.rejectedVATID == "NL12345")
        #expect(decide(nil).vatCase == .domestic)
    }

    @Test func aBuyerWithoutTheBusinessFlagIsAConsumer() {
        #expect(decide("NL", vatID: "NL823741234B01", business: false).vatCase == .domestic)
    }

    @Test(arguments: [
        "DE123456789", "ATU12345678", "NL123456789B01", "FR12345678901", "FRX1345678901", "BE0123456789",
        "EL123456789", "ESX1234567Y", "IE1234567X", "IE1X23456X", "IE1234567XY", "IT12345678901", "PL1234567890",
        "SE123456789001", "CY12345678L", "DK12345678", "RO12", "LT123456789012", "HR12345678901",
    ])
    func wellShapedVATIDs(_ id: String) {
        #expect(VATID(id)?.value == id)
    }

    @Test(arguments: [
        "DE12345678", "DE1234567890", "AT12345678", "ATU1234567", "NL123456789A01", "NL12345678B01", "FR1234567890",
        "BE2123456789", "GR123456789", "SE123456789012", "XX123456789", "US123456789", "DE12345678X", "", "DE",
    ])
    func badlyShapedVATIDs(_ id: String) {
        #expect(VATID(id) == nil)
    }

    @Test func greekNumbersAreOfGreece() {
        #expect(VATID("EL123456789")?.country == "GR")
    }

    @Test func theTableHoldsTheTwentySevenMemberStates() {
        #expect(rates.rates.count == 27)
        #expect(rates["AT"] == CountryVATRates(standard: 2000, reduced: 1000))
        #expect(rates["DE"] == CountryVATRates(standard: 1900, reduced: 700))
        #expect(rates["CH"] == nil && !rates.isMember("CH") && rates.isMember("FR"))
        #expect(rates["FR"]?.rate(for: .reduced) == 550)
        #expect(EUVATRates.text(550) == "5.5" && EUVATRates.text(2000) == "20" && EUVATRates.text(2550) == "25.5"
                    && EUVATRates.text(1305) == "13.05")
    }

    // MARK: totals

    let gross = [TaxableAmount(gross: 11_900, rate: .standard), TaxableAmount(gross: 10_700, rate: .reduced)]

    @Test func taxFreeTakesTheGermanVATOutOfGrossPrices() {
        let t = VATCase.export.totals(goods: gross, shipping: 595)
        // Shipping 5.95 splits 3.13 / 2.82 (by 119 : 107); their net is 2.63 and 2.64.
        #expect(t.map(\.rate) == [.standard, .reduced])
        #expect(t.map(\.net) == [10_263, 10_264])
        #expect(t.map(\.vat) == [0, 0])
        #expect(t.map(\.gross) == t.map(\.net))
    }

    @Test func taxFreeOnNetPricesIsTheNet() {
        let t = VATCase.intraCommunity(vatID: VATID("NL123456789B01")!).totals(
            goods: [TaxableAmount(amount: 10_000, rate: .standard, basis: .net, discount: 1_000)], basis: .net)
        #expect(t == [RateTotal(rate: .standard, gross: 10_000, net: 10_000, vat: 0, discount: 1_000)])
    }

    @Test func ossTakesTheDestinationsVATOutOfTheGrossPrice() {
        let at = VATCase.oss(country: "AT", rates: rates["AT"]!)
        let t = at.totals(goods: gross)
        // 119.00 at 20 %: VAT 19.83; 107.00 at 10 %: VAT 9.73.
        #expect(t.map(\.vat) == [1_983, 973])
        #expect(t.map(\.gross) == [11_900, 10_700])
        #expect(at.printedRate(.standard) == 2000 && at.printedRate(.reduced) == 1000)
        let net = at.totals(goods: [TaxableAmount(net: 10_000, rate: .standard)], basis: .net)
        #expect(net.map(\.vat) == [2_000] && net.map(\.gross) == [12_000])
    }

    @Test func aSmallBusinessChargesThePrice() {
        let t = VATCase.smallBusiness.totals(goods: gross, shipping: 595)
        #expect(t.map(\.gross).reduce(0, +) == 23_195)
        #expect(t.allSatisfy { $0.vat == 0 && $0.net == $0.gross })
    }

    @Test func domesticIsTheInvoiceCalculator() {
        #expect(VATCase.domestic.totals(goods: gross, shipping: 595) == InvoiceCalculator.totals(goods: gross, shipping: 595))
    }

    @Test func theCaseIsStoredAndReadBack() {
        let cases: [VATCase] = [.domestic, .export, .smallBusiness, .intraCommunity(vatID: VATID("ATU12345678")!),
                                .oss(country: "FR", rates: rates["FR"]!)]
        for c in cases {
            #expect(VATCase(kind: c.kind, vatID: c.vatID, country: c.country, standard: c.destinationRates?.standard,
                            reduced: c.destinationRates?.reduced) == c)
        }
    }

    @Test func theNotesNameTheLaw() {
        let note = VATCase.intraCommunity(vatID: VATID("NL123456789B01")!).legalNote(sellerVATID: "DE123456789")
        #expect(note == "Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b i. V. m. § 6a UStG). USt-IdNr. des Lieferers: DE123456789, USt-IdNr. des Abnehmers: NL123456789B01")
        #expect(VATCase.export.legalNote(sellerVATID: nil) == "Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a i. V. m. § 6 UStG)")
        #expect(VATCase.smallBusiness.legalNote(sellerVATID: nil) == "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.")
        #expect(VATCase.domestic.legalNote(sellerVATID: nil) == nil)
    }
}
