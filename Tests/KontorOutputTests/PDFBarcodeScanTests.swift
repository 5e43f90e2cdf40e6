import KontorOutput
import Testing

/// Barcodes drawn on a PDF page and read back by zbarimg: the width table and the
/// encoding are right only if a scanner reads what was meant.
@Suite struct PDFBarcodeScanTests {
    private func page(with texts: [(String, gs1: Bool)]) throws -> PDFDocument {
        var page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
        var y = PDFPage.a4Height - PDFPage.mm(40)
        for (text, gs1) in texts {
            let symbols = try #require(gs1 ? Code128.gs1(text) : Code128.symbols(text))
            page.barcode(Code128.modules(symbols), x: PDFPage.mm(15), y: y, moduleWidth: PDFPage.mm(0.3), height: PDFPage.mm(15))
            y -= PDFPage.mm(30)
        }
        var document = PDFDocument()
        document.add(page)
        return document
    }

    @Test func everyCharacterOfCodeSetsBAndCReadsBack() throws {
        let printable = String(String.UnicodeScalarView((32...126).compactMap(Unicode.Scalar.init)))
        let digits = (0...99).map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
        let texts = [
            String(printable.prefix(48)), String(printable.dropFirst(48)), String(digits.prefix(100)),
            String(digits.dropFirst(100)), "PJJ123C", "AB1234x", "A12345", "\tAb", "a\tb", "ab\tA",
        ]
        let codes = try BarcodeScanner.scan(pdf: page(with: texts.map { ($0, gs1: false) }).bytes())
        #expect(codes.sorted() == texts.sorted())
    }
}
