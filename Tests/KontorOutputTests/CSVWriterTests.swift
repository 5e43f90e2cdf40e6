import Foundation
import KontorOutput
import Testing

@Suite struct CSVWriterTests {
    @Test func rowsEndInCRLFAndTextIsQuotedWhereItMustBe() {
        var w = CSVWriter(header: ["sku", "name", "on_hand"])
        w.appendRow([.text("TEA-1"), .text("Tee \"Ostfriesen\", lose"), .number("12")])
        w.appendRow([.text("POT"), .text("Kanne\nweiß"), .number("-3")])
        #expect(w.text == "sku,name,on_hand\r\nTEA-1,\"Tee \"\"Ostfriesen\"\", lose\",12\r\nPOT,\"Kanne\nweiß\",-3\r\n")
        #expect(w.bytes == Data(w.text.utf8))
    }

    @Test(arguments: ["=SUM(A1)", "+1", "-1", "@A1", "\tx", "\rx"])
    func textThatASpreadsheetWouldRunIsNeutralised(_ text: String) {
        var w = CSVWriter(header: ["a"])
        w.appendRow([.text(text)])
        let row = w.text.dropFirst("a\r\n".count)
        #expect(row.hasPrefix("'") || row.hasPrefix("\"'"))
    }

    @Test func numbersAreKeptAsTheyAre() {
        var w = CSVWriter(header: ["amount"], delimiter: ";")
        w.appendRow([.number("-12.50")])
        #expect(w.text == "amount\r\n-12.50\r\n")
    }
}
