import Foundation
import KontorTestSupport
import Testing

/// The VAT cases booked by the `kontor` binary (docs/accounting.md, "VAT cases"): a Dutch
/// business with a VAT ID buys tax-free (8125), a Swiss consumer's order is a tax-free export
/// (8120), an Austrian consumer pays German VAT until the distance sales pass the threshold
/// and Austrian VAT after (8320/1767), a small business charges none (8195); the reports of
/// the period show them.
@Suite(.serialized) struct VATCaseEndToEndTests {
    static let products = """
        sku,name,price,vat_rate,weight_kg
        POT,Teekanne 1 l,119.00,19,1.2
        TEA,Assam Tee 250 g,10.70,7,0.3

        """
    static let count = "sku,counted\nPOT,100\nTEA,100\n"
    static let customers = """
        customer_id,name,email,vat_id,country,business
        K-NL,Theehuis Utrecht B.V.,inkoop@theehuis.example,NL823741234B01,NL,true
        K-BAD,Teehaus Graz GmbH,office@teehaus.example,ATU1234,AT,true
        K-CH,Urs Brunner,urs@example.ch,,CH,false
        K-AT,Eva Gruber,eva@example.at,,AT,false

        """
    static let header = "order_number,order_date,customer_id,customer_email,customer_name,ship_name,ship_street,ship_zip,ship_city,ship_country,payment_method,paid,shipping,sku,quantity,unit_price\n"

    static func order(_ number: String, _ customer: String, country: String, sku: String = "POT", price: String = "119.00") -> String {
        let (street, zip, city) = switch country {
        case "NL": ("Oudegracht 10", "3511 AB", "Utrecht")
        case "CH": ("Bahnhofstrasse 1", "8001", "Zürich")
        case "AT": ("Herrengasse 3", "8010", "Graz")
        default: ("Am Sande 2", "21335", "Lüneburg")
        }
        return "\(number),2026-11-10,\(customer),,,Empfang \(customer),\(street),\(zip),\(city),\(country),prepaid,true,0.00,\(sku),1,\(price)\n"
    }

    static let settings = """
        [shops.shop]
        oss_threshold = "150.00"

        [shops.shop.seller]
        legal_name = "Teekontor Lüneburg GmbH"
        street = "Am Sande 1"
        zip = "21335"
        city = "Lüneburg"
        vat_id = "DE123456789"
        tax_number = "33/123/45678"

        [shops.klein]
        small_business = true

        [shops.klein.seller]
        legal_name = "Teestube Klein"
        street = "Am Sande 5"
        zip = "21335"
        city = "Lüneburg"
        tax_number = "33/123/99999"

        """

    /// `account:debit:credit` of the entry of `document`, by account.
    static func postings(_ root: TemporaryRoot, document: String, shop: String = "shop") throws -> String {
        try sql(root, """
            SELECT group_concat(account || ':' || debit || ':' || credit, ' ') FROM (
                SELECT l.account, SUM(l.debit) AS debit, SUM(l.credit) AS credit FROM journal_lines l
                JOIN journal_entries e ON e.id = l.entry_id
                WHERE e.shop = '\(shop)' AND e.document = '\(document)' AND (e.text LIKE 'Rechnung %' OR e.text LIKE 'Rechnungskorrektur%')
                GROUP BY l.account ORDER BY l.account)
            """)
    }

    static func invoice(_ root: TemporaryRoot, order: String) throws -> String {
        try sql(root, "SELECT number FROM invoices WHERE kind = 'invoice' AND order_number = '\(order)'")
    }

    static func report(_ root: TemporaryRoot, _ name: String, shop: String = "shop", from: String = "2026-11-01",
                       to: String = "2026-11-30") throws -> [[String]] {
        let result = try KontorBinary.run(["report", name, "--shop", shop, "--from", from, "--to", to], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let text = try String(contentsOfFile: root.path + "/outbox/\(shop)/accounting/\(name)_\(from)_\(to).csv", encoding: .utf8)
        return text.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\r\n").flatMap { $0.split(separator: "\n") }
            .map { $0.split(separator: ";", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\"", with: "") } }
    }

