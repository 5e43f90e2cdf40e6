import Foundation
import KontorOutput
import Testing

@Suite struct DeliveryNoteTests {
    private func note(lines count: Int) -> DeliveryNote {
        DeliveryNote(
            seller: ["Teehaus Nord GmbH", "Hafenstraße 3", "20457 Hamburg", "info@teehaus-nord.de"],
            recipient: ["Erika Mustermann", "Hauptstraße 5", "10115 Berlin"],
            shipmentReference: "SH-2026-000123", orderNumber: "A-1042", invoiceNumber: "RE2026-0007",
            date: "03.12.2026", parcels: 2,
            lines: (1...count).map { DeliveryNote.Line(sku: "TEE-\($0)", name: "Grüner Tee Nr. \($0), 100 g", quantity: $0 % 3 + 1) })
    }

    @Test func onePageWithEverythingButPrices() throws {
        let pages = note(lines: 3).pages()
        #expect(pages.count == 1)
        #expect(abs(pages[0].width - 595.28) < 0.01 && abs(pages[0].height - 841.89) < 0.01)
        let text = try #require(PDFText.pages(pages).first)
        for expected in ["Lieferschein", "Teehaus Nord GmbH", "Erika Mustermann", "Hauptstraße 5", "10115 Berlin",
                         "03.12.2026", "SH-2026-000123", "A-1042", "RE2026-0007", "TEE-2", "Grüner Tee Nr. 2, 100 g",
                         "Gesamtmenge", "Seite 1 von 1"] {
            #expect(text.contains(expected), "\(expected) on the note")
        }
        #expect(!text.contains("€") && !text.contains("EUR") && !text.contains("Preis"))
        // Quantities 2, 3, 1: total 6.
        #expect(text.split(separator: "\n").contains { $0.contains("Gesamtmenge") && $0.hasSuffix(" 6") })
    }

    @Test func longListsContinueOnFurtherPages() throws {
        let pages = note(lines: 100).pages()
        // 25 on the first page, 39 on the second, 36 and the total on the third.
        #expect(pages.count == 3)
        let texts = try PDFText.pages(pages)
        #expect(texts.count == 3)
        for (index, text) in texts.enumerated() {
            #expect(text.contains("Seite \(index + 1) von 3"))
            #expect(text.contains("Artikelnr."))
        }
        #expect(texts[1].contains("Lieferschein · Sendung SH-2026-000123 (Fortsetzung)"))
        #expect(texts[0].contains("TEE-25 ") && !texts[0].contains("TEE-26 "))
        #expect(texts[1].contains("TEE-26 ") && texts[1].contains("TEE-64 ") && !texts[1].contains("TEE-65 "))
        #expect(texts[2].contains("TEE-100 ") && texts[2].contains("Gesamtmenge"))
        #expect(!texts[1].contains("Gesamtmenge"))
        let all = texts.joined()
        for number in 1...100 {
            #expect(all.components(separatedBy: "TEE-\(number) ").count == 2, "TEE-\(number) once")
        }
    }

    @Test func theTotalNeverStandsAloneAndAFullPageMovesALineOn() {
        #expect(note(lines: 23).pages().count == 1)
        #expect(note(lines: 24).pages().count == 2)
        #expect(note(lines: 25).pages().count == 2)
        var empty = note(lines: 1)
        empty.lines = []
        #expect(empty.pages().count == 1)
    }
}
