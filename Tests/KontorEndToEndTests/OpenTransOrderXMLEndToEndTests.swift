import Foundation
import KontorTestSupport
import Testing

/// A B2B shop's way: a BMEcat catalogue creates the articles, an openTRANS 2.1 order from a
/// business customer is booked net, on account, and ships.
@Suite struct OpenTransOrderXMLEndToEndTests {
    static func fixture(_ relative: String) throws -> String {
        try String(contentsOfFile: packageRoot + "/Tests/Fixtures/" + relative, encoding: .utf8)
    }

    /// Catalogue, stock count and order, in this order.
    static func dropFiles(into root: TemporaryRoot) throws {
        try root.write("inbox/buerowelt/01-katalog.xml", fixture("bmecat-1.2/katalog-buerowelt-2025.xml"), done: true)
        try root.write("inbox/buerowelt/02-inventur.csv", "sku,counted\nBM-2001,100\nBM-2002,40\nBM-2003,50\nBM-2004,1000\n", done: true)
        try root.write("inbox/buerowelt/03-bestellung.xml", fixture("opentrans-2.1-order/bestellung-PO-2025-0417.xml"), done: true)
    }

    /// With a default credit limit of 10 000 EUR the order on account is released: it is
    /// invoiced with VAT computed on the net prices and ships from stock.
    @Test func aCatalogueThenAnOrderOnAccountAreInvoicedAndShipped() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\n")
        try Self.dropFiles(into: root)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")

