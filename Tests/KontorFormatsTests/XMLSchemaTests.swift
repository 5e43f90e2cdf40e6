import KontorCore
import KontorFormats
import Testing

/// Kontor's XSD accepts each kind of document and names the problems of broken ones.
struct XMLSchemaTests {
    static let validDocuments: [(kind: DocumentKind, records: String)] = [
        (.products, """
            <product><sku>TEE-1</sku><name>Grüner Tee &amp; Minze</name><price>12.50</price><vat_rate>7</vat_rate>
              <weight_kg>0.25</weight_kg><ean>4006381333931</ean><reorder_point>10</reorder_point><cost>4.2</cost></product>
            <product><vat_rate>19</vat_rate><price>3</price><name>Tasse</name><sku>TASSE</sku></product>
            """),
        (.stockCount, """
            <count><sku>TEE-1</sku><counted>0</counted><warehouse>lager-2</warehouse></count>
            <count><counted>17</counted><sku>TASSE</sku></count>
            """),
        (.goodsReceipt, """
            <receipt><sku>TEE-1</sku><received>40</received><cost>4.20</cost><supplier>Teehaus</supplier>
              <reference>LS-991</reference><warehouse>main</warehouse></receipt>
            """),
        (.customers, """
            <customer><customer_id>K-1</customer_id><name>Müller GmbH</name><email>info@mueller.example</email>
              <credit_limit>5000.00</credit_limit><payment_terms_days>30</payment_terms_days><vat_id>DE123456789</vat_id>
              <country>DE</country><street>Hauptstr. 1</street><zip>10115</zip><city>Berlin</city></customer>
            """),
        (.orders, """
            <line><order_number>1001</order_number><order_date>2025-03-14</order_date><sku>TEE-1</sku>
              <quantity>2</quantity><unit_price>12.50</unit_price><customer_email>a@b.example</customer_email>
              <ship_country>de</ship_country><payment_method>invoice</payment_method><paid>false</paid>
              <shipping>4.90</shipping><currency>EUR</currency></line>
            <line><order_number>1001</order_number><order_date>2025-03-14T10:22:00Z</order_date><sku>TASSE</sku>
              <quantity>1</quantity><unit_price>3.00</unit_price></line>
            """),
        (.payments, """
            <payment><reference>1001</reference><amount>-12.50</amount><date>2025-03-20</date>
              <payer>Müller GmbH</payer><method>SEPA</method></payment>
            """),
        (.returns, """
            <return><order_number>1001</order_number><sku>TEE-1</sku><quantity>1</quantity>
              <reason>zu bitter</reason><condition>damaged</condition><date>2025-03-12</date></return>
            """),
        (.cancellations, """
            <cancellation><order_number>1001</order_number><reason>Kunde hat storniert</reason></cancellation>
            <cancellation><order_number>1002</order_number></cancellation>
            """),
    ]

    static func document(_ root: String, _ records: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"urn:kontor:formats:1\">\n\(records)\n</\(root)>\n"
    }

    @Test(arguments: validDocuments.map(\.kind))
    func validDocumentPasses(kind: DocumentKind) throws {
        let records = try #require(Self.validDocuments.first { $0.kind == kind }?.records)
        for chunkSize in [1, 64, 4096] {
            let result = try readXMLRecords(Self.document(kind.rawValue, records), chunkSize: chunkSize,
                                         options: KontorXMLSchema.readerOptions)
            #expect(result.diagnostics.isEmpty)
            #expect(!result.records.isEmpty)
            #expect(result.records.allSatisfy { $0.name == kind.xmlRecordName })
        }
    }

    static let products = """
        <?xml version="1.0" encoding="UTF-8"?>
        <products xmlns="urn:kontor:formats:1">
          <product>
            <sku>A-1</sku><name>Tee</name><price>1.00</price><vat_rate>19</vat_rate>
          </product>
          <product>
            <sku>A-2</sku><name>Kanne</name><price>12,5</price>
            <vat_rate>19</vat_rate>
          </product>
          <product>
            <sku>A-3</sku>
            <name>Tasse</name>
            <vat_rate>7</vat_rate>
          </product>
          <product>
            <sku>A-4</sku><name>Sieb</name><price>2.00</price><vat_rate>19</vat_rate>
            <colour>rot</colour>
          </product>
          <product><sku>A-5</sku><name>Dose</name><price>1.234</price><vat_rate>16</vat_rate></product>
        </products>
        """

