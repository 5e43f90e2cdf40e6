extension DunningLetter {
    /// One line of the letter's body as it flows over the pages.
    private struct Row {
        var text: String
        var amount: String?
        var bold = false
        /// Millimetres from this row to the next.
        var advance = 5.0
    }

    /// The letter as A4 pages after DIN 5008: letterhead with the customer's address and
    /// the customer number and date beside it, the title, then per invoice what is open and
    /// what this letter charges, the total and the deadline; the seller's bank at the foot
    /// of every page. A long list continues on further pages.
    public func pages() -> [PDFPage] {
        let footer = A4Letter.footerLines(sellerFacts)
        let lowest = 297 - 28 - Double(max(footer.count, 1) - 1) * 3.2
        var pages: [PDFPage] = []
        var page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
        A4Letter.drawLetterhead(seller: seller.isEmpty ? [shopName] : seller, recipient: [customerName] + address.filter { !$0.isEmpty },
                                facts: [("Kundennummer", customerID), ("Datum", Self.german(date))], on: &page)
        page.text(title, x: A4Letter.left, y: A4Letter.top(100), size: 16, bold: true)
        var y = 112.0
        for row in rows {
            if y > lowest {
                pages.append(page)
                page = PDFPage(width: PDFPage.a4Width, height: PDFPage.a4Height)
                page.text(PDFPage.fitting("\(title) vom \(Self.german(date)) (Fortsetzung)", width: PDFPage.mm(165), size: 11, bold: true),
                          x: A4Letter.left, y: A4Letter.top(20), size: 11, bold: true)
                y = 32
            }
            page.text(row.text, x: A4Letter.left, y: A4Letter.top(y), size: 10, bold: row.bold)
            if let amount = row.amount { page.textRight(amount, x: A4Letter.right, y: A4Letter.top(y), size: 10, bold: row.bold) }
            y += row.advance
        }
        pages.append(page)
        return pages.enumerated().map { index, page in
            var page = page
            A4Letter.drawFooter(footer, on: &page)
            A4Letter.drawPageNumber(index, of: pages.count, on: &page)
            return page
        }
    }

    /// The body, line by line, wrapped to the page's width.
    private var rows: [Row] {
        let width = PDFPage.mm(165)
        func paragraph(_ text: String, bold: Bool = false, after: Double = 3) -> [Row] {
            var lines = A4Letter.wrapped(text, width: width, size: 10, bold: bold).map { Row(text: $0, bold: bold) }
            if !lines.isEmpty { lines[lines.count - 1].advance += after }
            return lines
        }
        var rows = paragraph("Sehr geehrte Damen und Herren,")
        rows += paragraph("nach unserer Buchhaltung sind die folgenden Rechnungen fällig und noch nicht (vollständig) bezahlt:", after: 4)
        for item in items {
            rows += paragraph("Rechnung \(item.invoice) vom \(Self.german(item.invoiceDate)), fällig am \(Self.german(item.dueDate)) – \(item.level)",
                              bold: true, after: 0)
            rows.append(Row(text: "    offen", amount: GermanFormat.euros(item.openBefore)))
            if item.fee > 0 { rows.append(Row(text: "    Mahngebühr", amount: GermanFormat.euros(item.fee))) }
            if item.interest > 0, let from = item.interestFrom, let through = item.interestThrough {
                let rates = item.interestRates.map(Self.percent).joined(separator: " / ")
                rows.append(Row(text: "    Verzugszinsen \(Self.german(from))–\(Self.german(through)) (\(rates) p. a.)",
                                amount: GermanFormat.euros(item.interest)))
            }
            if item.flatFee > 0 {
                rows.append(Row(text: "    Verzugspauschale (§ 288 Abs. 5 BGB)", amount: GermanFormat.euros(item.flatFee)))
            }
            rows.append(Row(text: "    zu zahlen", amount: GermanFormat.euros(item.total), bold: true, advance: 8))
        }
        rows.append(Row(text: "Gesamtbetrag", amount: GermanFormat.euros(total), bold: true, advance: 9))
        rows += paragraph("Bitte überweisen Sie den Gesamtbetrag bis zum \(Self.german(deadline)) unter Angabe der Rechnungsnummern.")
        rows += paragraph("Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.", after: 6)
        rows += paragraph("Mit freundlichen Grüßen", after: 0)
        rows.append(Row(text: seller.first ?? shopName))
        return rows
    }
}
