import Foundation
import KontorCore
import KontorFormats
import Testing

/// BMEcat 1.2 and 2005 catalogues: products with gross prices, and price updates.
struct BMEcatCatalogXMLTests {
    static let catalog12 = "bmecat-1.2/katalog-buerowelt-2025.xml"
    static let catalog2005 = "bmecat-2005/katalog-teeservice-2025.xml"
    static let prices2005 = "bmecat-2005/preise-teeservice-2025-04.xml"

    static func place(_ file: String, _ line: Int, _ path: String) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: file, line: line, path: path)
    }

    /// Net list prices × 1.19 or 1.07, rounded half away from zero per unit: 3.50 → 4.165 →
    /// 4.17; 14.95 → 15.9965 → 16.00; 2.1849 → 2.600031 → 2.60; 4.90 per 10 → 0.5831 → 0.58.
    /// The price scale from 48 pieces and the recommended retail price (nrp) are not taken.
    static let expected12: [DocumentRecord] = {
        let file = "katalog-buerowelt-2025.xml"
        return [
            .product(Product(sku: "BM-2001", name: "Kaffeebecher Porzellan 0,3 l weiß", priceGross: 417, vatRate: .standard,
                             weightGrams: 320, ean: "4012345000016", location: place(file, 31, "/BMECAT/T_NEW_CATALOG/ARTICLE"))),
            .product(Product(sku: "BM-2002", name: "Espressobohnen „Hausmischung“ 1 kg", priceGross: 1600, vatRate: .reduced,
                             weightGrams: 1050, ean: "4012345000023", location: place(file, 86, "/BMECAT/T_NEW_CATALOG/ARTICLE[2]"))),
            .product(Product(sku: "BM-2003", name: "Kaffeefilter Größe 4, 100 Stück", priceGross: 260, vatRate: .standard,
                             ean: "4012345000030", location: place(file, 112, "/BMECAT/T_NEW_CATALOG/ARTICLE[3]"))),
            .product(Product(sku: "BM-2004", name: "Rührstäbchen Birke 14 cm", priceGross: 58, vatRate: .standard,
                             ean: "4012345000047", location: place(file, 130, "/BMECAT/T_NEW_CATALOG/ARTICLE[4]"))),
        ]
    }()

    /// Gross list prices as they are (preferred over a net list price given beside them);
    /// the German name of several; the GTIN; the weight from the logistic details.
    static let expected2005: [DocumentRecord] = {
        let file = "katalog-teeservice-2025.xml"
        return [
            .product(Product(sku: "BM-3001", name: "Isolierkanne Edelstahl 1,0 l", priceGross: 2990, vatRate: .standard,
                             weightGrams: 850, ean: "4260123450106", location: place(file, 32, "/BMECAT/T_NEW_CATALOG/PRODUCT"))),
            .product(Product(sku: "BM-3002", name: "Bio-Früchtetee Hagebutte, 20 Beutel", priceGross: 349, vatRate: .reduced,
                             ean: "4260123450113", location: place(file, 84, "/BMECAT/T_NEW_CATALOG/PRODUCT[2]"))),
            .product(Product(sku: "BM-3003", name: "Milchkännchen Porzellan 0,15 l", priceGross: 690, vatRate: .standard,
                             location: place(file, 107, "/BMECAT/T_NEW_CATALOG/PRODUCT[3]"))),
        ]
    }()

    /// 26.05 net × 1.19 = 30.9995 → 31.00; a gross price without TAX keeps the article's rate.
    static let expectedPrices: [DocumentRecord] = {
        let file = "preise-teeservice-2025-04.xml"
        return [
            .priceUpdate(PriceUpdate(sku: "BM-3001", priceGross: 3100, vatRate: .standard,
                                     location: place(file, 14, "/BMECAT/T_UPDATE_PRICES/PRODUCT"))),
            .priceUpdate(PriceUpdate(sku: "BM-3002", priceGross: 379, vatRate: nil,
                                     location: place(file, 26, "/BMECAT/T_UPDATE_PRICES/PRODUCT[2]"))),
        ]
    }()

    static func read(_ fixture: String, chunkSize: Int = 4096, replacing replacements: [(String, String)] = [])
        throws -> (records: [DocumentRecord], diagnostics: [Diagnostic], dialect: String, recognized: Bool) {
        var text = try BMEcatFixtureReader.text(fixture)
        for (old, new) in replacements {
            #expect(text.contains(old), "fixture lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let file = String(fixture.split(separator: "/").last!)
        return try BMEcatFixtureReader.map(BMEcatCatalogXML.self, text, file: file, chunkSize: chunkSize)
    }

    @Test(arguments: BMEcatFixtureReader.chunkSizes)
    func aBMEcat12CatalogueWithNetListPricesGivesGrossPrices(chunkSize: Int) throws {
        let result = try Self.read(Self.catalog12, chunkSize: chunkSize)
        #expect(result.recognized)
        #expect(result.dialect == "bmecat-1.2")
        #expect(result.diagnostics == [])
        #expect(result.records == Self.expected12)
    }

    @Test(arguments: BMEcatFixtureReader.chunkSizes)
    func aBMEcat2005CatalogueWithGrossPricesAndGTINs(chunkSize: Int) throws {
        let result = try Self.read(Self.catalog2005, chunkSize: chunkSize)
        #expect(result.recognized)
        #expect(result.dialect == "bmecat-2005")
        #expect(result.diagnostics == [])
        #expect(result.records == Self.expected2005)
    }

    @Test(arguments: BMEcatFixtureReader.chunkSizes)
    func aBMEcat2005PriceUpdateGivesPriceUpdates(chunkSize: Int) throws {
        let result = try Self.read(Self.prices2005, chunkSize: chunkSize)
        #expect(result.dialect == "bmecat-2005")
        #expect(result.diagnostics == [])
        #expect(result.records == Self.expectedPrices)
    }

    @Test func recognisesBMEcatRootsWithAndWithoutNamespace() {
        #expect(BMEcatCatalogXML.recognizes(root: "BMECAT", namespace: nil))
        #expect(BMEcatCatalogXML.recognizes(root: "BMECAT", namespace: "http://www.bmecat.org/bmecat/1.2/bmecat_new_catalog"))
        #expect(BMEcatCatalogXML.recognizes(root: "BMECAT", namespace: "http://www.bmecat.org/bmecat/2005"))
        #expect(BMEcatCatalogXML.recognizes(root: "BMECAT", namespace: "http://www.bmecat.org/bmecat/2005+onto"))
        #expect(!BMEcatCatalogXML.recognizes(root: "BMECAT", namespace: "urn:kontor:formats:1"))
        #expect(!BMEcatCatalogXML.recognizes(root: "products", namespace: nil))
        #expect(BMEcatCatalogXML(file: "k.xml", root: "BMECAT", namespace: nil).dialect == "bmecat-1.2")
        #expect(BMEcatCatalogXML(file: "k.xml", root: "BMECAT", namespace: "http://www.bmecat.org/bmecat/2005+onto").dialect == "bmecat-2005")
    }

    @Test func aMissingSupplierAIDIsNamed() throws {
        let result = try Self.read(Self.catalog12, replacing: [("<SUPPLIER_AID>BM-2003</SUPPLIER_AID>", "")])
        #expect(result.records == Self.expected12.filter { $0.sku != "BM-2003" })
        #expect(result.diagnostics.map(\.description) == [
            "katalog-buerowelt-2025.xml:112 /BMECAT/T_NEW_CATALOG/ARTICLE[3]: ARTICLE has no SUPPLIER_AID (the article number)",
        ])
        #expect(result.diagnostics.first?.messageDE == "ARTICLE hat keine SUPPLIER_AID (die Artikelnummer)")
        #expect(result.diagnostics.first?.hint == "Kontor keys articles by SUPPLIER_AID; give every ARTICLE its article number.")
    }

    @Test func aMissingSupplierPIDIsNamed() throws {
        let result = try Self.read(Self.catalog2005, replacing: [("<SUPPLIER_PID>BM-3002</SUPPLIER_PID>", "<SUPPLIER_PID> </SUPPLIER_PID>")])
        #expect(result.records == Self.expected2005.filter { $0.sku != "BM-3002" })
        #expect(result.diagnostics.map(\.description) == [
            "katalog-teeservice-2025.xml:85 /BMECAT/T_NEW_CATALOG/PRODUCT[2]/SUPPLIER_PID: PRODUCT has no SUPPLIER_PID (the article number)",
        ])
    }

    @Test func aBadPriceIsNamedWithItsArticle() throws {
        let result = try Self.read(Self.catalog12, replacing: [("<PRICE_AMOUNT>14.95</PRICE_AMOUNT>", "<PRICE_AMOUNT>14,95 €</PRICE_AMOUNT>")])
        #expect(result.records == Self.expected12.filter { $0.sku != "BM-2002" })
        #expect(result.diagnostics.map(\.description) == [
            "katalog-buerowelt-2025.xml:106 /BMECAT/T_NEW_CATALOG/ARTICLE[2]/ARTICLE_PRICE_DETAILS/ARTICLE_PRICE/PRICE_AMOUNT: PRICE_AMOUNT \"14,95 €\" of article BM-2002 is not a number",
        ])
        #expect(result.diagnostics.first?.messageDE == "PRICE_AMOUNT \"14,95 €\" des Artikels BM-2002 ist keine Zahl")
        #expect(result.diagnostics.first?.hint == "Write amounts with a decimal point and no thousands separator, for example 1234.50.")
    }

    @Test func anUnknownTaxFactorIsNamedWithItsArticle() throws {
        let result = try Self.read(Self.catalog2005, replacing: [("<TAX>0.19</TAX>\n          </TAX_DETAILS>", "<TAX>0.16</TAX>\n          </TAX_DETAILS>")])
        #expect(result.records == Self.expected2005.filter { $0.sku != "BM-3001" })
        #expect(result.diagnostics.map(\.description) == [
            "katalog-teeservice-2025.xml:69 /BMECAT/T_NEW_CATALOG/PRODUCT/PRODUCT_PRICE_DETAILS/PRODUCT_PRICE/TAX_DETAILS/TAX: TAX \"0.16\" of article BM-3001 is not a German VAT rate",
        ])
        #expect(result.diagnostics.first?.messageDE == "TAX \"0.16\" des Artikels BM-3001 ist kein deutscher Umsatzsteuersatz")
        #expect(result.diagnostics.first?.hint == "Give the rate as a factor: 0.19, 0.07 or 0.00.")
    }

    @Test func aTaxInPercentIsRefused() throws {
        let result = try Self.read(Self.catalog12, replacing: [("<TAX>0.07</TAX>", "<TAX>7</TAX>")])
        #expect(result.diagnostics.map(\.message) == ["TAX \"7\" of article BM-2002 is not a German VAT rate"])
    }

    @Test func anArticleWithoutUsablePriceSaysWhichPricesItHas() throws {
        let result = try Self.read(Self.catalog2005, replacing: [("price_type=\"gros_list\">\n          <PRICE_AMOUNT>6.90", "price_type=\"nrp\">\n          <PRICE_AMOUNT>6.90")])
        #expect(result.diagnostics.map(\.description) == [
            "katalog-teeservice-2025.xml:116 /BMECAT/T_NEW_CATALOG/PRODUCT[3]/PRODUCT_PRICE_DETAILS/PRODUCT_PRICE: article BM-3003 has no price of type net_list, gros_list or net_customer (found: nrp)",
        ])
    }

    /// A catalogue article without TAX is read with a warning: its net price waits for the
    /// rate the books give it (14.95 net for one unit), its rate is not stated.
    @Test func aCatalogueArticleWithoutTaxIsReadWithAWarning() throws {
        let result = try Self.read(Self.catalog12, replacing: [("<PRICE_AMOUNT>14.95</PRICE_AMOUNT>\n          <PRICE_CURRENCY>EUR</PRICE_CURRENCY>\n          <TAX>0.07</TAX>",
                                                                "<PRICE_AMOUNT>14.95</PRICE_AMOUNT>\n          <PRICE_CURRENCY>EUR</PRICE_CURRENCY>")])
        #expect(result.diagnostics.map(\.message) == [
            "the net_list price of article BM-2002 has no TAX (the VAT factor): it is booked at the article's current rate, or the shop's default_vat_rate",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        guard case .product(let product) = result.records[1] else { Issue.record("no product"); return }
        #expect(product.sku == "BM-2002")
        #expect(!product.vatRateStated)
        #expect(product.netPrice == NetPrice(amount: 149_500, units: 1))
        #expect(product.netPrice?.gross(at: .reduced) == 16_00)
        #expect(result.records.count == 4)
    }

    @Test func aNetPriceWithoutTaxCannotBeMadeGross() throws {
        let result = try Self.read(Self.prices2005, replacing: [("<TAX>0.19</TAX>", "")])
        #expect(result.records == [Self.expectedPrices[1]])
        #expect(result.diagnostics.map(\.message) == ["the net_list price of article BM-3001 has no TAX (the VAT factor)"])
    }

    @Test func aPriceInAnotherCurrencyIsRefused() throws {
        let result = try Self.read(Self.catalog2005, replacing: [("<PRICE_AMOUNT>29.90</PRICE_AMOUNT>\n          <PRICE_CURRENCY>EUR", "<PRICE_AMOUNT>29.90</PRICE_AMOUNT>\n          <PRICE_CURRENCY>CHF")])
        #expect(result.diagnostics.map(\.message) == ["the price of article BM-3001 is in CHF; Kontor books EUR only"])
    }

    @Test func anArticleMarkedForDeletionIsKeptWithAWarning() throws {
        let result = try Self.read(Self.catalog12, replacing: [
            ("<T_NEW_CATALOG>", "<T_UPDATE_PRODUCTS prev_version=\"2025.0\">"), ("</T_NEW_CATALOG>", "</T_UPDATE_PRODUCTS>"),
            ("<ARTICLE mode=\"new\">\n      <SUPPLIER_AID>BM-2004", "<ARTICLE mode=\"delete\">\n      <SUPPLIER_AID>BM-2004"),
        ])
        let updated = Self.expected12.dropLast().map { record -> DocumentRecord in
            guard case .product(var p) = record else { return record }
            p.location.path = p.location.path?.replacingOccurrences(of: "T_NEW_CATALOG", with: "T_UPDATE_PRODUCTS")
            return .product(p)
        }
        #expect(result.records == updated)
        #expect(result.diagnostics.map(\.description) == [
            "katalog-buerowelt-2025.xml:130 /BMECAT/T_UPDATE_PRODUCTS/ARTICLE[4]: warning: article BM-2004 is marked for deletion; Kontor keeps its articles and left it unchanged",
        ])
    }

    @Test func anUnreadTransactionIsReportedOnce() throws {
        let result = try Self.read(Self.catalog2005, replacing: [("T_NEW_CATALOG>", "T_NEW_PRODUCTDATA>")])
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            "katalog-teeservice-2025.xml:32 /BMECAT/T_NEW_PRODUCTDATA/PRODUCT: the transaction T_NEW_PRODUCTDATA is not read; Kontor reads T_NEW_CATALOG, T_UPDATE_PRODUCTS and T_UPDATE_PRICES",
        ])
    }
}

private extension DocumentRecord {
    var sku: String? {
        switch self {
        case .product(let p): p.sku
        case .priceUpdate(let u): u.sku
        default: nil
        }
    }
}
