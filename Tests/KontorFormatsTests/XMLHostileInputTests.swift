#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KontorCore
import KontorFormats
import Testing

/// Documents built to hurt a parser are refused, quickly and without leaking anything.
struct XMLHostileInputTests {
    static let billionLaughs: String = {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            text += "  <!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        return text + "]>\n<lolz>&lol9;</lolz>\n"
    }()

    @Test(arguments: [1, 7, 4096])
    func billionLaughsIsRefusedAsDoctype(chunkSize: Int) throws {
        let refused = try #require(xmlRefusal(of: Self.billionLaughs, chunkSize: chunkSize, file: "lol.xml"))
        #expect(refused.code == "xml.doctype")
        #expect(refused.description == "lol.xml:2: the file contains a DOCTYPE declaration with declarations of its own; Kontor does not read DTDs or entity declarations, remove the <!DOCTYPE ...> part")
        #expect(refused.messageDE?.contains("DOCTYPE") == true)
    }

    @Test(arguments: [
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY xxe SYSTEM \"file://SECRET\">\n]>\n<r>&xxe;</r>\n",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"SECRET\" [<!ENTITY e \"x\">]>\n<r>x</r>\n",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"SECRET\"[<!ENTITY e \"x\">]>\n<r>&e;</r>\n",
        "<!-- a comment --><!DOCTYPE r [<!ENTITY % p SYSTEM \"SECRET\"> %p;]><r/>",
    ])
    func externalEntityIsRefusedWithoutReadingTheFile(template: String) throws {
        var name = Array("/tmp/kontor-xxe-XXXXXX".utf8CString)
        let descriptor = mkstemp(&name)
        try #require(descriptor >= 0)
        let secretPath = String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(secretPath) }
        let secret = Array("SECRET-MARKER\n".utf8)
        #expect(write(descriptor, secret, secret.count) == secret.count)
        close(descriptor)
        let document = template.replacing("SECRET", with: secretPath)

        let reader = try XMLReader(source: MemoryByteSource(document, chunkSize: 16), fileName: "xxe.xml")
        let error = #expect(throws: Diagnostic.self) { while try reader.next() != nil {} }
        #expect(error?.code == "xml.doctype")
        let texts = ([error].compactMap { $0 } + reader.diagnostics.diagnostics)
            .flatMap { [$0.message, $0.messageDE ?? "", $0.hint ?? ""] }
        #expect(!texts.contains { $0.contains("SECRET-MARKER") })
    }

    /// Catalogues name their DTD (`<!DOCTYPE BMECAT SYSTEM "bmecat_new_catalog.dtd">`): such
    /// a DOCTYPE declares nothing, is let through, and the DTD is never loaded.
    @Test(arguments: [1, 7, 4096])
    func anExternalDTDIsNeverLoaded(chunkSize: Int) throws {
        var name = Array("/tmp/kontor-dtd-XXXXXX".utf8CString)
        let descriptor = mkstemp(&name)
        try #require(descriptor >= 0)
        let dtdPath = String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(dtdPath) }
        let dtd = Array("<!ENTITY secret \"SECRET-MARKER\">\n<!ATTLIST r a CDATA \"SECRET-MARKER\">\n".utf8)
        #expect(write(descriptor, dtd, dtd.count) == dtd.count)
        close(descriptor)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file://\(dtdPath)\">\n<r><x>1</x></r>\n"
        var records = try XMLRecordReader(source: MemoryByteSource(document, chunkSize: chunkSize), fileName: "cat.xml")
        let record = try #require(try records.next())
        #expect(record.name == "x" && record.text == "1")
        #expect(record.attributes.isEmpty)
        #expect(try records.next() == nil)
        let withEntity = "<!DOCTYPE r SYSTEM \"file://\(dtdPath)\">\n<r>&secret;</r>\n"
        let reader = try XMLReader(source: MemoryByteSource(withEntity, chunkSize: chunkSize), fileName: "cat.xml")
        let error = #expect(throws: Diagnostic.self) { while try reader.next() != nil {} }
        #expect(!(error?.description.contains("SECRET-MARKER") ?? true))
    }

    @Test func deepNestingIsRefused() throws {
        let document = String(repeating: "<a>\n", count: 100) + String(repeating: "</a>", count: 100)
        let refused = try #require(xmlRefusal(of: document, chunkSize: 64, file: "deep.xml"))
        #expect(refused.code == "xml.depth")
        #expect(refused.location.line == 65)
        #expect(refused.message == "elements are nested more than 64 levels deep; Kontor reads at most 64")
    }

    @Test func nestingOf64LevelsIsRead() throws {
        let document = String(repeating: "<a>", count: 64) + "x" + String(repeating: "</a>", count: 64)
        #expect(try readXMLRecords(document, selection: .depth(63)).records.map(\.text) == ["x"])
    }

    @Test(arguments: [1, 3, 4096])
    func truncatedDocumentIsASyntaxError(chunkSize: Int) throws {
        let document = "<?xml version=\"1.0\"?>\n<products>\n  <product>\n    <sku>A-1</sku>\n    <name>Tee"
        let refused = try #require(xmlRefusal(of: document, chunkSize: chunkSize, file: "products.xml"))
        #expect(refused.code == "xml.syntax")
        #expect(refused.location.file == "products.xml")
        #expect(refused.location.line == 5)
        #expect(!refused.message.hasSuffix("\n"))
    }

    @Test func syntaxErrorsAreReportedWithASchemaAttachedToo() throws {
        let document = "<products xmlns=\"urn:kontor:formats:1\">\n<product><sku>A</sku>\n<name>Te"
        let reader = try XMLReader(source: MemoryByteSource(document), fileName: "p.xml", options: KontorXMLSchema.readerOptions)
        let error = #expect(throws: Diagnostic.self) { while try reader.next() != nil {} }
        #expect(error?.description == "p.xml:3:9: Extra content at the end of the document")
        #expect(error?.hint == "the file may be cut off, or hold more than one root element")
    }

    @Test func mismatchedTagIsASyntaxErrorWithLineAndColumn() throws {
        let refused = try #require(xmlRefusal(of: "<a>\n<b>x</c>\n</a>", file: "bad.xml"))
        #expect(refused.code == "xml.syntax")
        #expect(refused.description == "bad.xml:2:9: Opening and ending tag mismatch: b line 2 and c")
    }

    @Test func undeclaredEntityIsASyntaxError() throws {
        let refused = try #require(xmlRefusal(of: "<a>&nbsp;</a>", file: "e.xml"))
        #expect(refused.code == "xml.syntax")
        #expect(refused.message == "Entity 'nbsp' not defined")
    }

    @Test func textLongerThanOneMebibyteIsRefused() throws {
        let long = "<a><b>" + String(repeating: "x", count: (1 << 20) + 1) + "</b></a>"
        #expect(xmlRefusal(of: long)?.code == "xml.text-size")
        let pieces = "<a><b>" + String(repeating: "<![CDATA[" + String(repeating: "y", count: 1023) + "]]>z", count: 1025) + "</b></a>"
        #expect(xmlRefusal(of: pieces)?.code == "xml.text-size")
        let exactly = "<a><b>" + String(repeating: "x", count: 1 << 20) + "</b></a>"
        #expect(try readXMLRecords(exactly).records.first?.text.utf8.count == 1 << 20)
    }

    /// libxml2 refuses control characters in XML 1.0 and 1.1 alike, raw or as references:
    /// none reaches a record.
    @Test(arguments: ["<a><b>TEA&#0;-premium</b></a>", "<?xml version=\"1.1\"?><a><b>TEA&#1;</b></a>",
                      "<a><b>TEA\u{0}-premium</b></a>", "<a><b c=\"&#x1B;\">x</b></a>"])
    func controlCharactersAreRefused(document: String) throws {
        #expect(xmlRefusal(of: document)?.code == "xml.syntax")
    }

    /// Refusing a tag with 400,000 attributes took 20 minutes: libxml2 compares every
    /// attribute with those before it, and the schema reported each one, reworded by regular
    /// expressions compiled anew for every message. The tag is now refused before libxml2
    /// parses it, with one diagnostic.
    @Test(arguments: [1, 7, 4096])
    func anElementWithTooManyAttributesIsRefusedBeforeItIsParsed(chunkSize: Int) throws {
        let attributes = (1...100_000).map { " a\($0)=\"1\"" }.joined()
        let document = "<?xml version=\"1.0\"?>\n<products xmlns=\"urn:kontor:formats:1\">\n<product\(attributes)><sku>A</sku></product></products>"
        let reader = try XMLReader(source: MemoryByteSource(document, chunkSize: chunkSize), fileName: "p.xml",
                                   options: KontorXMLSchema.readerOptions)
        let error = #expect(throws: Diagnostic.self) { while try reader.next() != nil {} }
        #expect(error?.description == "p.xml:3: the element <product> has more than 256 attributes; Kontor reads at most 256")
        #expect(error?.code == "xml.attribute-count")
        #expect(reader.diagnostics.diagnostics.count + reader.diagnostics.suppressed + reader.diagnostics.suppressedWarnings == 0)

        let (_, log) = try readDocument(document, file: "p.xml")
        #expect(log.diagnostics.map(\.code) == ["xml.attribute-count"])
        #expect(log.errorCount == 1)
    }

    @Test func attributesAreCountedInStartTagsOnly() throws {
        let limit = XMLReader.Options(maxAttributes: 2)
        let document = """
            <?xml version="1.0" encoding="UTF-8"?><!-- a=1 b=2 c=3 --><r x="=" y='a=b'>\
            <![CDATA[ a=1 b=2 c=3 ]]><?pi a=1 b=2 c=3?><b>a=1 b=2 c=3</b><c p = "1" q="2"/></r>
            """
        #expect(try readXMLRecords(document, chunkSize: 1, options: limit).records.map(\.name) == ["b", "c"])
        let three = "<r>\n<b p=\"1\" q=\"2\"/>\n<c p=\"1\" q=\"2\" x:r=\"3\" xmlns:x=\"urn:x\"/></r>"
        let reader = try XMLReader(source: MemoryByteSource(three, chunkSize: 3), fileName: "t.xml", options: limit)
        let error = #expect(throws: Diagnostic.self) { while try reader.next() != nil {} }
        #expect(error?.description == "t.xml:3: the element <c> has more than 2 attributes; Kontor reads at most 2")
        let atLimit = (1...256).map { " a\($0)=\"\($0)\"" }.joined()
        #expect(try readXMLRecords("<r><b\(atLimit)/></r>").records.first?.attributes.count == 256)
    }

    @Test func longAttributeValueIsRefused() throws {
        let long = "<a><b c=\"" + String(repeating: "x", count: (1 << 20) + 1) + "\"/></a>"
        #expect(xmlRefusal(of: long)?.code == "xml.text-size")
    }

    @Test func failingSourceErrorIsRethrown() throws {
        struct Broken: Error, Equatable {}
        struct FailingSource: ByteSource {
            var sent = false
            mutating func nextChunk() throws -> [UInt8]? {
                if sent { throw Broken() }
                sent = true
                return Array("<a><b>".utf8)
            }
        }
        let reader = try XMLReader(source: FailingSource(), fileName: "broken.xml")
        #expect(throws: Broken()) { while try reader.next() != nil {} }
    }

    @Test func emptyDocumentIsASyntaxError() throws {
        #expect(xmlRefusal(of: "")?.code == "xml.syntax")
        #expect(xmlRefusal(of: "<!-- nothing -->")?.code == "xml.syntax")
    }
}
