import KontorCore
import KontorFormats
import Testing

/// Reads a whole file as the pipeline does: detection, records, and every problem in one log.
func readDocument(_ bytes: [UInt8], file: String, cap: Int = 100) throws -> (records: [DocumentRecord], log: DiagnosticLog) {
    var validator = UTF8Validator()
    validator.feed(bytes)
    var log = DiagnosticLog(cap: cap)
    var records: [DocumentRecord] = []
    if var stream = DocumentReader.open(makeSource: { MemoryByteSource(bytes, chunkSize: 4096) }, fileName: file,
                                        isValidUTF8: validator.finish(), head: Array(bytes.prefix(65_536)), log: &log) {
        while let record = try stream.next(log: &log) { records.append(record) }
    }
    return (records, log)
}

func readDocument(_ text: String, file: String, cap: Int = 100) throws -> (records: [DocumentRecord], log: DiagnosticLog) {
    try readDocument(Array(text.utf8), file: file, cap: cap)
}

@Suite struct DocumentReaderTests {
    /// Warnings used to fill the log and stop the reading: the records after them were lost.
    @Test func warningsNeverStopTheReading() throws {
        let text = "sku,counted,a,b,c,d,e\nTEA,1,,,,,\nPOT,2,,,,,\n"
        let (records, log) = try readDocument(text, file: "count.csv", cap: 3)
        #expect(records.map(\.location.line) == [2, 3])
        #expect(!log.hasErrors)
        #expect(log.warningCount == 5)
        #expect(log.diagnostics.map(\.description).last
            == "count.csv:2:6: warning: … and 2 more warnings, not listed; the first of them is here")
    }

    /// After a refusal the XML reader throws it again: the stream listed it 100 times.
    @Test func anXMLRefusalIsListedOnce() throws {
        let text = "<products xmlns=\"urn:kontor:formats:1\">\n<product><sku>B</sku></prod>\n"
        let (records, log) = try readDocument(text, file: "p.xml")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == ["p.xml:2:29: Opening and ending tag mismatch: product line 2 and prod"])
        #expect(log.errorCount == 1)
    }

    /// Lines within the limits may still add up beyond what can be summed: 93 lines of
    /// 10^17 overflowed Int when the invoice was computed.
    @Test func anOrderBeyondTheLargestAmountIsRefusedAsAWhole() throws {
        var text = "order_number,order_date,sku,quantity,unit_price\n"
        for _ in 1...93 { text += "1001,2025-03-03,TEA,1000000,1000000000.00\n" }
        text += "1002,2025-03-03,TEA,2,8.90\n"
        let (records, log) = try readDocument(text, file: "orders.csv")
        #expect(records.map(\.location.line) == [95])
        #expect(log.diagnostics.map(\.description)
            == ["orders.csv:2: order 1001 adds up to more than 1,000,000,000.00 EUR, the largest amount Kontor books"])
        #expect(log.diagnostics.first?.code == "order.too-large")
    }

    /// `price` and `Price` name the same column: the last one won.
    @Test func twoKeysThatNameTheSameFieldAreAnError() throws {
        let text = #"[{"sku": "TEA", "name": "Assam", "price": "8.90", "Price": "89.00", "vat_rate": 7}]"#
        let (records, log) = try readDocument(text, file: "p.json")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [#"p.json:1 /0/Price: "Price" is the same field as "price" at p.json:1 /0/price"#])
        #expect(log.diagnostics.first?.code == "field.duplicate")
        let csv = try readDocument("sku,counted,Counted\nTEA,5,50\n", file: "c.csv")
        #expect(csv.log.diagnostics.map(\.code) == ["csv.duplicate-header"])
        let spaced = try readDocument("sku,name,price,vat_rate,reorder point,reorder_point\nTEA,Assam,8.90,7,5,50\n", file: "p.csv")
        #expect(spaced.log.diagnostics.map(\.description) == [#"p.csv:2:6: "reorder_point" is the same field as "reorder point" at p.csv:2:5"#])
    }

    /// A UTF-16 file was read as Windows-1252 and got a misleading message.
    @Test(arguments: [
        [0xFF, 0xFE] + Array("sku,counted\r\nTEA,5\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        [0xFE, 0xFF] + Array("[{\"sku\": \"TEA\"}]".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
        Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><products/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        Array("Artikelnummer;Menge\r\nTEE-1;5\r\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
    ] as [[UInt8]])
    func aUTF16FileIsRefusedWithOneClearMessage(bytes: [UInt8]) throws {
        let (records, log) = try readDocument(bytes, file: "export.csv")
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == ["export.csv:1: the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)"])
        #expect(log.diagnostics.first?.code == "file.utf16")
    }

    @Test func textWithUmlautsIsNotTakenForUTF16() {
        #expect(!TextEncoding.looksLikeUTF16(Array("sku;name\nTEE-1;Grüner Tee\n".utf8)))
        #expect(!TextEncoding.looksLikeUTF16([0x41]))
        #expect(!TextEncoding.looksLikeUTF16(Array("a\u{0}b,c\n".utf8)))
    }
}
