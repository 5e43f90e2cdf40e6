import Foundation
import KontorOutput
import Testing

@Suite struct PDFDocumentTests {
    private func twoPages() -> PDFDocument {
        var first = PDFPage(width: 283.46, height: 425.2)
        first.text("Grüße (für) \\ Jörg: 12 €", x: 10, y: 400, size: 10)
        first.text("Fett", x: 10, y: 380, size: 12, bold: true)
        first.line(from: (10, 370), to: (270, 370))
        first.rectangle(x: 10, y: 10, width: 20, height: 30, filled: false)
        var second = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
        second.barcode([2, 1, 1, 2], x: 0, y: 0, moduleWidth: 1, height: 10)
        var document = PDFDocument()
        document.add(first)
        document.add(second)
        return document
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: Unicode.ASCII.self) }

    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        let bytes = twoPages().bytes()
        let pdf = text(bytes)
        #expect(pdf.hasPrefix("%PDF-1.4\n"))
        #expect(pdf.hasSuffix("%%EOF\n"))
        let tail = try #require(pdf.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(pdf[tail.upperBound...].prefix { $0.isNumber }))
        let xref = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        #expect(xref.hasPrefix("xref\n0 9\n0000000000 65535 f \n"))
        let entries = xref.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).prefix(8)
        #expect(entries.count == 8)
        for (index, entry) in entries.enumerated() {
            #expect(entry.utf8.count + 1 == 20, "every entry is 20 bytes with its end of line")
            #expect(entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            let object = String(decoding: bytes[offset...].prefix(12), as: UTF8.self)
            #expect(object.hasPrefix("\(index + 1) 0 obj\n"))
        }
        #expect(pdf.contains("trailer\n<< /Size 9 /Root 1 0 R >>\nstartxref\n"))
        #expect(pdf.contains("/Type /Pages /Kids [5 0 R 7 0 R] /Count 2"))
        #expect(pdf.contains("/MediaBox [0 0 283.46 425.2]"))
        #expect(pdf.contains("/MediaBox [0 0 595.28 841.89]"))
        #expect(pdf.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(pdf.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
    }

    @Test func streamLengthsAreTheBytesBetweenStreamAndEndstream() throws {
        let pdf = text(twoPages().bytes())
        var searchFrom = pdf.startIndex
        var streams = 0
        while let length = pdf.range(of: "/Length ", range: searchFrom..<pdf.endIndex) {
            let value = try #require(Int(pdf[length.upperBound...].prefix { $0.isNumber }))
            let start = try #require(pdf.range(of: "stream\n", range: length.upperBound..<pdf.endIndex))
            let end = try #require(pdf.range(of: "endstream", range: start.upperBound..<pdf.endIndex))
            #expect(pdf.utf8[start.upperBound..<end.lowerBound].count == value)
            searchFrom = end.upperBound
            streams += 1
        }
        #expect(streams == 2)
    }

    @Test func textIsWindows1252WithParenthesesAndBackslashEscaped() {
        let pdf = text(twoPages().bytes())
        #expect(pdf.contains("BT /F1 10 Tf 10 400 Td (Gr\\374\\337e \\(f\\374r\\) \\\\ J\\366rg: 12 \\200) Tj ET\n"))
        #expect(pdf.contains("BT /F2 12 Tf 10 380 Td (Fett) Tj ET\n"))
        #expect(pdf.contains("0.5 w 10 370 m 270 370 l S\n"))
        #expect(pdf.contains("0.5 w 10 10 20 30 re S\n"))
        #expect(pdf.contains("0 0 2 10 re\n3 0 1 10 re\nf\n"))
    }

    @Test func unencodableCharactersPrintAsQuestionMarks() {
        var page = PDFPage(width: 100, height: 100)
        page.text("茶 🍵\nŁ", x: 0, y: 0, size: 8)
        var document = PDFDocument()
        document.add(page)
        #expect(text(document.bytes()).contains("(? ? L) Tj"))
        #expect(document.pageCount == 1)
    }

    @Test func helveticaWidthsAndMillimetres() {
        #expect(PDFPage.textWidth("Hello", size: 10) == 22.78)
        #expect(abs(PDFPage.textWidth("Hello", size: 10, bold: true) - 24.45) < 1e-9)
        #expect(PDFPage.textWidth("ä", size: 10) == PDFPage.textWidth("a", size: 10))
        #expect(PDFPage.mm(25.4) == 72)
        #expect(abs(PDFPage.a4Width - 595.2756) < 0.001)
        #expect(PDFPage.fitting("Ostfriesentee", width: PDFPage.textWidth("Ostfr…", size: 10), size: 10) == "Ostfr…")
        #expect(PDFPage.fitting("Tee", width: 100, size: 10) == "Tee")
    }

    @Test func popplerReadsTheText() throws {
        let pdftotext = try BarcodeScanner.tool("pdftotext", package: "poppler-utils")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t.pdf")
        try Data(twoPages().bytes()).write(to: file)
        let text = try BarcodeScanner.run(pdftotext, [file.path, "-"])
        #expect(text.contains("Grüße (für) \\ Jörg: 12 €"))
        #expect(text.contains("Fett"))
    }
}
