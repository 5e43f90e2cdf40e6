import Foundation

/// A PDF 1.4 file of `PDFPage`s, written without compression and with the standard fonts
/// Helvetica and Helvetica-Bold in WinAnsiEncoding (nothing embedded).
public struct PDFDocument: Sendable {
    private var pages: [PDFPage] = []

    /// An empty document.
    public init() {}

    /// Adds `page` after the pages already added.
    public mutating func add(_ page: PDFPage) {
        pages.append(page)
    }

    /// How many pages the document has.
    public var pageCount: Int { pages.count }

    /// The PDF file: catalog (object 1), page tree (2), the two fonts (3, 4), then each
    /// page followed by its content stream; the cross-reference table gives each object's
    /// byte offset.
    public func bytes() -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        func object(_ body: String) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let pageIDs = pages.indices.map { 5 + 2 * $0 }
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        for (page, id) in zip(pages, pageIDs) {
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(PDFPage.number(page.width)) \(PDFPage.number(page.height))]"
                + " /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(id + 1) 0 R >>")
            let stream = page.content
            object("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream")
        }
        let xref = out.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        return out
    }
}
