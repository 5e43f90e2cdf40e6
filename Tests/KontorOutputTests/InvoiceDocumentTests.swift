import Foundation
import KontorOutput
import Testing

@Suite struct InvoiceDocumentTests {
    private static let seller = ["Teekontor Lüneburg GmbH", "Am Sande 1", "21335 Lüneburg"]
    private static let facts = ["Steuernummer 33/123/45678", "USt-IdNr. DE123456789", "IBAN DE02120300000000202051",
                                "BIC BYLADEM1001", "Geschäftsführerin: Anna Becker", "Amtsgericht Lüneburg HRB 12345"]

    /// Two lines at 7 %, one at 19 % and shipping, gross prices: net 7 % 23,36 + 2,74 (shipping
    /// share booked at 7 %) and 19 % 12,52, tax 1,64 + 0,19 and 2,38.
    private func invoice() -> InvoiceDocument {
        InvoiceDocument(
            title: "Rechnung", number: "RE2025-00001", date: "03.03.2025", deliveryDate: "28.02.2025",
            orderNumber: "A-1042", customerNumber: "K-0815", dueDate: "17.03.2025", corrects: nil,
            seller: Self.seller, sellerFacts: Self.facts,
            buyer: ["Erika Mustermann", "Hauptstraße 5", "10115 Berlin"],
            delivery: ["Max Mustermann", "Gartenweg 2", "14467 Potsdam"],
            lines: [
                .init(sku: "TEE-GRUEN-100", description: "Grüner Tee Sencha, 100 g", quantity: 2, unitPrice: 890, total: 1780, rate: 7),
                .init(sku: "TEE-SCHWARZ-250", description: "Assam Broken, 250 g", quantity: 1, unitPrice: 720, total: 720, rate: 7),
                .init(sku: "KANNE-1", description: "Teekanne Glas 1,2 l", quantity: 1, unitPrice: 1490, total: 1490, rate: 19),
            ],
            shipping: 490, pricesIncludeVAT: true,
            rates: [.init(rate: 7, net: 2794, vat: 196), .init(rate: 19, net: 1252, vat: 238)],
            net: 4046, vat: 434, gross: 4480,
            notes: ["Vielen Dank für Ihren Einkauf."])
    }

