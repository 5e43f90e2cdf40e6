import KontorLogistics
import KontorPipeline
import Testing

/// `[shops.<name>.logistics]` and `[shops.<name>.carriers.<rule>]` in kontor.toml.
@Suite struct LogisticsSettingsTests {
    @Test func prefixPackagingAndDocuments() throws {
        let settings = try SettingsFile.parse("""
            [shops.teekontor.logistics]
            gs1_company_prefix = "4012345"
            sscc_extension_digit = 3
            packaging_kg = 0.35
            labels = false

            """)
        let shop = settings.shop("teekontor").logistics
        #expect(shop.gs1CompanyPrefix == "4012345")
        #expect(shop.ssccExtensionDigit == 3)
        #expect(shop.packagingGrams == 350)
        #expect(!shop.labels && shop.deliveryNotes)
        #expect(shop.rules == CarrierRuleSet.defaults)
        #expect(settings.shop("other").logistics == LogisticsSettings())
    }

    /// Naming a rule replaces the embedded ones: the shop's rules are those named, in order.
    @Test func carrierRulesReplaceTheEmbeddedOnes() throws {
        let settings = try SettingsFile.parse("""
            [shops.teekontor.carriers.brief]
            carrier = "Deutsche Post"
            service = "Warensendung"
            destination = "DE"
            max_shipment_kg = 0.5
            max_parcel_kg = 0.5
            [shops.teekontor.carriers.dpd]
            carrier = "DPD"
            service = "DPD Classic"
            destination = "*"
            max_parcel_kg = 31.5

            """)
        let rules = settings.shop("teekontor").logistics.rules
        #expect(rules.rules.map(\.name) == ["brief", "dpd"])
        #expect(rules.rules[0].maxShipmentGrams == 500 && rules.rules[1].maxParcelGrams == 31_500)
        #expect(rules.choose(country: "DE", weightGrams: 400)?.rule.name == "brief")
        #expect(rules.choose(country: "DE", weightGrams: 600)?.rule.name == "dpd")
        #expect(rules.choose(country: "CH", weightGrams: 600)?.needsCustoms == true)
    }

    @Test func mistakesNameTheLineAndTheFix() {
        for (text, message) in [
            ("[shops.t.logistics]\ngs1_company_prefix = 4012345\n",
             "kontor.toml:2: gs1_company_prefix must be the 7 to 10 digits GS1 gave the shop, in quotes, such as \"4012345\""),
            ("[shops.t.logistics]\npackaging_kg = \"0,2\"\n", "kontor.toml:2: packaging_kg must be kilograms such as 0.2 or 31.5"),
            ("[shops.t.carriers.x]\ndestination = \"Mars\"\n",
             "kontor.toml:2: destination must be \"DE\", \"EU\", \"non-EU\", \"*\" or country codes such as \"AT,CH\""),
            ("[shops.t.carriers.x]\nmax_parcel_kg = 0\n", "kontor.toml:2: max_parcel_kg must be more than 0"),
        ] {
            do {
                _ = try SettingsFile.parse(text)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }
}
