extension ShippingLabel {
    /// The label's width in points (100 mm).
    public static let pageWidth = PDFPage.mm(100)
    /// The label's height in points (150 mm).
    public static let pageHeight = PDFPage.mm(150)

    /// The label as a 100 × 150 mm PDF page, for a thermal printer printing at actual size.
    /// The reference barcode has modules of 0.33 mm (less if a long reference needs it),
    /// the SSCC's up to 0.5 mm; both keep quiet zones of 10 modules.
    public func page() -> PDFPage {
        let mm = PDFPage.mm
        let width = Self.pageWidth
        let left = mm(4)
        let usable = width - 2 * left
        var page = PDFPage(width: width, height: Self.pageHeight)
        func top(_ millimetres: Double) -> Double { Self.pageHeight - mm(millimetres) }

        var senderSize = 7.0
        while senderSize > 5, PDFPage.textWidth(senderLine, size: senderSize) > usable { senderSize -= 0.5 }
        page.text(PDFPage.fitting(senderLine, width: usable, size: senderSize), x: left, y: top(6), size: senderSize)
        page.line(from: (left, top(8.5)), to: (width - left, top(8.5)))

        page.text("Empfänger", x: left, y: top(12.5), size: 7)
        let recipientLeading = recipient.count > 6 ? 26.0 / Double(recipient.count - 1) : 5.6
        for (index, line) in recipient.enumerated() {
            let size = index == recipient.count - 1 && recipient.count > 1 ? 13.0 : 12.0
            page.text(PDFPage.fitting(line, width: usable, size: size, bold: true), x: left,
                      y: top(18 + Double(index) * recipientLeading), size: size, bold: true)
        }
        page.line(from: (left, top(50)), to: (width - left, top(50)))

        var detailsSize = 9.0
        while detailsSize > 6, PDFPage.textWidth(detailsLine, size: detailsSize) > usable { detailsSize -= 0.5 }
        page.text(PDFPage.fitting(detailsLine, width: usable, size: detailsSize), x: left, y: top(55.5), size: detailsSize)
        page.text(PDFPage.fitting(carrierLine, width: usable, size: 12, bold: true), x: left, y: top(62), size: 12, bold: true)
        page.line(from: (left, top(65)), to: (width - left, top(65)))

        let reference = Code128.printableASCII(shipmentReference)
        if let symbols = Code128.symbols(reference) {
            let modules = Code128.modules(symbols)
            drawBarcode(modules, on: &page, bottom: top(86), height: mm(16), maximumModule: mm(0.33))
        }
        page.textCentered(PDFPage.fitting(shipmentReference, width: usable, size: 9), x: width / 2, y: top(90), size: 9)

        if let sscc, let symbols = Code128.gs1(sscc.elementString) {
            page.line(from: (left, top(94)), to: (width - left, top(94)))
            page.text("SSCC", x: left, y: top(98), size: 7)
            drawBarcode(Code128.modules(symbols), on: &page, bottom: top(130), height: mm(30), maximumModule: mm(0.5))
            page.textCentered(sscc.humanReadable, x: width / 2, y: top(135), size: 11, bold: true)
        }
        return page
    }

    /// Draws `modules` centred across the label, with modules as wide as `maximumModule`
    /// or as narrow as the width less 10-module quiet zones on both sides needs.
    private func drawBarcode(_ modules: [Int], on page: inout PDFPage, bottom: Double, height: Double, maximumModule: Double) {
        let total = Double(modules.reduce(0, +))
        let moduleWidth = min(maximumModule, Self.pageWidth / (total + 20))
        page.barcode(modules, x: (Self.pageWidth - total * moduleWidth) / 2, y: bottom, moduleWidth: moduleWidth, height: height)
    }
}
