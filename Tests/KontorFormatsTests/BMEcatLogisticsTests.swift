import KontorCore
import KontorFormats
import Testing

/// The customs tariff number and the country of origin of a BMEcat 2005 product.
struct BMEcatLogisticsTests {
    static let logistics = "<PRODUCT_LOGISTIC_DETAILS>\n        <PRODUCT_DIMENSIONS>"

    static func customs(_ number: String, _ origin: String) -> String {
        "<PRODUCT_LOGISTIC_DETAILS>\n        <CUSTOMS_TARIFF_NUMBER><CUSTOMS_NUMBER>\(number)</CUSTOMS_NUMBER></CUSTOMS_TARIFF_NUMBER>"
            + "<COUNTRY_OF_ORIGIN>\(origin)</COUNTRY_OF_ORIGIN>\n        <PRODUCT_DIMENSIONS>"
    }

    @Test func theyAreReadFromTheLogisticDetails() throws {
        let result = try BMEcatCatalogXMLTests.read(BMEcatCatalogXMLTests.catalog2005,
                                                    replacing: [(Self.logistics, Self.customs("7323 93 00", "cn"))])
        #expect(result.diagnostics.map(\.description) == [])
        let products = result.records.compactMap { if case .product(let p) = $0 { p } else { nil } }
        #expect(products.map(\.sku) == ["BM-3001", "BM-3002", "BM-3003"])
        #expect(products.map(\.tariffNumber) == ["73239300", nil, nil])
        #expect(products.map(\.originCountry) == ["CN", nil, nil])
    }

    @Test func badValuesAreNamedWithTheirArticle() throws {
        let result = try BMEcatCatalogXMLTests.read(BMEcatCatalogXMLTests.catalog2005,
                                                    replacing: [(Self.logistics, Self.customs("7323.93", "China"))])
        #expect(result.diagnostics.map(\.description) == [
            "katalog-teeservice-2025.xml:75 /BMECAT/T_NEW_CATALOG/PRODUCT/PRODUCT_LOGISTIC_DETAILS/CUSTOMS_TARIFF_NUMBER/CUSTOMS_NUMBER: CUSTOMS_NUMBER \"7323.93\" of article BM-3001 is not a customs tariff number of 6 to 11 digits",
            "katalog-teeservice-2025.xml:75 /BMECAT/T_NEW_CATALOG/PRODUCT/PRODUCT_LOGISTIC_DETAILS/COUNTRY_OF_ORIGIN: COUNTRY_OF_ORIGIN \"China\" of article BM-3001 is not a two-letter country code",
        ])
        #expect(result.diagnostics.first?.messageDE
            == "CUSTOMS_NUMBER \"7323.93\" des Artikels BM-3001 ist keine Zolltarifnummer mit 6 bis 11 Ziffern")
    }
}
