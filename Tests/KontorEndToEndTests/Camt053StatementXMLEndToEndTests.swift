import Foundation
import KontorTestSupport
import Testing

/// Bank statements in ISO 20022 camt.053 settle the shop's prepaid orders: the fixtures of
/// `Tests/Fixtures/camt.053.001.02` and `.08` against ten orders of the Teekontor.
@Suite struct Camt053StatementXMLEndToEndTests {
    static let products = """
        sku,name,price,vat_rate,weight_kg
        TEE-001,"Assam Hochland TGFOP, lose 250 g",8.90,7,0.280
        TEE-002,"Darjeeling First Flush, lose 100 g",12.90,7,0.120
        KAN-001,"Teekanne Steingut, 1,2 l",34.90,19,1.100
        TAS-001,"Teetasse ""Friesenrose"" mit Untertasse",9.90,19,0.350
        SIE-001,Teesieb Edelstahl für Kannen,4.50,19,0.040

        """

    static let count = """
        sku,counted
        TEE-001,100
        TEE-002,100
        KAN-001,100
        TAS-001,100
        SIE-001,100

        """

    /// Nine prepaid orders, not paid yet, and 1004 on account, from a shop whose own system
    /// issued the invoices (RE2025-00001 for 1001 to RE2025-00010 for 1010) and asked for the
    /// money in advance: customers name those numbers in their transfers.
    static let orders = """
        order_number,order_date,customer_id,customer_email,customer_name,ship_name,ship_street,ship_zip,ship_city,ship_country,payment_method,paid,shipping,sku,quantity,unit_price,invoice_number
        1001,2025-03-03,,anna.petersen@example.de,Anna Petersen,Anna Petersen,Heiligengeiststraße 12,21335,Lüneburg,DE,prepaid,false,4.90,TEE-001,2,8.90,RE2025-00001
        1002,2025-03-03,,joerg.baeumer@example.de,Jörg Bäumer,Jörg Bäumer,Weender Straße 41,37073,Göttingen,DE,prepaid,false,4.90,KAN-001,1,34.90,RE2025-00002
        1002,2025-03-03,,joerg.baeumer@example.de,Jörg Bäumer,Jörg Bäumer,Weender Straße 41,37073,Göttingen,DE,prepaid,false,,TAS-001,2,9.90,RE2025-00002
        1003,2025-03-03,,f.vonahlen@example.de,Dr. Friederike von Ahlen,Dr. Friederike von Ahlen,Am Ochsenmarkt 3,21335,Lüneburg,DE,prepaid,false,4.90,TEE-002,3,12.90,RE2025-00003
        1004,2025-03-04,K-2001,einkauf@cafe-rosengarten.example,Café Rosengarten GmbH,Café Rosengarten Filiale Celle,Zöllnerstraße 24,29221,Celle,DE,invoice,false,4.90,TEE-001,10,8.90,RE2025-00004
        1004,2025-03-04,K-2001,einkauf@cafe-rosengarten.example,Café Rosengarten GmbH,Café Rosengarten Filiale Celle,Zöllnerstraße 24,29221,Celle,DE,invoice,false,,KAN-001,2,34.90,RE2025-00004
        1005,2025-03-04,,h.schuette@example.de,Hannelore Schütte,Hannelore Schütte,Bardowicker Straße 7,21335,Lüneburg,DE,prepaid,false,4.90,TEE-002,1,12.90,RE2025-00005
        1005,2025-03-04,,h.schuette@example.de,Hannelore Schütte,Hannelore Schütte,Bardowicker Straße 7,21335,Lüneburg,DE,prepaid,false,,SIE-001,1,4.50,RE2025-00005
        1006,2025-03-04,,m.oeztuerk@example.de,Mehmet Öztürk,Mehmet Öztürk,Wilhelmsburger Straße 88,21107,Hamburg,DE,prepaid,false,4.90,TAS-001,4,9.90,RE2025-00006
        1007,2025-03-05,,lea.hinrichs@example.de,Lea Hinrichs,Lea Hinrichs,Friedrichstraße 2,24937,Flensburg,DE,prepaid,false,4.90,TEE-001,1,8.90,RE2025-00007
        1008,2025-03-05,,g.luettjohann@example.de,Gerda Lüttjohann,Gerda Lüttjohann,Süderstraße 15,25813,Husum,DE,prepaid,false,0.00,KAN-001,2,34.90,RE2025-00008
        1009,2025-03-05,,sven.carstensen@example.de,Sven Carstensen,Inge Carstensen,Rosenweg 9,24103,Kiel,DE,prepaid,false,4.90,TEE-002,2,12.90,RE2025-00009
        1010,2025-03-05,,j.woehlke@example.de,Jannik Wöhlke,Jannik Wöhlke,Große Bäckerstraße 19,21335,Lüneburg,DE,prepaid,false,4.90,SIE-001,2,4.50,RE2025-00010
        1010,2025-03-05,,j.woehlke@example.de,Jannik Wöhlke,Jannik Wöhlke,Große Bäckerstraße 19,21335,Lüneburg,DE,prepaid,false,,TEE-001,1,8.90,RE2025-00010

        """