    @Test(arguments: [1, 7, 4096])
    func problemsAreNamedWithLineAndPath(chunkSize: Int) throws {
        let (records, diagnostics) = try readXMLRecords(Self.products, chunkSize: chunkSize, file: "products.xml",
                                                     options: KontorXMLSchema.readerOptions)
        #expect(records.count == 5)
        #expect(diagnostics.allSatisfy { $0.code == "xml.schema" && $0.severity == .error })
        #expect(diagnostics.map(\.description) == [
            "products.xml:7 /products/product[2]/price: '12,5' is not a valid amount (digits with a point as decimal separator and at most 2 decimal places, not negative, such as 12.50)",
            "products.xml:14 /products/product[3]: missing child element(s); expected is one of ( price, weight_kg, ean, reorder_point, cost, bin, tariff_number, origin_country, warehouse, lead_time_days )",
            "products.xml:17 /products/product[4]/colour: this element is not expected",
            "products.xml:19 /products/product[5]/price: the value '1.234' has more fractional digits than are allowed ('2')",
            "products.xml:19 /products/product[5]/vat_rate: the value '16' is not one of '19', '7', '0'",
        ])
    }

    @Test func problemsInAOneLineDocumentNameTheRightRecord() throws {
        var records = (1...300).map { "<product><sku>S\($0)</sku><name>n</name><price>1.00</price><vat_rate>19</vat_rate></product>" }
        records[149] = "<product><sku>S150</sku><name>n</name><price>x</price><vat_rate>19</vat_rate></product>"
        records[150] = "<product><sku>S151</sku><price>2.00</price><vat_rate>19</vat_rate></product>"
        let document = "<products xmlns=\"urn:kontor:formats:1\">\(records.joined())</products>"
        let (read, diagnostics) = try readXMLRecords(document, file: "p.xml", options: KontorXMLSchema.readerOptions)
        #expect(read.count == 300)
        #expect(diagnostics.map(\.location.path) == ["/products/product[150]/price", "/products/product[151]"])
        #expect(diagnostics.map(\.location.line) == [1, 1])
    }

    @Test func wrongRootIsNamed() throws {
        let document = "<?xml version=\"1.0\"?>\n<produkte xmlns=\"urn:kontor:formats:1\"><product/></produkte>"
        let (_, diagnostics) = try readXMLRecords(document, file: "p.xml", options: KontorXMLSchema.readerOptions)
        #expect(diagnostics.map(\.description) == ["p.xml:2 /produkte: no matching global declaration available for the validation root"])
    }

    @Test func missingNamespaceIsNamed() throws {
        let document = "<products>\n<product/>\n</products>"
        let (_, diagnostics) = try readXMLRecords(document, file: "p.xml", options: KontorXMLSchema.readerOptions)
        #expect(diagnostics.map(\.description) == ["p.xml:1 /products: no matching global declaration available for the validation root"])
    }

    @Test func flatRecordsCarryFieldLocations() throws {
        let (records, _) = try readXMLRecords(Self.products, file: "products.xml")
        let record = records[1].flatRecord(file: "products.xml")
        #expect(record.location == SourceLocation(file: "products.xml", line: 6, path: "/products/product[2]"))
        #expect(record.fields.map(\.name) == ["sku", "name", "price", "vat_rate"])
        #expect(record.fields[2].value == FieldValue(
            text: "12,5", location: SourceLocation(file: "products.xml", line: 7, path: "/products/product[2]/price")))
    }

    @Test func embeddedXSDMatchesTheDocsFile() throws {
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        let source = try FileByteSource(path: root + "/docs/kontor-v1.xsd")
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }
        let file = String(decoding: bytes, as: UTF8.self)
        #expect(file == KontorXMLSchema.xsd + "\n")
    }

    @Test func brokenSchemaDoesNotCompile() throws {
        let error = #expect(throws: Diagnostic.self) {
            try XMLSchema(xsd: "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element/></xs:schema>", name: "broken.xsd")
        }
        #expect(error?.code == "xml.schema-invalid")
        #expect(error?.location.file == "broken.xsd")
    }
}

extension XMLSchemaTests {
    @Test func malformedSchemaTextDoesNotCompile() throws {
        let error = #expect(throws: Diagnostic.self) { try XMLSchema(xsd: "<xs:schema", name: "cut.xsd") }
        #expect(error?.code == "xml.schema-invalid")
        #expect(error?.message.hasPrefix("the schema cut.xsd does not compile: ") == true)
    }
}

extension XMLSchemaTests {
    @Test func valueProblemsAreWordedForPeople() throws {
        let document = """
            <returns xmlns="urn:kontor:formats:1">
              <return><order_number>1001</order_number><sku> </sku><quantity>zwei</quantity><condition>neu</condition></return>
            </returns>
            """
        let (_, diagnostics) = try readXMLRecords(document, file: "returns.xml", options: KontorXMLSchema.readerOptions)
        #expect(diagnostics.map(\.description) == [
            "returns.xml:2 /returns/return/sku: must not be empty",
            "returns.xml:2 /returns/return/quantity: 'zwei' is not a valid whole number of 1 or more",
            "returns.xml:2 /returns/return/condition: the value 'neu' is not one of 'resellable', 'damaged'",
        ])
    }
}
