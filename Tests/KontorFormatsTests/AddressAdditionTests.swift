import KontorCore
import KontorFormats
import Testing

/// The line of a delivery address between name and street (Adresszusatz), from each format.
@Suite struct AddressAdditionTests {
    static func orders(_ records: [DocumentRecord]) -> [Order] {
        records.compactMap { if case .order(let o) = $0 { o } else { nil } }
    }

    @Test func kontorCSVJSONAndXMLReadShipAddition() throws {
        let csv = """
            order_number,order_date,sku,quantity,unit_price,ship_name,ship_addition,ship_street,ship_zip,ship_city
            1001,2025-03-04,TEE-1,1,8.90,Lena Schröder,Packstation 123 / 123456789,Am Sande 14,21335,Lüneburg
            1002,2025-03-04,TEE-1,1,8.90,Jörg Bäumer,,Bäckerstraße 3a,50667,Köln

            """
        let json = #"""
            [{"order_number": "1001", "order_date": "2025-03-04", "sku": "TEE-1", "quantity": 1, "unit_price": "8.90",
              "ship_name": "Lena Schröder", "ship_addition": "Packstation 123 / 123456789", "ship_street": "Am Sande 14",
              "ship_zip": "21335", "ship_city": "Lüneburg"},
             {"order_number": "1002", "order_date": "2025-03-04", "sku": "TEE-1", "quantity": 1, "unit_price": "8.90",
              "ship_name": "Jörg Bäumer", "ship_street": "Bäckerstraße 3a", "ship_zip": "50667", "ship_city": "Köln"}]
            """#
        let xml = """
            <orders xmlns="urn:kontor:formats:1">
              <line><order_number>1001</order_number><order_date>2025-03-04</order_date><sku>TEE-1</sku><quantity>1</quantity>
                <unit_price>8.90</unit_price><ship_name>Lena Schröder</ship_name><ship_addition>Packstation 123 / 123456789</ship_addition>
                <ship_street>Am Sande 14</ship_street><ship_zip>21335</ship_zip><ship_city>Lüneburg</ship_city></line>
              <line><order_number>1002</order_number><order_date>2025-03-04</order_date><sku>TEE-1</sku><quantity>1</quantity>
                <unit_price>8.90</unit_price><ship_name>Jörg Bäumer</ship_name><ship_street>Bäckerstraße 3a</ship_street>
                <ship_zip>50667</ship_zip><ship_city>Köln</ship_city></line>
            </orders>
            """
        for (text, file) in [(csv, "orders.csv"), (json, "orders.json"), (xml, "orders.xml")] {
            let (records, log) = try readDocument(text, file: file)
            #expect(log.diagnostics.map(\.description) == [], "\(file)")
            #expect(Self.orders(records).map(\.shipTo) == [
                Address(name: "Lena Schröder", addition: "Packstation 123 / 123456789", street: "Am Sande 14", zip: "21335",
                        city: "Lüneburg", country: "DE"),
                Address(name: "Jörg Bäumer", street: "Bäckerstraße 3a", zip: "50667", city: "Köln", country: "DE"),
            ], "\(file)")
        }
    }

    @Test func aGermanSpreadsheetReadsAdresszusatz() throws {
        let text = """
            Bestellnummer;Bestelldatum;Empfänger;Adresszusatz;Straße;PLZ;Ort;Artikelnummer;Menge;Einzelpreis
            1001;04.03.2025;Lena Schröder;c/o Meyer;Am Sande 14;21335;Lüneburg;TEE-1;1;8,90

            """
        let run = try CSVDialectRun.read(GermanSpreadsheetCSV.self, text, file: "bestellungen.csv")
        #expect(run.problems == [])
        #expect(run.orders.first?.shipTo == Address(name: "Lena Schröder", addition: "c/o Meyer", street: "Am Sande 14",
                                                    zip: "21335", city: "Lüneburg", country: "DE"))
    }

    /// `Shipping Address2` is the addition, not part of the street; without it, the company.
    @Test func shopifyKeepsTheStreetCleanAndTakesAddress2ElseTheCompany() throws {
        let rows = [
            ShopifyOrdersCSVTests.orderRow("#1001", extra: ["Shipping Street": "Hafenstraße 3, c/o Meyer",
                                                           "Shipping Address1": "Hafenstraße 3", "Shipping Address2": "c/o Meyer",
                                                           "Shipping Company": "Meyer GmbH"]),
            ShopifyOrdersCSVTests.orderRow("#1002", extra: ["Shipping Street": "Hafenstraße 3",
                                                           "Shipping Address1": "Hafenstraße 3", "Shipping Company": "Meyer GmbH"]),
            ShopifyOrdersCSVTests.orderRow("#1003", extra: ["Shipping Street": "Hafenstraße 3, Hinterhaus",
                                                           "Shipping Address2": "Hinterhaus"]),
            ShopifyOrdersCSVTests.orderRow("#1004"),
        ]
        let run = try ShopifyOrdersCSVTests.run(rows)
        #expect(run.problems == [])
        #expect(run.orders.map(\.shipTo?.street) == ["Hafenstraße 3", "Hafenstraße 3", "Hafenstraße 3", "Hafenstraße 3"])
        #expect(run.orders.map(\.shipTo?.addition) == ["c/o Meyer", "Meyer GmbH", "Hinterhaus", nil])
    }

    /// openTRANS: `NAME2` is the addition (the fixture's `Filiale Am Sande`); without it, `DEPARTMENT`.
    @Test func openTransTakesName2ElseTheDepartment() throws {
        let text = try OpenTransOrderXMLTests.variant([
            ("<bmecat:NAME2>Filiale Am Sande</bmecat:NAME2>", "<bmecat:DEPARTMENT>Warenannahme</bmecat:DEPARTMENT>"),
        ])
        let (records, diagnostics) = try OpenTransOrderXMLTests.read(text)
        #expect(diagnostics.map(\.description) == [])
        #expect(Self.orders(records).first?.shipTo == Address(name: "Café Schönblick GmbH", addition: "Warenannahme",
                                                              street: "Am Sande 47", zip: "21335", city: "Lüneburg", country: "DE"))
    }
}