        #expect(try sql(root, "SELECT file || ':' || kind || ':' || dialect || ':' || status FROM batches ORDER BY id") == """
            01-katalog.xml:products:bmecat-1.2:applied
            02-inventur.csv:stock_count:kontor-csv:applied
            03-bestellung.xml:orders:opentrans-2.1-order:applied
            """)
        // Net list prices × 1.19 / 1.07, rounded per unit: 3.50 → 4.17, 14.95 → 16.00,
        // 2.1849 → 2.60, 4.90 per 10 pieces → 0.58.
        #expect(try sql(root, "SELECT sku, name, price_gross, vat_rate, weight_g, ean FROM articles ORDER BY sku") == """
            BM-2001|Kaffeebecher Porzellan 0,3 l weiß|417|19|320|4012345000016
            BM-2002|Espressobohnen „Hausmischung“ 1 kg|1600|7|1050|4012345000023
            BM-2003|Kaffeefilter Größe 4, 100 Stück|260|19||4012345000030
            BM-2004|Rührstäbchen Birke 14 cm|58|19||4012345000047
            """)
        #expect(try sql(root, """
            SELECT customer_id, name, email, coalesce(credit_limit, 'none'), payment_terms_days, vat_id, country, street, zip, city
            FROM customers
            """) == "K10023|Café Schönblick GmbH|einkauf@cafe-schoenblick.de|none|30|DE287654321|DE|Große Bäckerstraße 12|21335|Lüneburg")

        // 24 × 3.50 = 84.00 net + 15.96 VAT (19 %); 6 × 14.95 = 89.70 net + 6.28 VAT (7 %,
        // 6.279 rounded); due after the buyer's 30 days.
        #expect(try sql(root, "SELECT number, order_number, customer_key, date, due_date, net, vat, gross FROM invoices") ==
            "RE2025-00001|PO-2025-0417|K10023|2025-03-10|2025-04-09|17370|2224|19594")
        #expect(try sql(root, """
            SELECT account, SUM(debit), SUM(credit) FROM journal_lines
            WHERE entry_id = (SELECT entry_id FROM invoices WHERE number = 'RE2025-00001') GROUP BY account ORDER BY account
            """) == """
            1400|19594|0
            1771|0|628
            1776|0|1596
            8300|0|8970
            8400|0|8400
            """)
        #expect(try sql(root, "SELECT status, payment_method, price_basis, total_gross, invoice_number FROM orders") ==
            "shipped|invoice|net|19594|RE2025-00001")
        // NAME2 of the delivery party is the line between name and street.
        #expect(try sql(root, "SELECT ship_name, ship_addition, ship_street FROM orders") ==
            "Café Schönblick GmbH|Filiale Am Sande|Am Sande 47")
        #expect(try sql(root, "SELECT line, sku, quantity, unit_price, vat_rate FROM order_lines ORDER BY line") == """
            1|BM-2001|24|350|19
            2|BM-2002|6|1495|7
            """)
        #expect(try sql(root, """
            SELECT order_number, status, weight_g, ship_name, ship_addition, ship_street, ship_zip, ship_city, ship_country FROM shipments
            """) == "PO-2025-0417|ready|14180|Café Schönblick GmbH|Filiale Am Sande|Am Sande 47|21335|Lüneburg|DE")
        #expect(try sql(root, "SELECT sku, on_hand, reserved FROM stock_balances WHERE sku IN ('BM-2001', 'BM-2002') ORDER BY sku") == """
            BM-2001|76|0
            BM-2002|34|0
            """)
        #expect(try sql(root, "SELECT count(*) FROM credit_holds") == "0")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    /// Without a credit limit (the default is 0.00), the order on account is held: reserved,
    /// neither invoiced nor shipped; the customer is still created.
    @Test func withoutACreditLimitTheOrderIsHeld() throws {
        let root = try TemporaryRoot()
        try Self.dropFiles(into: root)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT status, total_gross, coalesce(invoice_number, 'none') FROM orders") == "held|19594|none")
        #expect(try sql(root, "SELECT order_number, customer_key, amount, credit_limit, status FROM credit_holds") ==
            "PO-2025-0417|K10023|19594|0|held")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "0")
        #expect(try sql(root, "SELECT customer_id FROM customers") == "K10023")
        #expect(try sql(root, "SELECT sku, on_hand, reserved FROM stock_balances WHERE sku IN ('BM-2001', 'BM-2002') ORDER BY sku") == """
            BM-2001|100|24
            BM-2002|40|6
            """)
    }

    /// A catalogue that gives no TAX for an article books it at the article's current rate,
    /// and a new article at the shop's `default_vat_rate`, each with a warning in the receipt.
    @Test func aCatalogueWithoutTaxTakesTheCurrentOrTheDefaultRate() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_vat_rate = 7\n")
        try root.write("inbox/buerowelt/01-products.csv", "sku,name,price,vat_rate\nBM-2001,Kaffeebecher,4.00,19\n", done: true)
        let catalogue = try Self.fixture("bmecat-1.2/katalog-buerowelt-2025.xml").replacingOccurrences(of: "<TAX>0.19</TAX>", with: "")
            .replacingOccurrences(of: "<TAX>0.07</TAX>", with: "")
        try root.write("inbox/buerowelt/02-katalog.xml", catalogue, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        // BM-2001 keeps its 19 %: 3.50 × 1.19 = 4.17; the new articles get 7 %: 14.95 → 16.00,
        // 2.1849 → 2.34, 4.90 per 10 → 0.52.
        #expect(try sql(root, "SELECT sku, price_gross, vat_rate FROM articles ORDER BY sku") == """
            BM-2001|417|19
            BM-2002|1600|7
            BM-2003|234|7
            BM-2004|52|7
            """)
        let receipt = try #require(root.list("outbox/buerowelt/receipts").first { $0.contains("02-katalog") }
            .flatMap { root.read("outbox/buerowelt/receipts/" + $0) })
        #expect(receipt.contains("article BM-2001 has no VAT rate in the file: booked at 19 %, its current rate, gross 4.17"))
        #expect(receipt.contains("article BM-2003 has no VAT rate in the file: booked at 7 %, the shop's default_vat_rate, gross 2.34"))
    }

    /// A BMEcat 2005 price update changes the gross prices of existing articles.
    @Test func aBMEcat2005PriceUpdateChangesPrices() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/buerowelt/01-katalog.xml", Self.fixture("bmecat-2005/katalog-teeservice-2025.xml"), done: true)
        try root.write("inbox/buerowelt/02-preise.xml", Self.fixture("bmecat-2005/preise-teeservice-2025-04.xml"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT sku, price_gross, vat_rate, coalesce(weight_g, ''), coalesce(ean, '') FROM articles ORDER BY sku") == """
            BM-3001|3100|19|850|4260123450106
            BM-3002|379|7||4260123450113
            BM-3003|690|19||
            """)
    }

    /// An openTRANS 1.0 order is rejected whole with a report that says what to send instead.
    @Test func anOpenTrans10OrderIsRejectedWithAReport() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/buerowelt/01-katalog.xml", Self.fixture("bmecat-1.2/katalog-buerowelt-2025.xml"), done: true)
        try root.write("inbox/buerowelt/02-bestellung-alt.xml", Self.fixture("opentrans-1.0-order/bestellung-4711.xml"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        let report = try #require(root.read("inbox/buerowelt/rejected/02-bestellung-alt.xml.errors.txt"))
        #expect(report.contains("""
            02-bestellung-alt.xml:1 /ORDER
              EN: openTRANS 1.0 orders are not supported; export the order as openTRANS 2.1
              DE: Bestellungen im Format openTRANS 1.0 werden nicht unterstützt; bitte die Bestellung als openTRANS 2.1 exportieren
            """))
        #expect(try sql(root, "SELECT count(*) FROM orders") == "0")
        #expect(try sql(root, "SELECT dialect || ':' || status FROM batches WHERE file = '02-bestellung-alt.xml'") == "opentrans-1.0-order:rejected")
    }
}
