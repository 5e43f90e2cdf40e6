import KontorCore
import KontorFormats
import Testing

/// The logistics columns of an article: bin, customs tariff number, origin, warehouse.
@Suite struct ProductLogisticsTests {
    static func products(_ records: [DocumentRecord]) -> [Product] {
        records.compactMap { if case .product(let p) = $0 { p } else { nil } }
    }

    @Test func theColumnsAreRead() throws {
        let text = """
            sku,name,price,vat_rate,bin,tariff_number,origin_country,warehouse
            TEE-002,Darjeeling,12.90,7,A-03-2,0902 30 00,in,Lüneburg
            KAN-001,Teekanne,34.90,19,,,,

            """
        let (records, log) = try readDocument(text, file: "products.csv")
        #expect(log.diagnostics.map(\.description) == [])
        let products = Self.products(records)
        #expect(products.map(\.bin) == ["A-03-2", nil])
        #expect(products.map(\.tariffNumber) == ["09023000", nil])
        #expect(products.map(\.originCountry) == ["IN", nil])
        #expect(products.map(\.warehouse) == ["Lüneburg", nil])
    }

    @Test(arguments: ["090230", "0902 3000 00 1", "09023000001"])
    func aTariffNumberOf6To11DigitsIsTaken(number: String) throws {
        let (records, log) = try readDocument("sku,name,price,vat_rate,tariff_number\nA,Tee,1.00,7,\(number)\n", file: "p.csv")
        #expect(log.diagnostics.isEmpty)
        #expect(Self.products(records).first?.tariffNumber == number.filter { $0 != " " })
    }

    @Test(arguments: ["0902-30", "09023", "090230000011", "09O23000"])
    func aTariffNumberThatIsNot6To11DigitsIsRefused(number: String) throws {
        let (records, log) = try readDocument("sku,name,price,vat_rate,tariff_number\nA,Tee,1.00,7,\(number)\n", file: "products.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description)
            == ["products.csv:2:5: tariff_number \"\(number)\" is not a customs tariff number of 6 to 11 digits"])
        #expect(log.diagnostics.first?.hint == "Write the digits of the tariff number, spaces allowed, such as 0902 30 00.")
        #expect(log.diagnostics.first?.messageDE == "tariff_number \"\(number)\" ist keine Zolltarifnummer mit 6 bis 11 Ziffern")
    }

    @Test(arguments: ["Indien", "D", "D1"])
    func anOriginThatIsNotTwoLettersIsRefused(origin: String) throws {
        let (records, log) = try readDocument("sku,name,price,vat_rate,origin_country\nA,Tee,1.00,7,\(origin)\n", file: "products.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description)
            == ["products.csv:2:5: origin_country \"\(origin)\" is not a two-letter country code"])
        #expect(log.diagnostics.first?.hint == "Use ISO codes such as DE, AT, CH.")
    }

    @Test func jsonAndXMLCarryTheColumns() throws {
        let json = #"[{"sku": "A", "name": "Tee", "price": "1.00", "vat_rate": 7, "bin": "B-1", "tariff_number": "09023000", "origin_country": "CN", "warehouse": "Nord"}]"#
        let xml = """
            <products xmlns="urn:kontor:formats:1"><product><sku>A</sku><name>Tee</name><price>1.00</price><vat_rate>7</vat_rate>
            <bin>B-1</bin><tariff_number>0902 30 00</tariff_number><origin_country>cn</origin_country><warehouse>Nord</warehouse>
            </product></products>
            """
        for (text, file) in [(json, "p.json"), (xml, "p.xml")] {
            let (records, log) = try readDocument(text, file: file)
            #expect(log.diagnostics.map(\.description) == [])
            let product = try #require(Self.products(records).first)
            #expect([product.bin, product.tariffNumber, product.originCountry, product.warehouse] == ["B-1", "09023000", "CN", "Nord"])
        }
    }

    @Test func aGermanSpreadsheetNamesThemInGerman() throws {
        let text = """
            Artikelnummer;Bezeichnung;VK-Preis;MwSt;Lagerplatz;Zolltarifnummer;Ursprungsland;Lager
            TEE-002;Darjeeling;12,90;7;A-03-2;0902 30 00;IN;Lüneburg
            TEE-003;Assam;9,90;7;;0902-30;Indien;

            """
        let run = try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: "artikel.csv")
        #expect(run.problems == [
            "artikel.csv:3:6: Zolltarifnummer \"0902-30\" is not a customs tariff number of 6 to 11 digits",
            "artikel.csv:3:7: Ursprungsland \"Indien\" is not a two-letter country code",
        ])
        let product = try #require(Self.products(run.records).first)
        #expect([product.bin, product.tariffNumber, product.originCountry, product.warehouse] == ["A-03-2", "09023000", "IN", "Lüneburg"])
    }
}
