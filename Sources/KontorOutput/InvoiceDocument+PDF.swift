extension InvoiceDocument {
    /// The invoice as A4 pages: letterhead with address and facts, the title with number,
    /// then the lines (position, article number, name, quantity, unit price, rate, total) and
    /// shipping; rows that do not fit continue on further pages with the table header
    /// repeated. The last page ends with the totals per rate and overall, the payment line
    /// and the notes. Every page has the seller's facts and `Seite n von m` at its foot.
    public func pages() -> [PDFPage] {
        let footer = footerLines
        let bottomLimit = 297 - 25 - Double(max(footer.count, 1) - 1) * 3.2
        let intro = introLines
        let firstTop = 107 + Double(intro.count) * 5.5 + 5
        func capacity(from top: Double) -> Int { max(1, Int((bottomLimit - (top + 7)) / Self.rowStep) + 1) }
        let further = capacity(from: Self.furtherTop)
        let trailer = trailerLines
        let trailerHeight = trailer.reduce(0) { $0 + $1.gapBefore + $1.step }
        let reserve = min(Int((trailerHeight / Self.rowStep).rounded(.up)), further - 1)
        let chunks = TablePagination.chunks(count: rowCount, first: capacity(from: firstTop), further: further,
                                            reserveOnLast: reserve)
        return chunks.enumerated().map { pageIndex, range in
            var page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
            let tableTop: Double
            if pageIndex == 0 {
                A4Letter.drawLetterhead(seller: seller, recipient: buyer, facts: facts, factsColumn: 100,
                                        valueOffset: 31, on: &page)
                page.text(PDFPage.fitting("\(title) \(number)", width: PDFPage.mm(165), size: 16, bold: true),
                          x: A4Letter.left, y: A4Letter.top(100), size: 16, bold: true)
                for (index, line) in intro.enumerated() {
                    page.text(line, x: A4Letter.left, y: A4Letter.top(107 + Double(index) * 5.5), size: 10)
                }
                tableTop = firstTop
            } else {
                page.text(PDFPage.fitting("\(title) \(number) (Fortsetzung)", width: PDFPage.mm(165), size: 11, bold: true),
                          x: A4Letter.left, y: A4Letter.top(20), size: 11, bold: true)
                tableTop = Self.furtherTop
            }
            var y = drawTable(range, on: &page, top: tableTop)
            if pageIndex == chunks.count - 1 {
                page.line(from: (A4Letter.left, A4Letter.top(y - 4)), to: (A4Letter.right, A4Letter.top(y - 4)))
                y += 1
                for line in trailer {
                    y += line.gapBefore
                    drawTrailerLine(line, at: y, on: &page)
                    y += line.step
                }
            }
            drawFooter(footer, on: &page)
            A4Letter.drawPageNumber(pageIndex, of: chunks.count, on: &page)
            return page
        }
    }

    /// Millimetres from one table row to the next, and where the table starts on further pages.
    private static let rowStep = 6.0
    private static let furtherTop = 32.0

    /// Table rows: the lines, then shipping where there is a charge.
    private var rowCount: Int { lines.count + (shipping == nil ? 0 : 1) }

    /// The lines under the title: the invoice corrected, the date of delivery where it is
    /// the date of issue, the delivery address where there is one.
    private var introLines: [String] {
        var texts: [String] = []
        if let corrects { texts.append(corrects) }
        if deliveryDate == nil { texts.append("Leistungsdatum: entspricht dem Rechnungsdatum") }
        if let delivery {
            texts.append("Lieferanschrift: " + delivery.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        return texts.flatMap { A4Letter.wrapped($0, width: PDFPage.mm(165), size: 10) }
    }

    /// The seller's facts packed into footer lines.
    private var footerLines: [String] { A4Letter.footerLines(sellerFacts) }

    private func drawFooter(_ lines: [String], on page: inout PDFPage) { A4Letter.drawFooter(lines, on: &page) }

    /// Draws the header and the rows in `range`; returns where the next row would stand.
    private func drawTable(_ range: Range<Int>, on page: inout PDFPage, top: Double) -> Double {
        let size = 8.5
        func x(_ millimetres: Double) -> Double { A4Letter.left + PDFPage.mm(millimetres) }
        func row(_ y: Double, _ cells: [String], bold: Bool) {
            page.textRight(cells[0], x: x(8), y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(cells[1], width: PDFPage.mm(32), size: size, bold: bold), x: x(10), y: y, size: size, bold: bold)
            page.text(PDFPage.fitting(cells[2], width: PDFPage.mm(53), size: size, bold: bold), x: x(44), y: y, size: size, bold: bold)
            page.textRight(cells[3], x: x(108), y: y, size: size, bold: bold)
            page.textRight(cells[4], x: x(130), y: y, size: size, bold: bold)
            page.textRight(cells[5], x: x(143), y: y, size: size, bold: bold)
            page.textRight(cells[6], x: x(165), y: y, size: size, bold: bold)
        }
        row(A4Letter.top(top), ["Pos.", "Artikelnr.", "Bezeichnung", "Menge", "Einzelpreis", "USt", "Gesamt"], bold: true)
        page.line(from: (A4Letter.left, A4Letter.top(top + 2)), to: (A4Letter.right, A4Letter.top(top + 2)))
        var y = top + 7
        for index in range {
            if index < lines.count {
                let line = lines[index]
                row(A4Letter.top(y), [String(index + 1), line.sku, line.description, String(line.quantity),
                                      GermanFormat.euros(line.unitPrice), "\(line.rateText ?? String(line.rate)) %", GermanFormat.euros(line.total)],
                    bold: false)
            } else if let shipping {
                row(A4Letter.top(y), ["", "", "Versandkosten", "", "", "", GermanFormat.euros(shipping)], bold: false)
            }
            y += Self.rowStep
        }
        return y
    }

    /// One line under the table: a label with its amount in the totals block, or text
    /// from the left margin.
    private struct TrailerLine {
        var text: String
        var amount: String?
        var bold = false
        var gapBefore = 0.0
        var step = 5.0
    }

    /// The totals per rate and overall, then the note on gross prices, the payment line and
    /// the notes, wrapped.
    private var trailerLines: [TrailerLine] {
        var out: [TrailerLine] = []
        for total in rates {
            out.append(TrailerLine(text: "Nettobetrag \(total.rateText ?? String(total.rate)) %", amount: GermanFormat.euros(total.net)))
            out.append(TrailerLine(text: "Umsatzsteuer \(total.rateText ?? String(total.rate)) %", amount: GermanFormat.euros(total.vat)))
        }
        out.append(TrailerLine(text: "Gesamtbetrag netto", amount: GermanFormat.euros(net), gapBefore: rates.isEmpty ? 0 : 1))
        out.append(TrailerLine(text: "Umsatzsteuer gesamt", amount: GermanFormat.euros(vat)))
        out.append(TrailerLine(text: "Rechnungsbetrag", amount: GermanFormat.euros(gross), bold: true, gapBefore: 1))
        var paragraphs: [String] = []
        if pricesIncludeVAT { paragraphs.append("Die Preise enthalten die gesetzliche Umsatzsteuer.") }
        if let dueDate { paragraphs.append("Zahlbar bis \(dueDate) ohne Abzug") }
        paragraphs += notes
        for (index, paragraph) in paragraphs.enumerated() {
            for (lineIndex, text) in A4Letter.wrapped(paragraph, width: PDFPage.mm(165), size: 9).enumerated() {
                out.append(TrailerLine(text: text, gapBefore: index == 0 && lineIndex == 0 ? 4 : 0, step: 4.5))
            }
        }
        return out
    }

    private func drawTrailerLine(_ line: TrailerLine, at y: Double, on page: inout PDFPage) {
        if let amount = line.amount {
            if line.bold {
                page.line(from: (A4Letter.left + PDFPage.mm(90), A4Letter.top(y - 4)), to: (A4Letter.right, A4Letter.top(y - 4)),
                          width: 0.3)
            }
            page.text(line.text, x: A4Letter.left + PDFPage.mm(90), y: A4Letter.top(y), size: 9, bold: line.bold)
            page.textRight(amount, x: A4Letter.right, y: A4Letter.top(y), size: 9, bold: line.bold)
        } else {
            page.text(line.text, x: A4Letter.left, y: A4Letter.top(y), size: 9, bold: line.bold)
        }
    }
}