    static func bookedRoot() throws -> (TemporaryRoot, CommandResult) {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", settings)
        for shop in ["shop", "klein"] {
            try root.write("inbox/\(shop)/01-products.csv", products, done: true)
            try root.write("inbox/\(shop)/02-count.csv", count, done: true)
            try root.write("inbox/\(shop)/03-customers.csv", customers, done: true)
        }
        try root.write("inbox/shop/04-orders.csv", header
                       + order("V1", "K-NL", country: "NL")
                       + order("V2", "K-CH", country: "CH")
                       + order("V3", "K-AT", country: "AT")
                       + order("V4", "K-AT", country: "AT")
                       + order("V5", "K-BAD", country: "AT", price: "11.90"), done: true)
        try root.write("inbox/klein/04-orders.csv", header + order("K1", "K-CH", country: "DE"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        return (root, result)
    }

    @Test func eachCaseIsPostedToItsAccounts() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        // A Dutch business with a VAT ID: the German VAT is taken out, 100.00 tax-free on 8125.
        let v1 = try Self.invoice(root, order: "V1")
        #expect(try Self.postings(root, document: v1) == "1400:10000:0 8125:0:10000")
        #expect(try sql(root, "SELECT gross || ':' || vat FROM invoices WHERE shop = 'shop' AND number = '\(v1)'") == "10000:0")
        #expect(try sql(root, "SELECT vat_case FROM orders WHERE order_number = 'V1'") == "intra-community NL823741234B01")
        // A Swiss consumer: a tax-free export on 8120.
        #expect(try Self.postings(root, document: Self.invoice(root, order: "V2")) == "1400:10000:0 8120:0:10000")
        // An Austrian consumer below the threshold of 150.00: German VAT.
        #expect(try Self.postings(root, document: Self.invoice(root, order: "V3")) == "1400:11900:0 1776:0:1900 8400:0:10000")
        // The next passes it (100.00 + 100.00 > 150.00): Austrian VAT, 20 % out of 119.00 = 19.83.
        #expect(try Self.postings(root, document: Self.invoice(root, order: "V4")) == "1400:11900:0 1767:0:1983 8320:0:9917")
        #expect(try sql(root, "SELECT vat_case FROM orders WHERE order_number = 'V4'") == "oss AT 2000 1000")
        // A business whose VAT ID lacks its country's shape is a buyer without one, with a warning:
        // beyond the threshold, Austrian VAT (11.90 at 20 %: 1.98).
        #expect(try Self.postings(root, document: Self.invoice(root, order: "V5")) == "1400:1190:0 1767:0:198 8320:0:992")
        #expect(try sql(root, "SELECT count(*) FROM batch_diagnostics WHERE code = 'order.vat-id'") == "1")
        #expect(try sql(root, "SELECT group_concat(year || ':' || net) FROM distance_sales WHERE shop = 'shop'") == "2026:20909")
        // A small business: no VAT, the price on 8195.
        #expect(try Self.postings(root, document: Self.invoice(root, order: "K1"), shop: "klein") == "1400:11900:0 8195:0:11900")
        // The payments reported with the orders settle the invoices to the cent.
        #expect(try sql(root, "SELECT count(*) FROM customer_balances WHERE open != 0") == "0")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    @Test func theInvoicesPrintTheLegalNote() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        func text(_ order: String, shop: String = "shop") throws -> String {
            let number = try Self.invoice(root, order: order)
            return try pdfText(root.path + "/outbox/\(shop)/invoices/2026/11/\(number).pdf")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        }
        let v1 = try text("V1")
        #expect(v1.contains("Steuerfreie innergemeinschaftliche Lieferung"), "\(v1)")
        #expect(v1.contains("§ 6a UStG") && v1.contains("DE123456789") && v1.contains("NL823741234B01"))
        #expect(v1.contains("100,00") && !v1.contains("119,00"))
        #expect(try text("V2").contains("Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a i. V. m. § 6 UStG)"))
        #expect(try text("K1", shop: "klein").contains("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."))
        let v4 = try text("V4")
        #expect(v4.contains("(§ 3c UStG): Umsatzsteuer AT 20 % / 10 %"), "\(v4)")
        #expect(v4.contains("99,17") && v4.contains("19,83") && v4.contains("119,00"))
    }

