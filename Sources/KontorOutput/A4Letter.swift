/// The parts of a German A4 business letter after DIN 5008 form B that the documents sent to
/// a customer share: margins, the letterhead with return line, address window and facts
/// beside it, and the page number at the foot.
enum A4Letter {
    /// The left margin (25 mm), where the address window and the body start.
    static let left = PDFPage.mm(25)
    /// The right margin (20 mm from the edge), where right-aligned text ends.
    static let right = PDFPage.a4Width - PDFPage.mm(20)

    /// The height `millimetres` below the top edge, in points from the bottom.
    static func top(_ millimetres: Double) -> Double { PDFPage.a4Height - PDFPage.mm(millimetres) }

    /// The height `millimetres` above the bottom edge, in points.
    static func bottom(_ millimetres: Double) -> Double { PDFPage.mm(millimetres) }

    /// Draws the seller's lines top right (name bold), the return line over the address
    /// window, the recipient's lines in the window and the facts beside it: labels at
    /// `factsColumn` mm from the left margin, values (bold) `valueOffset` mm further right.
    static func drawLetterhead(seller: [String], recipient: [String], facts: [(label: String, value: String)],
                               factsColumn: Double = 110, valueOffset: Double = 18, on page: inout PDFPage) {
        for (index, line) in seller.enumerated() {
            let bold = index == 0
            let size = bold ? 12.0 : 9.0
            page.textRight(PDFPage.fitting(line, width: PDFPage.mm(90), size: size, bold: bold), x: right,
                           y: top(18 + Double(index) * 4.5 + (bold ? 0 : 1.5)), size: size, bold: bold)
        }
        let returnLine = seller.filter { !$0.isEmpty }.joined(separator: " · ")
        page.text(PDFPage.fitting(returnLine, width: PDFPage.mm(85), size: 7), x: left, y: top(49), size: 7)
        page.line(from: (left, top(50)), to: (left + PDFPage.mm(85), top(50)), width: 0.3)
        for (index, line) in recipient.enumerated() {
            page.text(PDFPage.fitting(line, width: PDFPage.mm(85), size: 10), x: left,
                      y: top(58 + Double(index) * 4.5), size: 10)
        }
        let valueX = left + PDFPage.mm(factsColumn + valueOffset)
        for (index, fact) in facts.enumerated() {
            let y = top(58 + Double(index) * 5)
            page.text(fact.label, x: left + PDFPage.mm(factsColumn), y: y, size: 9)
            page.text(PDFPage.fitting(fact.value, width: right - valueX, size: 9, bold: true), x: valueX,
                      y: y, size: 9, bold: true)
        }
    }

    /// Writes `Seite n von m` centred at the foot of the page.
    static func drawPageNumber(_ index: Int, of count: Int, on page: inout PDFPage) {
        page.textCentered("Seite \(index + 1) von \(count)", x: PDFPage.a4Width / 2, y: bottom(12), size: 8)
    }

    /// `s` broken at spaces into lines no wider than `width` points; a single word wider
    /// than that stands on its own line uncut.
    static func wrapped(_ s: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || PDFPage.textWidth(candidate, size: size, bold: bold) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The seller's facts (tax number, VAT ID, bank) packed into footer lines, each fact
    /// whole on one line.
    static func footerLines(_ facts: [String]) -> [String] {
        var lines: [String] = []
        for fact in facts where !fact.isEmpty {
            if let last = lines.last, PDFPage.textWidth(last + " · " + fact, size: 7) <= PDFPage.mm(165) {
                lines[lines.count - 1] = last + " · " + fact
            } else {
                lines.append(fact)
            }
        }
        return lines
    }

    /// Draws footer lines centred above the page number, under a thin rule.
    static func drawFooter(_ lines: [String], on page: inout PDFPage) {
        guard !lines.isEmpty else { return }
        let ruleHeight = 17 + Double(lines.count - 1) * 3.2 + 4
        page.line(from: (left, bottom(ruleHeight)), to: (right, bottom(ruleHeight)), width: 0.3)
        for (index, line) in lines.enumerated() {
            page.textCentered(line, x: PDFPage.a4Width / 2, y: bottom(17 + Double(lines.count - 1 - index) * 3.2), size: 7)
        }
    }
}
