import KontorCore
import KontorFormats
import Testing

/// The same bytes, cut into chunks of any size, give the same records.
struct XMLChunkBoundaryTests {
    static let chunkSizes = [1, 2, 3, 7, 64, 4096]

    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- exported by the shop -->
        <k:orders xmlns:k="urn:kontor:formats:1" xmlns:x="urn:example:extra" source="shop &amp; more">
          <k:line x:id="1">
            <k:order_number>A-1</k:order_number>
            <k:sku><![CDATA[<ÄÖÜ & co>]]></k:sku>
            <k:customer_name>Müller &amp; Söhne &#228;&#x1F600; &lt;&quot;&apos;&gt;</k:customer_name>
          </k:line>
          <k:line><k:order_number>A-2</k:order_number><x:note>x<![CDATA[y]]>z</x:note><k:empty/></k:line>
        </k:orders>
        """

    static let expected: [XMLElementNode] = {
        let k = "urn:kontor:formats:1"
        return [
            XMLElementNode(
                name: "line", namespace: k,
                attributes: [XMLAttribute(name: "id", namespace: "urn:example:extra", value: "1")],
                children: [
                    XMLElementNode(name: "order_number", namespace: k, text: "A-1", line: 5, path: "/orders/line/order_number"),
                    XMLElementNode(name: "sku", namespace: k, text: "<ÄÖÜ & co>", line: 6, path: "/orders/line/sku"),
                    XMLElementNode(name: "customer_name", namespace: k, text: "Müller & Söhne ä😀 <\"'>", line: 7,
                                   path: "/orders/line/customer_name"),
                ],
                line: 4, path: "/orders/line"
            ),
            XMLElementNode(
                name: "line", namespace: k,
                children: [
                    XMLElementNode(name: "order_number", namespace: k, text: "A-2", line: 9, path: "/orders/line[2]/order_number"),
                    XMLElementNode(name: "note", namespace: "urn:example:extra", text: "xyz", line: 9, path: "/orders/line[2]/note"),
                    XMLElementNode(name: "empty", namespace: k, line: 9, path: "/orders/line[2]/empty"),
                ],
                line: 9, path: "/orders/line[2]"
            ),
        ]
    }()

    @Test(arguments: chunkSizes)
    func utf8DocumentGivesTheSameRecords(chunkSize: Int) throws {
        let (records, diagnostics) = try readXMLRecords(Self.document, chunkSize: chunkSize)
        #expect(records == Self.expected)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: chunkSizes)
    func rootIsExposed(chunkSize: Int) throws {
        let reader = try XMLRecordReader(source: MemoryByteSource(Self.document, chunkSize: chunkSize), fileName: "orders.xml")
        #expect(reader.rootName == "orders")
        #expect(reader.rootNamespace == "urn:kontor:formats:1")
        #expect(reader.rootAttributes == [XMLAttribute(name: "source", value: "shop & more")])
    }

    @Test(arguments: chunkSizes)
    func latin1DocumentIsDecoded(chunkSize: Int) throws {
        let text = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <products>
              <product><name>Größe für Bäcker ©</name><sku>Ä-1</sku></product>
            </products>
            """
        let latin1 = text.unicodeScalars.map { UInt8($0.value) }
        let (records, _) = try readXMLRecords(latin1, chunkSize: chunkSize)
        #expect(records == [
            XMLElementNode(name: "product", children: [
                XMLElementNode(name: "name", text: "Größe für Bäcker ©", line: 3, path: "/products/product/name"),
                XMLElementNode(name: "sku", text: "Ä-1", line: 3, path: "/products/product/sku"),
            ], line: 3, path: "/products/product"),
        ])
    }
}
