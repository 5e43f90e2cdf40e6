import KontorCore
import KontorFormats
import Testing

/// The indentation between records is no text of their parent: a large indented file is
/// not refused for its root's "text".
struct XMLIndentationTests {
    @Test(arguments: [1, 7, 4096])
    func indentationBetweenChildrenDoesNotCountAsText(chunkSize: Int) throws {
        var document = "<orders>\n"
        for i in 1...100 { document += "    <line>\n        <sku>A\(i)</sku>\n    </line>\n" }
        document += "</orders>\n"
        var options = XMLReader.Options()
        options.maxTextBytes = 64
        var records = try XMLRecordReader(source: MemoryByteSource(document, chunkSize: chunkSize), fileName: "o.xml",
                                          options: options)
        var skus: [String] = []
        while let record = try records.next() { skus.append(record.child("sku")?.text ?? "") }
        #expect(skus.count == 100)
        #expect(skus.last == "A100")
    }

    @Test func realTextBeyondTheLimitIsStillRefused() throws {
        var options = XMLReader.Options()
        options.maxTextBytes = 64
        let document = "<orders><line><sku>" + String(repeating: "x", count: 65) + "</sku></line></orders>"
        var records = try XMLRecordReader(source: MemoryByteSource(document), fileName: "o.xml", options: options)
        let error = #expect(throws: Diagnostic.self) { while try records.next() != nil {} }
        #expect(error?.code == "xml.text-size")
    }
}
