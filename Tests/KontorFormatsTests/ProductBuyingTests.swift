import KontorCore
import KontorFormats
import Testing

/// The buying columns of an article: lead time, minimum order quantity, supplier.
@Suite struct ProductBuyingTests {
    @Test func theColumnsAreRead() throws {
        let text = """
            sku,name,price,vat_rate,lead_time_days,min_order_quantity,supplier
            TEE-002,Darjeeling,12.90,7,10,100,Teehaus Nord GmbH
            KAN-001,Teekanne,34.90,19,0,1,
            TAS-001,Tasse,9.90,19,,,

            """
        let (records, log) = try readDocument(text, file: "products.csv")
        #expect(log.diagnostics.map(\.description) == [])
        let products = ProductLogisticsTests.products(records)
        #expect(products.map(\.leadTimeDays) == [10, 0, nil])
        #expect(products.map(\.minimumOrderQuantity) == [100, 1, nil])
        #expect(products.map(\.supplier) == ["Teehaus Nord GmbH", nil, nil])
    }

    @Test func germanHeadersAreRead() throws {
        let text = "Artikel-Nr.;Bezeichnung;VK-Preis;MwSt-Satz;Wiederbeschaffungszeit;Mindestbestellmenge;Lieferant\n"
            + "TEE-002;Darjeeling;12,90;7;21;50;Teehaus Nord GmbH\n"
        let (records, log) = try readDocument(text, file: "artikel.csv")
        #expect(log.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let product = try #require(ProductLogisticsTests.products(records).first)
        #expect(product.leadTimeDays == 21 && product.minimumOrderQuantity == 50 && product.supplier == "Teehaus Nord GmbH")
        let (short, _) = try readDocument("Artikel-Nr.;Bezeichnung;VK-Preis;MwSt-Satz;Lieferzeit\nA;Tee;1,00;7;5\n", file: "artikel.csv")
        #expect(ProductLogisticsTests.products(short).first?.leadTimeDays == 5)
    }

    @Test(arguments: [
        ("lead_time_days", "-1", "products.csv:2:5: lead_time_days -1 is less than 0"),
        ("lead_time_days", "zehn", "products.csv:2:5: lead_time_days \"zehn\" is not a whole number"),
        ("lead_time_days", "2.5", "products.csv:2:5: lead_time_days \"2.5\" is not a whole number"),
        ("min_order_quantity", "0", "products.csv:2:5: min_order_quantity 0 is less than 1"),
        ("min_order_quantity", "viele", "products.csv:2:5: min_order_quantity \"viele\" is not a whole number"),
    ])
    func aBadValueIsRefused(column: String, value: String, message: String) throws {
        let (records, log) = try readDocument("sku,name,price,vat_rate,\(column)\nA,Tee,1.00,7,\(value)\n", file: "products.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [message])
    }

    @Test func jsonAndXMLCarryTheColumns() throws {
        let json = #"[{"sku": "A", "name": "Tee", "price": "1.00", "vat_rate": 7, "lead_time_days": 10, "min_order_quantity": 24, "supplier": "Nord"}]"#
        let xml = """
            <products xmlns="urn:kontor:formats:1"><product><sku>A</sku><name>Tee</name><price>1.00</price><vat_rate>7</vat_rate>
            <lead_time_days>10</lead_time_days><min_order_quantity>24</min_order_quantity><supplier>Nord</supplier>
            </product></products>
            """
        for (text, file) in [(json, "p.json"), (xml, "p.xml")] {
            let (records, log) = try readDocument(text, file: file)
            #expect(log.diagnostics.map(\.description) == [], "\(file)")
            let product = try #require(ProductLogisticsTests.products(records).first)
            #expect(product.leadTimeDays == 10 && product.minimumOrderQuantity == 24 && product.supplier == "Nord", "\(file)")
        }
    }
}
