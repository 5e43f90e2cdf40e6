extension ShippingLabel {
    /// The label as ZPL II for a 203-dpi printer: 800 × 1200 dots (100 × 150 mm at
    /// 8 dots per millimetre), UTF-8 field data (`^CI28`), the reference as Code 128 in
    /// subset B and the SSCC as GS1-128 (`>;>800` and its 18 digits).
    public func zpl() -> String {
        var label = ZPL(widthDots: 800, lengthDots: 1200)
        let left = 40
        let usable = 720

        label.comment("Absender")
        label.text(senderLine, x: left, y: 30, height: Self.fontHeight(senderLine, fitting: usable, atMost: 26))
        label.box(x: left, y: 68, width: usable, height: 3, thickness: 3)

        label.comment("Empfänger")
        label.text("Empfänger", x: left, y: 85, height: 24)
        let leading = recipient.count > 6 ? 324 / recipient.count : 54
        for (index, line) in recipient.enumerated() {
            label.text(line, x: left, y: 120 + index * leading, height: Self.fontHeight(line, fitting: usable, atMost: min(48, leading - 4)))
        }
        label.box(x: left, y: 455, width: usable, height: 3, thickness: 3)

        label.comment("Auftrag")
        label.text(detailsLine, x: left, y: 475, height: Self.fontHeight(detailsLine, fitting: usable, atMost: 32))
        label.text(carrierLine, x: left, y: 522, height: Self.fontHeight(carrierLine, fitting: usable, atMost: 44))
        label.box(x: left, y: 580, width: usable, height: 3, thickness: 3)

        label.comment("Sendungsreferenz, Code 128")
        let reference = Code128.printableASCII(shipmentReference)
        let referenceModules = 11 * reference.count + 35
        let referenceModule = referenceModules * 3 <= usable ? 3 : 2
        label.code128(reference, x: max(0, (800 - referenceModules * referenceModule) / 2), y: 610,
                      moduleWidth: referenceModule, height: 120)

        if let sscc {
            label.comment("SSCC als GS1-128: Start C, FNC1, AI 00, 18 Ziffern")
            label.box(x: left, y: 785, width: usable, height: 3, thickness: 3)
            label.text("SSCC", x: left, y: 800, height: 24)
            let ssccModules = Code128.modules(Code128.gs1(sscc.elementString) ?? []).reduce(0, +)
            label.gs1128(digits: sscc.elementString, x: (800 - ssccModules * 3) / 2, y: 835, moduleWidth: 3, height: 200)
            label.text(sscc.humanReadable, x: (800 - Int(PDFPage.textWidth(sscc.humanReadable, size: 36))) / 2, y: 1055, height: 36)
        }
        return label.string
    }

    /// The largest font height up to `atMost` at which `text` fits `width` dots, going by
    /// Helvetica's widths (font 0 is narrower), but no less than 18 dots.
    private static func fontHeight(_ text: String, fitting width: Int, atMost: Int) -> Int {
        let perDot = PDFPage.textWidth(text, size: 1)
        guard perDot > 0 else { return atMost }
        return max(18, min(atMost, Int(Double(width) / perDot)))
    }
}
