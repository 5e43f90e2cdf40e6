import Foundation
import KontorTestSupport
import Testing

/// Files of a German spreadsheet (German column names, `;`, decimal commas, Windows-1252 or
/// UTF-8 with BOM) through the `kontor` binary.
@Suite struct GermanSpreadsheetCSVEndToEndTests {
    static let fixtures = packageRoot + "/Tests/Fixtures/german-spreadsheet-csv/"

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: fixtures + name))
    }

    @Test func kundenBestellungenAndZahlungen() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", teaCatalogueCSV, done: true)
        try root.write("inbox/shop/02-count.csv", teaCountCSV, done: true)
        try root.write("inbox/shop/03-kunden.csv", Self.fixture("kunden.csv"), done: true)
        try root.write("inbox/shop/04-bestellungen.csv", Self.fixture("bestellungen.csv"), done: true)
        var result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT file || ':' || status || ':' || kind || ':' || dialect FROM batches WHERE dialect = 'german-spreadsheet-csv' ORDER BY id") == """
            03-kunden.csv:applied:customers:german-spreadsheet-csv
            04-bestellungen.csv:applied:orders:german-spreadsheet-csv
            """)
        #expect(try sql(root, "SELECT credit_limit FROM customers WHERE customer_id = 'K-3001'") == "50000")

        // Vorkasse waits for its money with its goods reserved, not invoiced yet; PayPal (paid),
        // Rechnung and Nachnahme are released, invoiced and ship.
        #expect(try sql(root, "SELECT order_number || ':' || status || ':' || payment_method || ':' || total_gross || ':' || coalesce(invoice_number, '-') FROM orders ORDER BY id") == """
            2001:awaiting_payment:prepaid:3720:-
            2002:shipped:paypal:3160:RE2025-00001
            2003:shipped:invoice:13610:RE2025-00002
            2004:shipped:cod:1780:RE2025-00003
            """)
        #expect(try sql(root, "SELECT count(*) || ':' || sum(gross) FROM invoices WHERE kind = 'invoice'") == "3:18550")
        #expect(try sql(root, "SELECT sum(debit) FROM journal_lines WHERE account = 1360") == "3160")
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances ORDER BY sku") == """
            KAN-001:48:0
            SIE-001:50:1
            TAS-001:44:0
            TEE-001:46:0
            TEE-002:50:2
            """)

        // The bank's payments name the order and the invoice in their purpose text.
        try root.write("inbox/shop/05-zahlungen.csv", Self.fixture("zahlungen.csv"), done: true)
        result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT status || ':' || kind || ':' || dialect || ':' || records FROM batches WHERE file = '05-zahlungen.csv'") == "applied:payments:german-spreadsheet-csv:2")
        // The payment of 2001 releases it: invoiced on the day of the payment, and shipped.
        #expect(try sql(root, "SELECT status || ':' || invoice_number FROM orders WHERE order_number = '2001'") == "shipped:RE2025-00004")
        #expect(try sql(root, "SELECT date || ':' || gross FROM invoices WHERE number = 'RE2025-00004'") == "2025-03-12:3720")
        #expect(try sql(root, "SELECT sum(debit) FROM journal_lines WHERE account = 1200") == "17330")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines WHERE account = 1590") == "0")
        #expect(try sql(root, "SELECT sum(debit) - sum(credit) FROM journal_lines WHERE account = 1400") == "1780")
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances WHERE sku IN ('SIE-001', 'TEE-002') ORDER BY sku") == """
            SIE-001:49:0
            TEE-002:48:0
            """)
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "4")
    }

    @Test func artikelFromAGermanExcelInWindows1252() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-artikel.csv", Self.fixture("artikel.csv"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT kind || ':' || dialect || ':' || records FROM batches") == "products:german-spreadsheet-csv:6")
        #expect(try sql(root, "SELECT sku || '|' || name || '|' || price_gross || '|' || vat_rate || '|' || weight_g || '|' || cost FROM articles ORDER BY sku") == """
            KAN-001|Teekanne Steingut, 1,2 l|3490|19|1100|1400
            SAM-001|Samowar Messing, 5 l, mit Tablett|124900|19|4850|61250
            SIE-001|Teesieb Edelstahl für Kännchen|650|19|60|210
            TAS-001|Teetasse „Friesenrose“ 0,2 l|990|19|240|380
            TEE-001|Assam Hochland TGFOP, lose 250 g|890|7|280|320
            TEE-002|Darjeeling First Flush, lose 100 g|1290|7|120|540
            """)
    }
}
