extension DeliveryNote {
    /// Lines the first page holds, and each further page.
    static let firstPageRows = 25
    static let furtherPageRows = 39

    /// The delivery note as A4 pages: letterhead, address and facts, the title
    /// `Lieferschein`, then the lines (position, article number, name, quantity) and their
    /// total; lines that do not fit continue on further pages with the table header repeated.
    public func pages() -> [PDFPage] {
        let chunks = TablePagination.chunks(count: lines.count, first: Self.firstPageRows,
                                            further: Self.furtherPageRows, reserveOnLast: 2)
        return chunks.enumerated().map { pageIndex, range in
            var page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
            let tableTop: Double
            if pageIndex == 0 {
                A4Letter.drawLetterhead(seller: seller, recipient: recipient, facts: facts, on: &page)
                page.text("Lieferschein", x: A4Letter.left, y: A4Letter.top(100), size: 16, bold: true)
                tableTop = 112
            } else {
                page.text(PDFPage.fitting("Lieferschein · Sendung \(shipmentReference) (Fortsetzung)", width: PDFPage.mm(165), size: 11, bold: true),
                          x: A4Letter.left, y: A4Letter.top(20), size: 11, bold: true)
                tableTop = 32
            }
            drawTable(range, on: &page, top: tableTop, last: pageIndex == chunks.count - 1)
            A4Letter.drawPageNumber(pageIndex, of: chunks.count, on: &page)
            return page
        }
    }

    private func drawTable(_ range: Range<Int>, on page: inout PDFPage, top: Double, last: Bool) {
        let size = 9.0
        let columns = (position: A4Letter.left, sku: A4Letter.left + PDFPage.mm(12), name: A4Letter.left + PDFPage.mm(50))
        func row(_ y: Double, _ position: String, _ sku: String, _ name: String, _ quantity: String, bold: Bool) {
            page.textRight(position, x: columns.sku - PDFPage.mm(3), y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(sku, width: PDFPage.mm(36), size: size, bold: bold), x: columns.sku, y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(name, width: PDFPage.mm(98), size: size, bold: bold), x: columns.name, y: y, size: size, bold: bold)
            page.textRight(quantity, x: A4Letter.right, y: y, size: size, bold: bold)
        }
        row(A4Letter.top(top), "Pos.", "Artikelnr.", "Bezeichnung", "Menge", bold: true)
        page.line(from: (A4Letter.left, A4Letter.top(top + 2)), to: (A4Letter.right, A4Letter.top(top + 2)))
        var y = top + 7
        for index in range {
            let line = lines[index]
            row(A4Letter.top(y), String(index + 1), line.sku, line.name, String(line.quantity), bold: false)
            y += 6
        }
        if last {
            page.line(from: (A4Letter.left, A4Letter.top(y - 4)), to: (A4Letter.right, A4Letter.top(y - 4)))
            row(A4Letter.top(y + 1), "", "", "Gesamtmenge", String(totalQuantity), bold: true)
        }
    }
}
