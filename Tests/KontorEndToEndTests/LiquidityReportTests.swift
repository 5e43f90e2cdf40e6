import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KontorTestSupport
import Testing

/// `kontor report liquidity`: thirteen weeks of the bank balance of a small shop, from the
/// closing balance of its CAMT.053 statement, with its open invoices on account, a goods
/// receipt and the weekly wages from the settings.
@Suite struct LiquidityReportTests {
    var today: String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// `2026-12-03` as `03.12.2026`.
    func german(_ iso: String) -> String {
        let p = iso.split(separator: "-")
        return "\(p[2]).\(p[1]).\(p[0])"
    }

    /// A statement of 2025-03-06 whose closing balance is 2,000.00, after a bank fee of 5.00.
    static let statement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>LIQ-1</MsgId><CreDtTm>2025-03-06T23:17:02.0+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>LIQ-2025-1</Id>
              <CreDtTm>2025-03-06T23:17:02.0+01:00</CreDtTm>
              <Acct><Id><IBAN>DE15240603001122334400</IBAN></Id><Ccy>EUR</Ccy></Acct>
              <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2005.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-05</Dt></Dt></Bal>
              <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">2000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-06</Dt></Dt></Bal>
              <Ntry>
                <Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-03-06</Dt></BookgDt><ValDt><Dt>2025-03-06</Dt></ValDt>
                <AcctSvcrRef>LIQ20250306001</AcctSvcrRef>
                <NtryDtls><TxDtls><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                  <RmtInf><Ustrd>Kontoführung Februar</Ustrd></RmtInf></TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>

        """

    /// The shop: 2,000.00 in the bank; K-1 owes 93.90 due in 14 days and K-2 49.80 due in 30
    /// (both new customers, counted in full on their due date); 10 teapots received today at
    /// 12.00 net, paid with 19 % VAT after 30 days: 142.80; wages of 200.00 each Wednesday;
    /// the threshold 1,000.00.
    func shop() throws -> TemporaryRoot {
        let root = try stockedRoot()
        try root.write("kontor.toml", """
            [shops.shop.liquidity]
            threshold = "1000.00"
            supplier_payment_days = 30
            [shops.shop.liquidity.costs.wages]
            amount = "200.00"
            every = "week"
            day = 3

            """)
        try root.write("inbox/shop/03-kontoauszug.xml", Self.statement, done: true)
        try root.write("inbox/shop/04-customers.csv", """
            customer_id,name,email,credit_limit,payment_terms_days
            K-1,Anna Petersen,anna@example.de,1000.00,14
            K-2,Café Ahrens GmbH,info@cafe-ahrens.example,1000.00,30

