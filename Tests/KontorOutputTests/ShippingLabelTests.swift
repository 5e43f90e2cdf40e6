import Foundation
import KontorOutput
import Testing

@Suite struct ShippingLabelTests {
    private func label(sscc: SSCC? = SSCC("340123450000000017"), reference: String = "SH-2026-000123") -> ShippingLabel {
        ShippingLabel(
            sender: ["Teehaus Nord GmbH", "Hafenstraße 3", "20457 Hamburg"],
            recipient: ["Erika Mustermann", "c/o Müller", "Hauptstraße 5", "10115 Berlin"],
            weightGrams: 2400, orderNumber: "A-1042", invoiceNumber: "RE2026-0007",
            parcel: 1, parcels: 2, shipmentReference: reference, sscc: sscc,
            carrier: "DHL", service: "Paket")
    }

    @Test func detailLines() {
        #expect(label().detailsLine == "Auftrag A-1042 · Rechnung RE2026-0007 · 2,4 kg · Paket 1/2")
        var withoutInvoice = label()
        withoutInvoice.invoiceNumber = nil
        withoutInvoice.weightGrams = 1000
        #expect(withoutInvoice.detailsLine == "Auftrag A-1042 · 1 kg · Paket 1/2")
        #expect(label().senderLine == "Teehaus Nord GmbH · Hafenstraße 3 · 20457 Hamburg")
        #expect(label().carrierLine == "DHL Paket")
        #expect(ShippingLabel.kilograms(2450) == "2,45")
        #expect(ShippingLabel.kilograms(5) == "0,005")
        #expect(ShippingLabel.kilograms(0) == "0")
        #expect(ShippingLabel.kilograms(12_000) == "12")
    }

    @Test func pdfPageIs100By150Millimetres() {
        let page = label().page()
        #expect(abs(page.width - 283.465) < 0.01)
        #expect(abs(page.height - 425.197) < 0.01)
    }

    /// The label printed as a scanner sees it: pdftoppm at 300 dpi, then zbarimg.
    @Test func scannerReadsTheReferenceAndTheSSCC() throws {
        var document = PDFDocument()
        document.add(label().page())
        let codes = try BarcodeScanner.scan(pdf: document.bytes(), name: "label")
        #expect(codes.count == 2)
        #expect(codes.contains("SH-2026-000123"))
        // zbarimg reads GS1-128 as the element string, FNC1 not shown.
        #expect(codes.contains("00340123450000000017"))
    }

    /// A 203-dpi thermal printer draws a 0.33 mm module as 2 or 3 dots; the codes still read.
    @Test func scannerReadsTheLabelPrintedAt203Dpi() throws {
        var document = PDFDocument()
        document.add(label().page())
        let codes = try BarcodeScanner.scan(pdf: document.bytes(), name: "label", dpi: 203)
        #expect(codes.sorted() == ["00340123450000000017", "SH-2026-000123"])
    }

    @Test func withoutSSCCOnlyTheReference() throws {
        var document = PDFDocument()
        document.add(label(sscc: nil, reference: "Rücksendung 7").page())
        #expect(try BarcodeScanner.scan(pdf: document.bytes(), name: "label") == ["R?cksendung 7"])
    }

    @Test func textOnThePDFLabel() throws {
        let pdftotext = try BarcodeScanner.tool("pdftotext", package: "poppler-utils")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-label-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("label.pdf")
        var document = PDFDocument()
        document.add(label().page())
        try Data(document.bytes()).write(to: file)
        let text = try BarcodeScanner.run(pdftotext, ["-layout", file.path, "-"])
        for expected in ["Teehaus Nord GmbH · Hafenstraße 3 · 20457 Hamburg", "Erika Mustermann", "c/o Müller",
                         "Hauptstraße 5", "10115 Berlin", "Auftrag A-1042 · Rechnung RE2026-0007 · 2,4 kg · Paket 1/2",
                         "DHL Paket", "SH-2026-000123", "(00) 340123450000000017"] {
            #expect(text.contains(expected), "\(expected) on the label")
        }
    }
}
