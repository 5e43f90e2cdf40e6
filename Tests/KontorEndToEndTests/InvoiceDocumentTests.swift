import Foundation
import KontorTestSupport
import Testing

/// The invoice documents of the samples: a PDF per invoice and per correction whose text,
/// as `pdftotext` extracts it, carries every field § 14 UStG requires, with the figures the
/// books hold.
@Suite(.serialized) struct InvoiceDocumentTests {
    /// `1234.56` from the books as `1.234,56` on the document.
    static func german(_ minor: Int) -> String {
        let euros = abs(minor) / 100, cents = abs(minor) % 100
        var digits = String(euros)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (minor < 0 ? "-" : "") + digits + grouped + "," + (cents < 10 ? "0" : "") + String(cents)
    }

    /// `2025-03-03` as `03.03.2025`.
    static func german(date: String) -> String {
        let p = date.split(separator: "-")
        return "\(p[2]).\(p[1]).\(p[0])"
    }

    /// The PDF's text; pdftotext at times drops the space of "7 %", which the document has.
    func text(of pdf: String) throws -> String {
        try pdfText(pdf).replacingOccurrences(of: "7%", with: "7 %").replacingOccurrences(of: "9%", with: "9 %")
    }

    @Test func everyInvoiceAndCorrectionOfTheSamplesHasAPDFWithEveryField() throws {
        let root = try TemporaryRoot(initialized: false)
        let demo = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        #expect(demo.status == 0, "\(demo.stdout)\(demo.stderr)")
        let rows = try sql(root, """
            SELECT i.number, i.kind, i.date, i.gross, i.order_number, coalesce(i.refers_to, ''),
                   coalesce((SELECT group_concat(rate || ':' || vat, ' ') FROM (
                       SELECT 7 AS rate, sum(credit - debit) AS vat FROM journal_lines WHERE entry_id = i.entry_id AND account = 1771
                       UNION ALL SELECT 19, sum(credit - debit) FROM journal_lines WHERE entry_id = i.entry_id AND account = 1776)
                     WHERE vat IS NOT NULL), '')
            FROM invoices i ORDER BY i.number
            """).split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count >= 10, "nine invoices and the corrections of the samples")
        for row in rows {
            let (number, kind, date, gross, order, refers) = (row[0], row[1], row[2], Int(row[3]) ?? 0, row[4], row[5])
            let pdf = root.path + "/outbox/teekontor/invoices/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/\(number).pdf"
            #expect(FileManager.default.fileExists(atPath: pdf), "\(number) has a PDF")
            let text = try text(of: pdf)
            // Seller, its tax number and VAT ID.
            for field in ["Teekontor Lüneburg GmbH", "Am Sande 1", "21335 Lüneburg", "33/123/45678", "DE123456789"] {
                #expect(text.contains(field), "\(number): \(field)")
            }
            // Number, date of issue, order.
            #expect(text.contains(number))
            #expect(text.contains(Self.german(date: date)), "\(number): date of issue")
            #expect(text.contains(order), "\(number): order \(order)")
            // The buyer, as the order or the customer list names them.
            let buyer = try sql(root, """
                SELECT coalesce((SELECT c.name FROM customers c JOIN invoices i ON i.customer_key = c.customer_id
                                 WHERE i.number = '\(number)'), (SELECT ship_name FROM orders WHERE order_number = '\(order)'))
                """)
            #expect(!buyer.isEmpty && text.contains(buyer), "\(number): buyer \(buyer)")
            // Rate and tax per rate, and the gross total as the books hold them.
            for pair in row[6].split(separator: " ") {
                let parts = pair.split(separator: ":")
                let (rate, vat) = (String(parts[0]), Int(parts[1]) ?? 0)
                #expect(text.contains("\(rate) %"), "\(number): rate \(rate)")
                #expect(text.contains(Self.german(vat)), "\(number): tax \(Self.german(vat)) at \(rate) %")
            }
            #expect(text.contains(Self.german(gross)), "\(number): gross \(Self.german(gross))")
            #expect(text.contains("Rechnungsbetrag"))
            if kind == "invoice" {
                #expect(text.contains("Rechnung"))
                // The delivery date: the day its goods left the stock.
                let shipped = try sql(root, "SELECT shipped_on FROM shipments WHERE order_number = '\(order)' AND status != 'cancelled'")
                #expect(text.contains("Leistungsdatum"))
                if !shipped.isEmpty { #expect(text.contains(Self.german(date: shipped)), "\(number): delivered \(shipped)") }
                // Quantity and description of every line.
                let lines = try sql(root, """
                    SELECT l.quantity, a.name FROM order_lines l JOIN orders o ON o.id = l.order_id
                    JOIN articles a ON a.shop = o.shop AND a.sku = l.sku WHERE o.order_number = '\(order)'
                    """).split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
                #expect(!lines.isEmpty)
                for line in lines {
                    #expect(text.contains(String(line[1].prefix(20))), "\(number): \(line[1])")
                    #expect(text.contains(line[0]), "\(number): quantity \(line[0])")
                }
            } else {
                #expect(text.contains("Rechnungskorrektur"))
                #expect(text.contains("Korrektur zu Rechnung \(refers)"), "\(number) cites \(refers)")
                #expect(!text.contains("Gutschrift"))
            }
        }
    }

    /// Without the seller in kontor.toml no invoice can be valid: no PDF, and a note that
    /// names what is missing.
    @Test func withoutTheSellerNoInvoiceIsWrittenAndTheNoteSaysWhatIsMissing() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV(prefix: "N", count: 2), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0)
        #expect(root.list("outbox/shop/invoices", recursive: true).filter { $0.hasSuffix(".pdf") }.isEmpty)
        let note = try #require(root.read("outbox/shop/invoices/SELLER-MISSING.txt"))
        #expect(note.contains("[shops.shop.seller] in kontor.toml lacks legal_name, street, zip, city, tax_number or vat_id"))
    }
}
