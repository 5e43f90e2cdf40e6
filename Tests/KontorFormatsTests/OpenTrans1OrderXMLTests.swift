import KontorCore
import KontorFormats
import Testing

/// openTRANS 1.0 orders are recognised and refused with a message that says what to send instead.
struct OpenTrans1OrderXMLTests {
    @Test(arguments: BMEcatFixtureReader.chunkSizes)
    func anOpenTrans10OrderIsRefusedOnce(chunkSize: Int) throws {
        let text = try BMEcatFixtureReader.text("opentrans-1.0-order/bestellung-4711.xml")
        let result = try BMEcatFixtureReader.map(OpenTrans1OrderXML.self, text, file: "bestellung-4711.xml", chunkSize: chunkSize)
        #expect(result.recognized)
        #expect(result.dialect == "opentrans-1.0-order")
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            "bestellung-4711.xml:1 /ORDER: openTRANS 1.0 orders are not supported; export the order as openTRANS 2.1",
        ])
        let refusal = try #require(result.diagnostics.first)
        #expect(refusal.code == "opentrans.version")
        #expect(refusal.severity == .error)
        #expect(refusal.messageDE == "Bestellungen im Format openTRANS 1.0 werden nicht unterstützt; bitte die Bestellung als openTRANS 2.1 exportieren")
        #expect(refusal.hint == "An openTRANS 2.1 order starts with <ORDER version=\"2.1\" xmlns=\"http://www.opentrans.org/XMLSchema/2.1\" xmlns:bmecat=\"http://www.bmecat.org/bmecat/2005\">; most procurement systems offer it as an export option.")
    }

    @Test func recognisesOrdersWithoutNamespaceOrInThe10Namespace() {
        #expect(OpenTrans1OrderXML.recognizes(root: "ORDER", namespace: nil))
        #expect(OpenTrans1OrderXML.recognizes(root: "ORDER", namespace: "http://www.opentrans.org/XMLSchema/1.0"))
        #expect(!OpenTrans1OrderXML.recognizes(root: "ORDER", namespace: "http://www.opentrans.org/XMLSchema/2.1"))
        #expect(!OpenTrans1OrderXML.recognizes(root: "orders", namespace: nil))
    }

    @Test func anEmptyOrderIsRefusedAtTheEnd() throws {
        let result = try BMEcatFixtureReader.map(OpenTrans1OrderXML.self, "<ORDER version=\"1.0\"/>", file: "leer.xml")
        #expect(result.records.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["opentrans.version"])
    }
}
