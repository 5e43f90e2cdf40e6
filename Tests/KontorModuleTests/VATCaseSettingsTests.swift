import KontorCore
import KontorPipeline
import Testing

/// `small_business`, `oss_threshold` and `[… .eu_vat_rates]` in kontor.toml.
@Suite struct VATCaseSettingsTests {
    @Test func theDefaultsAreNoSmallBusinessTenThousandEurosAndTheEmbeddedTable() throws {
        let shop = try SettingsFile.parse("").shop("any")
        #expect(!shop.smallBusiness && shop.ossThreshold == 1_000_000 && shop.euVATRates == .embedded)
    }

    @Test func aShopSetsItsCaseAndRates() throws {
        let settings = try SettingsFile.parse("""
            [kontor.eu_vat_rates]
            FR = "20, 5.5"
            [shops.klein]
            small_business = true
            oss_threshold = "5000.00"
            [shops.klein.eu_vat_rates]
            AT = "21, 10"
            """)
        let klein = settings.shop("klein"), other = settings.shop("other")
        #expect(klein.smallBusiness && klein.ossThreshold == 500_000)
        #expect(klein.euVATRates["AT"] == CountryVATRates(standard: 2100, reduced: 1000))
        #expect(klein.euVATRates["FR"] == CountryVATRates(standard: 2000, reduced: 550))
        #expect(!other.smallBusiness && other.euVATRates["AT"] == CountryVATRates(standard: 2000, reduced: 1000))
    }

    @Test(arguments: [
        ("[shops.s]\nsmall_business = \"ja\"\n", "kontor.toml:2: small_business must be true or false"),
        ("[shops.s]\noss_threshold = \"zehn\"\n", "kontor.toml:2: oss_threshold must be an amount such as \"10000.00\""),
        ("[kontor.eu_vat_rates]\nCH = \"8.1, 2.6\"\n",
         "kontor.toml:2: CH must be a member state's code with its standard and reduced rate in percent, such as AT = \"20, 10\""),
        ("[kontor.eu_vat_rates]\nAT = \"20\"\n",
         "kontor.toml:2: AT must be a member state's code with its standard and reduced rate in percent, such as AT = \"20, 10\""),
    ])
    func aWrongValueIsRefusedWithItsLine(text: String, message: String) {
        do {
            _ = try SettingsFile.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