            """, done: true)
        try root.write("inbox/shop/05-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            L-1,\(today),K-1,invoice,false,4.90,TEA,10,8.90
            L-2,\(today),K-2,invoice,false,0.00,POT,2,24.90

            """, done: true)
        try root.write("inbox/shop/06-receipt.csv", "sku,received,cost\nPOT,10,12.00\n", done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try sql(root, "SELECT group_concat(customer_key || ':' || due_date || ':' || gross, ' ') FROM invoices")
                == "K-1:\(day(14)):9390 K-2:\(day(30)):4980")
        return root
    }

    /// The day `days` after today.
    func day(_ days: Int) -> String {
        let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: days, to: Date())!
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The rows of a German CSV of the root (UTF-8 with a BOM) without its header, split into cells.
    func rows(_ relative: String, in root: TemporaryRoot) throws -> [[String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: root.path + "/" + relative))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM, for a German spreadsheet")
        return String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func theForecastWeekByWeek() throws {
        let root = try shop()
        let report = try KontorBinary.run(["report", "liquidity", "--shop", "shop"], root: root.path)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        #expect(report.stdout.contains("wrote outbox/shop/credit/liquidity.csv"))
        #expect(report.stdout.contains("wrote outbox/shop/credit/liquidity.svg"))

        let weeks = try rows("outbox/shop/credit/liquidity.csv", in: root)
        #expect(try #require(root.read("outbox/shop/credit/liquidity.csv")).contains(
            "Woche;von;bis;Anfangsbestand;Eingänge;Ausgänge;Endbestand;Warnung\r\n"))
        #expect(weeks.count == 13)
        #expect(weeks.first?.prefix(3) == ["1", german(today), german(day(6))])
        #expect(weeks.last?.prefix(3) == ["13", german(day(84)), german(day(90))])
        // Week 1 from 2,000.00 less the wages; week 3 brings K-1's 93.90, week 5 K-2's 49.80
        // and the supplier's 142.80; from week 6 on the balance is below 1,000.00.
        #expect(weeks.map { $0[3...7].joined(separator: " ") } == [
            "2000,00 0,00 200,00 1800,00 ",
            "1800,00 0,00 200,00 1600,00 ",
            "1600,00 93,90 200,00 1493,90 ",
            "1493,90 0,00 200,00 1293,90 ",
            "1293,90 49,80 342,80 1000,90 ",
            "1000,90 0,00 200,00 800,90 unter Schwelle",
            "800,90 0,00 200,00 600,90 unter Schwelle",
            "600,90 0,00 200,00 400,90 unter Schwelle",
            "400,90 0,00 200,00 200,90 unter Schwelle",
            "200,90 0,00 200,00 0,90 unter Schwelle",
            "0,90 0,00 200,00 -199,10 unter Schwelle",
            "-199,10 0,00 200,00 -399,10 unter Schwelle",
            "-399,10 0,00 200,00 -599,10 unter Schwelle",
        ])
        #expect(report.stdout.contains("""
            warning: shop shop: the liquidity forecast falls below the threshold of 1000.00 in week 6 (\(day(35)) to \(day(41))): \
            800.90; weeks below: 6, 7, 8, 9, 10, 11, 12, 13
            """), "\(report.stdout)")

        // What week 5 is made of.
        let flows = try rows("outbox/shop/credit/liquidity-flows.csv", in: root).filter { $0[0] == "5" }
        #expect(flows.map { $0[3] }.sorted() == ["-142,80", "-200,00", "49,80"])
        #expect(flows.contains { $0[1] == german(day(30)) && $0[2] == "supplier invoice: 10 × POT received \(today)" })

        // The chart: well-formed SVG with 13 bars, 8 of them red, and the threshold line.
        let svg = try #require(root.read("outbox/shop/credit/liquidity.svg"))
        let parser = XMLParser(data: Data(svg.utf8))
        let census = ElementCensus()
        parser.delegate = census
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(census.elements["svg"] == 1)
        #expect(census.elements["rect.bar"] == 13)
        #expect(census.elements["line.threshold"] == 1)
        #expect(svg.split(separator: "\n").filter { $0.contains("class=\"bar\"") && $0.contains("#c0392b") }.count == 8)
        // The same books give the same bytes.
        #expect(try KontorBinary.run(["report", "liquidity", "--shop", "shop"], root: root.path).status == 0)
        #expect(root.read("outbox/shop/credit/liquidity.svg") == svg)
    }

    /// `--date` starts the forecast on another day: on 10 March 2025 the invoices and the goods
    /// of today were not there yet, and the statement of 6 March gives the balance.
    @Test func aForecastFromAnotherDay() throws {
        let root = try shop()
        let report = try KontorBinary.run(["report", "liquidity", "--shop", "shop", "--date", "2025-03-10"], root: root.path)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        let weeks = try rows("outbox/shop/credit/liquidity.csv", in: root)
        #expect(weeks.first?.prefix(4) == ["1", "10.03.2025", "16.03.2025", "2000,00"])
        #expect(weeks.last?[6] == "-600,00")
        #expect(weeks.allSatisfy { $0[4] == "0,00" && $0[5] == "200,00" })
    }

    /// The settings' opening balance takes the place of the statements only when it is of a
    /// later day than all of them.
    @Test func aLaterOpeningBalanceInTheSettingsWinsOverAnOlderStatement() throws {
        let root = try shop()
        for (day, opening) in [("2025-03-07", "3000,00"), ("2025-03-06", "2000,00"), ("2025-03-01", "2000,00")] {
            try root.write("kontor.toml", "[shops.shop.liquidity]\nopening_balance = \"3000.00\"\nopening_date = \"\(day)\"\n")
            let report = try KontorBinary.run(["report", "liquidity", "--shop", "shop"], root: root.path)
            #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
            #expect(try rows("outbox/shop/credit/liquidity.csv", in: root).first?[3] == opening, "opening_date \(day)")
        }
    }

    /// Without a statement, the settings' opening balance is where the forecast starts; with
    /// neither, the report says so.
    @Test func theOpeningBalanceFromTheSettings() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop.liquidity]\nopening_balance = \"750.00\"\nopening_date = \"2025-01-01\"\n")
        var report = try KontorBinary.run(["report", "liquidity", "--shop", "shop"], root: root.path)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        #expect(try rows("outbox/shop/credit/liquidity.csv", in: root).map { $0[6] }.allSatisfy { $0 == "750,00" })
        #expect(!report.stdout.contains("warning"))
        try root.write("kontor.toml", "")
        report = try KontorBinary.run(["report", "liquidity", "--shop", "shop"], root: root.path)
        #expect(report.stdout.contains("""
            warning: shop shop: no bank balance known: the forecast starts from 0.00; bring a CAMT.053 statement or set \
            opening_balance in [shops.shop.liquidity]
            """), "\(report.stdout)")
    }
}

/// Counts the elements of an XML document by name and class.
final class ElementCensus: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name + (attributes["class"].map { "." + $0 } ?? ""), default: 0] += 1
    }
}
