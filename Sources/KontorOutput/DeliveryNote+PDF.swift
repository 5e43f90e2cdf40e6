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
                drawLetterhead(on: &page)
                tableTop = 112
            } else {
                page.text(PDFPage.fitting("Lieferschein · Sendung \(shipmentReference) (Fortsetzung)", width: mmWidth(165), size: 11, bold: true),
                          x: Self.left, y: Self.top(20), size: 11, bold: true)
                tableTop = 32
            }
            drawTable(range, on: &page, top: tableTop, last: pageIndex == chunks.count - 1)
            page.textCentered("Seite \(pageIndex + 1) von \(chunks.count)", x: PDFPage.a4Width / 2, y: PDFPage.mm(12), size: 8)
            return page
        }
    }

    private static let left = PDFPage.mm(25)
    private static let right = PDFPage.a4Width - PDFPage.mm(20)
    private static func top(_ millimetres: Double) -> Double { PDFPage.a4Height - PDFPage.mm(millimetres) }
    private func mmWidth(_ millimetres: Double) -> Double { PDFPage.mm(millimetres) }

    private func drawLetterhead(on page: inout PDFPage) {
        for (index, line) in seller.enumerated() {
            let bold = index == 0
            let size = bold ? 12.0 : 9.0
            page.textRight(PDFPage.fitting(line, width: mmWidth(90), size: size, bold: bold), x: Self.right,
                           y: Self.top(18 + Double(index) * 4.5 + (bold ? 0 : 1.5)), size: size, bold: bold)
        }
        let returnLine = seller.filter { !$0.isEmpty }.joined(separator: " · ")
        page.text(PDFPage.fitting(returnLine, width: mmWidth(85), size: 7), x: Self.left, y: Self.top(49), size: 7)
        page.line(from: (Self.left, Self.top(50)), to: (Self.left + mmWidth(85), Self.top(50)), width: 0.3)
        for (index, line) in recipient.enumerated() {
            page.text(PDFPage.fitting(line, width: mmWidth(85), size: 10), x: Self.left,
                      y: Self.top(58 + Double(index) * 4.5), size: 10)
        }
        for (index, fact) in facts.enumerated() {
            let y = Self.top(58 + Double(index) * 5)
            page.text(fact.label, x: Self.left + mmWidth(110), y: y, size: 9)
            page.text(PDFPage.fitting(fact.value, width: mmWidth(37), size: 9, bold: true), x: Self.left + mmWidth(128),
                      y: y, size: 9, bold: true)
        }
        page.text("Lieferschein", x: Self.left, y: Self.top(100), size: 16, bold: true)
    }

    private func drawTable(_ range: Range<Int>, on page: inout PDFPage, top: Double, last: Bool) {
        let size = 9.0
        let columns = (position: Self.left, sku: Self.left + mmWidth(12), name: Self.left + mmWidth(50))
        func row(_ y: Double, _ position: String, _ sku: String, _ name: String, _ quantity: String, bold: Bool) {
            page.textRight(position, x: columns.sku - mmWidth(3), y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(sku, width: mmWidth(36), size: size, bold: bold), x: columns.sku, y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(name, width: mmWidth(98), size: size, bold: bold), x: columns.name, y: y, size: size, bold: bold)
            page.textRight(quantity, x: Self.right, y: y, size: size, bold: bold)
        }
        row(Self.top(top), "Pos.", "Artikelnr.", "Bezeichnung", "Menge", bold: true)
        page.line(from: (Self.left, Self.top(top + 2)), to: (Self.right, Self.top(top + 2)))
        var y = top + 7
        for index in range {
            let line = lines[index]
            row(Self.top(y), String(index + 1), line.sku, line.name, String(line.quantity), bold: false)
            y += 6
        }
        if last {
            page.line(from: (Self.left, Self.top(y - 4)), to: (Self.right, Self.top(y - 4)))
            row(Self.top(y + 1), "", "", "Gesamtmenge", String(totalQuantity), bold: true)
        }
    }
}