    @Test func theReportsOfThePeriodShowTheCases() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let vat = try Self.report(root, "vat-return")
        #expect(vat.first { $0[0] == "41" }?[2] == "100,00")
        #expect(vat.first { $0[0] == "43" }?[2] == "100,00")
        #expect(vat.first { $0[0] == "81" }?[2] == "100,00")
        #expect(vat.first { $0[0] == "83" }?[4] == "19,00", "the OSS VAT is not in the advance return")
        #expect(vat.contains { $0[1].hasPrefix("OSS AT 20 %") && $0[2] == "109,09" && $0[4] == "21,81" })
        let zm = try Self.report(root, "recapitulative-statement")
        #expect(zm.dropFirst().map { Array($0[1...4]) } == [["NL", "823741234B01", "100,00", "L"]])
        let oss = try Self.report(root, "oss-return")
        #expect(oss.dropFirst().map { $0 } == [["AT", "20", "109,09", "21,81"], ["Summe", "", "109,09", "21,81"]])
        #expect(try Self.report(root, "vat-return", shop: "klein").contains { $0[1].contains("8195") && $0[2] == "119,00" })
    }

    /// A return of a tax-free intra-community supply credits 8125 at the net, and takes the
    /// supply off the recapitulative statement.
    @Test func aReturnOfAnIntraCommunitySupplyCredits8125() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        try root.write("inbox/shop/05-returns.csv", "order_number,sku,quantity,reason,condition,date\nV1,POT,1,defekt,damaged,2026-11-20\n",
                       done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let note = try sql(root, "SELECT number FROM invoices WHERE kind = 'credit_note' AND order_number = 'V1'")
        #expect(try Self.postings(root, document: note) == "1400:0:10000 8125:10000:0")
        #expect(try sql(root, "SELECT kind || ':' || vat_id FROM invoice_vat_cases WHERE shop = 'shop' AND number = '\(note)'") == "intra-community:NL823741234B01")
        #expect(try Self.report(root, "recapitulative-statement").count == 1, "nothing left to report")
    }

    /// The DATEV file of the month passes the checker: the new revenue accounts are automatic
    /// accounts without a tax key, with the date of supply; the OSS VAT rides on 8320.
    @Test func theDATEVExportCarriesTheNewAccountsWithoutATaxKey() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let export = try KontorBinary.run(["report", "datev", "--shop", "shop", "--from", "2026-11-01", "--to", "2026-11-30"],
                                          root: root.path)
        #expect(export.status == 0, "\(export.stdout)\(export.stderr)")
        let read = DATEVChecker().read(try DATEVExportTests.bytes(root, "outbox/shop/datev/EXTF_Buchungsstapel_2026-11.csv"))
        #expect(read.problems.isEmpty, "\(read.problems.map(\.description).joined(separator: "\n"))")
        #expect(read.bookings.allSatisfy { $0.taxKey.isEmpty })
        let balances = DATEVExportTests.balances(read.bookings)
        #expect(balances[8125] == -10_000 && balances[8120] == -10_000)
        #expect(balances[8320] == -(11_900 + 1_190) && balances[1767] == nil)
    }

    /// Reverting the orders takes their distance sales off the running figure, and the OSS
    /// return of the period is empty again.
    @Test func aRevertTakesTheDistanceSalesBack() throws {
        let (root, result) = try Self.bookedRoot()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let batch = try sql(root, "SELECT id FROM batches WHERE file = '04-orders.csv' AND shop = 'shop'")
        let revert = try KontorBinary.run(["revert", batch, "--note", "falsch eingelesen"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try sql(root, "SELECT net FROM distance_sales WHERE shop = 'shop' AND year = 2026") == "0")
        #expect(try Self.report(root, "oss-return").dropFirst().map { $0 } == [["Summe", "", "0,00", "0,00"]])
        // The recapitulative statement goes by the date of the entries, as the VAT return: the
        // reversal, dated the day of the revert, takes the supply off that day's period.
        let reverted = try sql(root, "SELECT date FROM journal_entries WHERE text LIKE 'Storno: Rechnung%' LIMIT 1")
        let statement = try Self.report(root, "recapitulative-statement", from: reverted, to: reverted)
        #expect(statement.dropFirst().map { Array($0[1...3]) } == [["NL", "823741234B01", "-100,00"]])
    }

    /// With a threshold of 0.00 every sale to a consumer in another member state is an OSS
    /// sale: tea (7 % in Germany) to France at the French reduced rate of 5.5 %: 10.70 ×
    /// 5.5 / 105.5 = 0.5578 → 0.56 VAT, 10.14 net; the invoice and the OSS return print 5,5 %.
    @Test func aReducedRateWithDecimalsIsPrintedExactly() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings.replacingOccurrences(of: "oss_threshold = \"150.00\"", with: "oss_threshold = \"0.00\""))
        try root.write("inbox/shop/01-products.csv", Self.products, done: true)
        try root.write("inbox/shop/02-count.csv", Self.count, done: true)
        try root.write("inbox/shop/03-customers.csv", Self.customers + "K-FR,Claire Martin,claire@example.fr,,FR,false\n", done: true)
        try root.write("inbox/shop/04-orders.csv", Self.header + Self.order("F1", "K-FR", country: "FR", sku: "TEA", price: "10.70"),
                       done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let number = try Self.invoice(root, order: "F1")
        #expect(try Self.postings(root, document: number) == "1400:1070:0 1767:0:56 8320:0:1014")
        let text = try pdfText(root.path + "/outbox/shop/invoices/2026/11/\(number).pdf")
        #expect(text.contains("Umsatzsteuer 5,5 %") && text.contains("FR 20 % / 5.5 %"), "\(text)")
        #expect(try Self.report(root, "oss-return").dropFirst().first == ["FR", "5,5", "10,14", "0,56"])
    }
    /// An order on account of a customer the list does not know yet is held; when the list
    /// brings them, a Dutch business with a VAT ID, the case is decided again: tax-free.
    @Test func aHeldOrderIsDecidedAgainWhenItsCustomerComes() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings)
        try root.write("inbox/shop/01-products.csv", Self.products, done: true)
        try root.write("inbox/shop/02-count.csv", Self.count, done: true)
        try root.write("inbox/shop/03-orders.csv", Self.header
                       + Self.order("H1", "K-NEW", country: "NL").replacingOccurrences(of: "prepaid,true", with: "invoice,false"),
                       done: true)
        let first = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(try sql(root, "SELECT status || ':' || total_gross FROM orders WHERE order_number = 'H1'") == "held:11900")
        try root.write("inbox/shop/04-customers.csv", """
            customer_id,name,email,vat_id,country,business,credit_limit
            K-NEW,Theehuis Utrecht B.V.,inkoop@theehuis.example,NL823741234B01,NL,true,1000.00

            """, done: true)
        let second = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(try sql(root, "SELECT total_gross || ':' || vat_case FROM orders WHERE order_number = 'H1'")
                    == "10000:intra-community NL823741234B01")
        #expect(try Self.postings(root, document: Self.invoice(root, order: "H1")) == "1400:10000:0 8125:0:10000")
    }
}