    /// The lines of `text` with runs of spaces folded into one (and the one before `%`,
    /// which pdftotext sometimes drops, put back).
    private func folded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "%", with: " %").split(separator: "\n")
            .map { $0.split(separator: " ").joined(separator: " ") }
    }

    @Test func everyFieldSection14Asks() throws {
        let pages = invoice().pages()
        #expect(pages.count == 1)
        #expect(abs(pages[0].width - 595.28) < 0.01 && abs(pages[0].height - 841.89) < 0.01)
        let text = try #require(PDFText.pages(pages).first)
        let lines = folded(text)
        func line(_ parts: String...) -> Bool { lines.contains { l in parts.allSatisfy { l.contains($0) } } }
        // Seller, buyer, tax number and VAT ID.
        for expected in ["Teekontor Lüneburg GmbH", "Am Sande 1", "21335 Lüneburg",
                         "Teekontor Lüneburg GmbH · Am Sande 1 · 21335 Lüneburg",
                         "Erika Mustermann", "Hauptstraße 5", "10115 Berlin",
                         "Steuernummer 33/123/45678", "USt-IdNr. DE123456789", "IBAN DE02120300000000202051",
                         "Lieferanschrift: Max Mustermann, Gartenweg 2, 14467 Potsdam",
                         "Rechnung RE2025-00001", "Die Preise enthalten die gesetzliche Umsatzsteuer.",
                         "Zahlbar bis 17.03.2025 ohne Abzug", "Vielen Dank für Ihren Einkauf.", "Seite 1 von 1"] {
            #expect(text.contains(expected), "\(expected) on the invoice")
        }
        #expect(line("Rechnungsnummer", "RE2025-00001"))
        #expect(line("Rechnungsdatum", "03.03.2025"))
        #expect(line("Leistungsdatum", "28.02.2025"))
        #expect(line("Bestellnummer", "A-1042"))
        #expect(line("Kundennummer", "K-0815"))
        #expect(!text.contains("entspricht dem Rechnungsdatum"))
        // Each line: position, quantity, description, unit price, rate, total.
        #expect(line("1 TEE-GRUEN-100 Grüner Tee Sencha, 100 g 2 8,90 € 7 % 17,80 €"))
        #expect(line("2 TEE-SCHWARZ-250 Assam Broken, 250 g 1 7,20 € 7 % 7,20 €"))
        #expect(line("3 KANNE-1 Teekanne Glas 1,2 l 1 14,90 € 19 % 14,90 €"))
        #expect(line("Versandkosten 4,90 €"))
        // The breakdown as booked, not recomputed from the lines.
        #expect(line("Nettobetrag 7 % 27,94 €"))
        #expect(line("Umsatzsteuer 7 % 1,96 €"))
        #expect(line("Nettobetrag 19 % 12,52 €"))
        #expect(line("Umsatzsteuer 19 % 2,38 €"))
        #expect(line("Gesamtbetrag netto 40,46 €"))
        #expect(line("Umsatzsteuer gesamt 4,34 €"))
        #expect(line("Rechnungsbetrag 44,80 €"))
    }

    @Test func netPricesWithoutDeliveryDateOrDueDate() throws {
        var document = invoice()
        document.pricesIncludeVAT = false
        document.deliveryDate = nil
        document.dueDate = nil
        document.customerNumber = nil
        document.delivery = nil
        let text = try #require(PDFText.pages(document.pages()).first)
        #expect(text.contains("Leistungsdatum: entspricht dem Rechnungsdatum"))
        #expect(!text.contains("Die Preise enthalten"))
        #expect(!text.contains("Zahlbar") && !text.contains("Bereits bezahlt"))
        #expect(!text.contains("Kundennummer") && !text.contains("Lieferanschrift"))
    }

    @Test func aCorrectionCitesTheInvoice() throws {
        var document = invoice()
        document.title = "Rechnungskorrektur"
        document.number = "GS2025-00001"
        document.corrects = "Korrektur zu Rechnung RE2025-00003 vom 04.03.2025"
        document.lines = [.init(sku: "KANNE-1", description: "Teekanne Glas 1,2 l", quantity: -1, unitPrice: 1490, total: -1490, rate: 19)]
        document.shipping = nil
        document.rates = [.init(rate: 19, net: -1252, vat: -238)]
        (document.net, document.vat, document.gross) = (-1252, -238, -1490)
        let text = try #require(PDFText.pages(document.pages()).first)
        let lines = folded(text)
        #expect(lines.contains("Rechnungskorrektur GS2025-00001"))
        let title = try #require(lines.firstIndex(of: "Rechnungskorrektur GS2025-00001"))
        #expect(lines[title + 1] == "Korrektur zu Rechnung RE2025-00003 vom 04.03.2025")
        #expect(lines.contains { $0.hasSuffix("KANNE-1 Teekanne Glas 1,2 l -1 14,90 € 19 % -14,90 €") })
        #expect(lines.contains { $0.hasSuffix("Umsatzsteuer 19 % -2,38 €") })
        #expect(lines.contains { $0.hasSuffix("Rechnungsbetrag -14,90 €") })
    }

    @Test func sixtyLinesRunOverPagesEachOnceTotalsOnTheLast() throws {
        var document = invoice()
        document.lines = (1...60).map {
            .init(sku: "TEE-\($0)", description: "Tee Nr. \($0)", quantity: $0, unitPrice: 100, total: $0 * 100, rate: 7)
        }
        let pages = document.pages()
        #expect(pages.count >= 2)
        let texts = try PDFText.pages(pages)
        #expect(texts.count == pages.count)
        for (index, text) in texts.enumerated() {
            #expect(text.contains("Seite \(index + 1) von \(pages.count)"))
            #expect(text.contains("Artikelnr.") && text.contains("Einzelpreis"))
            #expect(text.contains("USt-IdNr. DE123456789"))
            let last = index == texts.count - 1
            for total in ["Rechnungsbetrag", "Gesamtbetrag netto", "Nettobetrag 7 %", "Zahlbar bis"] {
                #expect(text.contains(total) == last, "\(total) on page \(index + 1)")
            }
        }
        #expect(texts[1].contains("Rechnung RE2025-00001 (Fortsetzung)"))
        let all = folded(texts.joined(separator: "\n"))
        for number in 1...60 {
            let rows = all.filter { $0.contains(" TEE-\(number) Tee Nr. \(number) \(number) 1,00 € 7 % ") }
            #expect(rows.count == 1, "TEE-\(number) once")
        }
        #expect(all.filter { $0.contains("Versandkosten") }.count == 1)
        #expect(all.filter { $0.contains("Rechnungsbetrag") }.count == 1)
    }

    @Test func longDescriptionsAreShortenedAmountsNever() throws {
        var document = invoice()
        document.pricesIncludeVAT = false
        document.lines = [.init(sku: "SAMOWAR-XL", description: "Samowar aus Messing, handgearbeitet, mit Tablett, Teekanne und zwölf Gläsern",
                                quantity: 120, unitPrice: 99_999_99, total: -1_199_999_88, rate: 19)]
        document.rates = [.init(rate: 19, net: -1_199_999_88, vat: -227_999_98)]
        (document.net, document.vat, document.gross) = (-1_199_999_88, -227_999_98, -1_427_999_86)
        let lines = folded(try #require(PDFText.pages(document.pages()).first))
        let row = try #require(lines.first { $0.contains("SAMOWAR-XL") })
        #expect(row.contains("Samowar aus Messing") && row.contains("…") && !row.contains("zwölf Gläsern"))
        #expect(row.hasSuffix(" 120 99.999,99 € 19 % -1.199.999,88 €"))
        #expect(lines.contains { $0.hasSuffix("Umsatzsteuer 19 % -227.999,98 €") })
        #expect(lines.contains { $0.hasSuffix("Rechnungsbetrag -1.427.999,86 €") })
    }

    @Test func theTotalsMoveOnWithTheLastRowWhenTheyDoNotFit() throws {
        func document(lines count: Int) -> InvoiceDocument {
            var document = invoice()
            document.lines = (1...count).map {
                .init(sku: "TEE-\($0)", description: "Tee Nr. \($0)", quantity: 1, unitPrice: 100, total: 100, rate: 7)
            }
            return document
        }
        // The first page holds 25 rows, 10 of them kept for the totals on the last page.
        #expect(document(lines: 14).pages().count == 1)
        let texts = try PDFText.pages(document(lines: 15).pages())
        #expect(texts.count == 2)
        #expect(texts[0].contains("TEE-15 ") && !texts[0].contains("Versandkosten") && !texts[0].contains("Rechnungsbetrag"))
        #expect(texts[1].contains("Versandkosten") && texts[1].contains("Rechnungsbetrag") && !texts[1].contains("TEE-"))
    }
}