    /// A root with the catalogue, the stock and the ten orders booked; 1004, on account,
    /// is released under the default credit limit and has shipped.
    static func rootWithOrders() throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\ninvoices = \"shop\"\n")
        try root.write("inbox/teekontor/01-products.csv", products, done: true)
        try root.write("inbox/teekontor/02-count.csv", count, done: true)
        try root.write("inbox/teekontor/03-orders.csv", orders, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT count(*) FROM invoices WHERE kind = 'invoice'") == "10")
        #expect(try sql(root, "SELECT group_concat(order_number) FROM shipments") == "1004")
        return root
    }

    /// The fixture's bytes, dropped into the inbox as `name`, then a run.
    static func book(_ fixture: String, as name: String, into root: TemporaryRoot) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/" + fixture))
        try root.write("inbox/teekontor/" + name, data, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }

    /// What each invoice still has open on receivables (1400), `RE2025-00001|0` per line.
    static func openItems(_ root: TemporaryRoot) throws -> String {
        try sql(root, """
            SELECT document, SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400
            GROUP BY document ORDER BY document
            """)
    }

    @Test func aSparkasseStatementInVersion02SettlesItsOrdersAndBooksTheRent() throws {
        let root = try Self.rootWithOrders()
        try Self.book("camt.053.001.02/2025-03-05-sparkasse-lueneburg.xml", as: "04-kontoauszug-2025-03-05.xml", into: root)

        #expect(try sql(root, "SELECT status || ':' || kind || ':' || dialect || ':' || records FROM batches WHERE file = '04-kontoauszug-2025-03-05.xml'")
            == "applied:payments:camt.053.001.02:7")
        // 1001, 1003, 1005 and 1006 by their order number, invoice number or creditor
        // reference; 1004 (on account) by the invoice number in its remittance text.
        #expect(try Self.openItems(root) == """
            RE2025-00001|0
            RE2025-00002|5960
            RE2025-00003|0
            RE2025-00004|0
            RE2025-00005|0
            RE2025-00006|0
            RE2025-00007|1380
            RE2025-00008|6980
            RE2025-00009|3070
            RE2025-00010|2280
            """)
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "5")
        #expect(try sql(root, "SELECT group_concat(order_number) FROM (SELECT order_number FROM shipments ORDER BY order_number)")
            == "1001,1003,1004,1005,1006")
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = '1007'") == "awaiting_payment")
        // The payments went to the bank, the rent out of it onto 1590 for a person to assign.
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "-115320")
        #expect(try sql(root, """
            SELECT l.account, l.debit, l.credit FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE e.document = '2025030500174415' ORDER BY l.account
            """) == "1200|0|145000\n1590|145000|0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1590") == "145000")
        #expect(try sql(root, "SELECT account, date, amount, currency, counterparty, text, reference FROM bank_transactions")
            == "DE48240501100057012345|2025-03-05|-145000|EUR|Hanse Immobilien Lüneburg GmbH & Co. KG|Miete März 2025 Lager und Büro Am Sande 14, Mietvertrag 2019/0347|2025030500174415")
        #expect(try sql(root, "SELECT account, date, amount, currency FROM bank_balances")
            == "DE48240501100057012345|2025-03-05|1132695|EUR")
        // The pending credit of 1007 is reported, not booked.
        #expect(try sql(root, """
            SELECT d.severity, d.code FROM batch_diagnostics d JOIN batches b ON b.id = d.batch_id
            WHERE b.file = '04-kontoauszug-2025-03-05.xml'
            """) == "warning|camt.not-booked")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    /// The statement's transfer for 1001 brings money the shop already reported with
    /// `paid=true`: it clears 1360 instead of paying the invoice a second time.
    @Test func aTransferForAnOrderTheShopReportedPaidClearsTheClearingAccount() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\n")
        try root.write("inbox/teekontor/01-products.csv", Self.products, done: true)
        try root.write("inbox/teekontor/02-count.csv", Self.count, done: true)
        try root.write("inbox/teekontor/03-orders.csv", Self.orders.replacingOccurrences(of: "DE,prepaid,false,4.90,TEE-001,2,8.90",
                                                                                          with: "DE,prepaid,true,4.90,TEE-001,2,8.90"), done: true)
        _ = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360") == "2270")
        try Self.book("camt.053.001.02/2025-03-05-sparkasse-lueneburg.xml", as: "04-kontoauszug-2025-03-05.xml", into: root)
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400 AND document = 'RE2025-00001'") == "0")
        // The bank holds the same money as when 1001 was paid by this transfer alone.
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "-115320")
        #expect(try sql(root, "SELECT count(*) FROM batch_diagnostics WHERE code = 'payment.overpaid'") == "0")
        #expect(try sql(root, "SELECT count(*) FROM customer_balances WHERE open < 0") == "0")
    }

    /// Money paid back to a customer by transfer, naming the order, is a refund paid.
    @Test func aDebitNamingAnOrderIsARefundToItsCustomer() throws {
        let root = try Self.rootWithOrders()
        try Self.book("camt.053.001.02/2025-03-05-sparkasse-lueneburg.xml", as: "04-kontoauszug-2025-03-05.xml", into: root)
        let statement = try #require(String(data: Data(contentsOf: URL(fileURLWithPath: packageRoot
            + "/Tests/Fixtures/camt.053.001.02/2025-03-05-sparkasse-lueneburg.xml")), encoding: .utf8))
        // A statement of one debit, the rent line turned into 5.00 paid back to the customer of 1003.
        let head = try #require(statement.range(of: "</Acct>\n")).upperBound
        let debit = try #require(statement.range(of: "<CdtDbtInd>DBIT</CdtDbtInd>"))
        let start = try #require(statement.range(of: "<Ntry>", options: .backwards, range: statement.startIndex..<debit.lowerBound))
        let end = try #require(statement.range(of: "</Ntry>\n", range: debit.upperBound..<statement.endIndex))
        let entry = String(statement[start.lowerBound..<end.upperBound]).replacingOccurrences(of: "1450.00", with: "5.00")
            .replacingOccurrences(of: "Hanse Immobilien Lüneburg GmbH &amp; Co. KG", with: "Dr. Friederike von Ahlen")
            .replacingOccurrences(of: "<Ustrd>Miete März 2025 Lager und Büro</Ustrd>", with: "<Ustrd>Erstattung Bestellung 1003</Ustrd>")
            .replacingOccurrences(of: "<Ustrd>Am Sande 14, Mietvertrag 2019/0347</Ustrd>", with: "")
        let refund = String(statement[..<head]) + "      " + entry + "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n"
        try root.write("inbox/teekontor/05-kontoauszug.xml", refund, done: true)
        _ = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(try sql(root, """
            SELECT l.account, l.debit, l.credit FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            JOIN batches b ON b.id = e.batch_id WHERE b.file = '05-kontoauszug.xml' AND e.text LIKE 'Erstattung%' ORDER BY l.account
            """) == "1200|0|500\n1400|500|0")
        #expect(try sql(root, "SELECT customer_key || ':' || document || ':' || amount || ':' || channel FROM refunds")
                == "f.vonahlen@example.de:RE2025-00003:500:bank")
    }

    @Test func aVolksbankStatementInVersion08SettlesItsOrdersAndBooksTheSupplier() throws {
        let root = try Self.rootWithOrders()
        try Self.book("camt.053.001.08/2025-03-06-volksbank-lueneburger-heide.xml", as: "04-kontoauszug-2025-03-06.xml", into: root)

        #expect(try sql(root, "SELECT status || ':' || dialect FROM batches WHERE file = '04-kontoauszug-2025-03-06.xml'")
            == "applied:camt.053.001.08")
        #expect(try Self.openItems(root) == """
            RE2025-00001|2270
            RE2025-00002|0
            RE2025-00003|4360
            RE2025-00004|16370
            RE2025-00005|2230
            RE2025-00006|4450
            RE2025-00007|0
            RE2025-00008|0
            RE2025-00009|0
            RE2025-00010|2280
            """)
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "5")
        #expect(try sql(root, "SELECT group_concat(order_number) FROM (SELECT order_number FROM shipments ORDER BY order_number)")
            == "1002,1004,1007,1008,1009")
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = '1010'") == "awaiting_payment")
        #expect(try sql(root, """
            SELECT l.account, l.debit, l.credit FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE e.document = 'VB20250306003104' ORDER BY l.account
            """) == "1200|0|48671\n1590|48671|0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "-31281")
        #expect(try sql(root, "SELECT account, date, amount, currency, counterparty, text, reference FROM bank_transactions")
            == "DE15240603001122334400|2025-03-06|-48671|EUR|Teehandelshaus Brückner & Söhne KG|Rechnung 88417 vom 20.02.2025 Kd-Nr. 30077|VB20250306003104")
        #expect(try sql(root, "SELECT account, date, amount, currency FROM bank_balances")
            == "DE15240603001122334400|2025-03-06|790156|EUR")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    /// Without a reference rate for its day, an entry in another currency cannot be booked
    /// in euros: the statement waits, rejected whole, for the rates to come first.
    @Test func aStatementWithAnEntryInACurrencyWithoutRateIsRejectedWhole() throws {
        let root = try Self.rootWithOrders()
        let path = packageRoot + "/Tests/Fixtures/camt.053.001.08/2025-03-06-volksbank-lueneburger-heide.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #"<Amt Ccy="EUR">13.80</Amt>"#, with: #"<Amt Ccy="CHF">13.80</Amt>"#)
        try root.write("inbox/teekontor/04-kontoauszug.xml", text, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        let report = try #require(root.read("inbox/teekontor/rejected/04-kontoauszug.xml.errors.txt"))
        #expect(report.contains("no reference rate for CHF on 2025-03-06 or the 4 days before"))
        #expect(report.contains("eurofxref"))
        #expect(try sql(root, "SELECT count(*) FROM bank_transactions") == "0")
        #expect(try sql(root, "SELECT count(*) FROM bank_balances") == "0")
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "1")
    }
}
