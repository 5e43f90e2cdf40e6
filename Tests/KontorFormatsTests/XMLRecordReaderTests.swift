import KontorCore
import KontorFormats
import Testing

/// Records picked by depth or by name, with their paths and lines.
struct XMLRecordReaderTests {
    static let order = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ORDER xmlns="http://www.opentrans.org/XMLSchema/2.1" type="standard">
          <ORDER_HEADER>
            <ORDER_INFO><ORDER_ID>PO-1</ORDER_ID></ORDER_INFO>
          </ORDER_HEADER>
          <ORDER_ITEM_LIST>
            <ORDER_ITEM><LINE_ITEM_ID>1</LINE_ITEM_ID><QUANTITY>2</QUANTITY></ORDER_ITEM>
            <ORDER_ITEM><LINE_ITEM_ID>2</LINE_ITEM_ID><QUANTITY>5</QUANTITY></ORDER_ITEM>
          </ORDER_ITEM_LIST>
          <ORDER_SUMMARY><TOTAL_ITEM_NUM>2</TOTAL_ITEM_NUM></ORDER_SUMMARY>
        </ORDER>
        """

    @Test func headersAreRecordsAtDepthOne() throws {
        let (records, _) = try readXMLRecords(Self.order)
        #expect(records.map(\.path) == ["/ORDER/ORDER_HEADER", "/ORDER/ORDER_ITEM_LIST", "/ORDER/ORDER_SUMMARY"])
        #expect(records[0].child("ORDER_INFO")?.child("ORDER_ID")?.text == "PO-1")
        #expect(records[0].text == "")
    }

    @Test(arguments: [1, 5, 4096])
    func recordsByName(chunkSize: Int) throws {
        let (records, _) = try readXMLRecords(Self.order, chunkSize: chunkSize, selection: .names(["ORDER_HEADER", "ORDER_ITEM"]))
        #expect(records.map(\.path) == ["/ORDER/ORDER_HEADER", "/ORDER/ORDER_ITEM_LIST/ORDER_ITEM",
                                        "/ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]"])
        #expect(records.map(\.line) == [3, 7, 8])
        #expect(records[2].flatRecord(file: "order.xml").fields.map { "\($0.name)=\($0.value.text)" }
            == ["LINE_ITEM_ID=2", "QUANTITY=5"])
        #expect(records[2].child("QUANTITY")?.path == "/ORDER/ORDER_ITEM_LIST/ORDER_ITEM[2]/QUANTITY")
    }

    @Test func rootAsTheOneRecord() throws {
        var reader = try XMLRecordReader(source: MemoryByteSource(Self.order), fileName: "order.xml", selection: .depth(0))
        #expect(reader.rootAttributes == [XMLAttribute(name: "type", value: "standard")])
        let root = try #require(try reader.next())
        #expect(root.name == "ORDER")
        #expect(root.children.count == 3)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test func eventsPairStartsAndEnds() throws {
        let reader = try XMLReader(source: MemoryByteSource("<a x=\"1\"><b/>t<c>u</c><!-- c --><?pi x?></a>"), fileName: "e.xml")
        var events: [String] = []
        while let event = try reader.next() {
            switch event {
            case .start(let start): events.append("<\(start.name) \(start.depth) \(start.path)>")
            case .text(let text): events.append(text)
            case .end: events.append("/")
            }
        }
        #expect(events == ["<a 0 /a>", "<b 1 /a/b>", "/", "t", "<c 1 /a/c>", "u", "/", "/"])
    }

    @Test func linesBeyond65535AreExact() throws {
        let body = String(repeating: "<r>x</r>\n", count: 70_000)
        let (records, _) = try readXMLRecords("<all>\n" + body + "</all>", chunkSize: 65_536)
        #expect(records.count == 70_000)
        #expect(records.last?.line == 70_001)
        #expect(records.last?.path == "/all/r[70000]")
    }
}
