import Foundation
import KontorTestSupport
import Testing

/// A shop that sells in Swiss francs: the ECB's reference rates come as files, an order in
/// CHF is booked in euros at the rate of its day (or held until that rate comes), the
/// statement of the shop's CHF account is booked in euros at the rate of its day, and the
/// payment of the order at another rate gives the exchange difference to the cent.
@Suite struct ForeignCurrencyEndToEndTests {
    /// The ECB's history file, shortened to two days and three currencies, as published.
    static let history = """
        Date,USD,JPY,CHF,
        2024-03-20,1.0844,164.47,0.9400,
        2024-03-13,1.0939,161.83,0.9599,

        """

    /// Two orders of K-CH on account in CHF: CH-1 of 13 March (2 × 24.90 + 9.90 shipping =
    /// 59.70 CHF), CH-2 of 2 April (3 × 8.90 = 26.70 CHF), a day no rate is known for yet.
    static let orders = """
        order_number,order_date,customer_id,customer_email,customer_name,ship_name,ship_street,ship_zip,ship_city,ship_country,payment_method,paid,shipping,sku,quantity,unit_price,currency
        CH-1,2024-03-13,K-CH,einkauf@teehaus-basel.example,Teehaus Basel AG,Teehaus Basel AG,Lindenstraße 4,79539,Lörrach,DE,invoice,false,9.90,POT,2,24.90,CHF
        CH-2,2024-04-02,K-CH,einkauf@teehaus-basel.example,Teehaus Basel AG,Teehaus Basel AG,Lindenstraße 4,79539,Lörrach,DE,invoice,false,0.00,TEA,3,8.90,CHF

        """

    /// The statement of the shop's CHF account on 20 March: Teehaus Basel pays CH-1's invoice,
    /// 59.70 CHF, and the bank charges 5.00 CHF; the closing balance is 1,000.00 CHF.
    static func statement(invoice: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>CHF-20240320</MsgId><CreDtTm>2024-03-20T22:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>CHF-2024-0012</Id>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>CHF</Ccy></Acct>
              <Bal>
                <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="CHF">1000.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>2024-03-20</Dt></Dt>
              </Bal>
              <Ntry>
                <Amt Ccy="CHF">59.70</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2024-03-20</Dt></BookgDt>
                <NtryDtls><TxDtls>
                  <RltdPties><Dbtr><Pty><Nm>Teehaus Basel AG</Nm></Pty></Dbtr></RltdPties>
                  <RmtInf><Ustrd>\(invoice)</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="CHF">5.00</Amt>
                <CdtDbtInd>DBIT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2024-03-20</Dt></BookgDt>
                <AcctSvcrRef>FEE-0320</AcctSvcrRef>
                <AddtlNtryInf>Kontoführung</AddtlNtryInf>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
    }

    /// The rate of 2 April, as the ECB's daily XML.
    static let april = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        \t<gesmes:subject>Reference rates</gesmes:subject>
        \t<gesmes:Sender>
        \t\t<gesmes:name>European Central Bank</gesmes:name>
        \t</gesmes:Sender>
        \t<Cube>
        \t\t<Cube time='2024-04-02'>
        \t\t\t<Cube currency='USD' rate='1.0745'/>
        \t\t\t<Cube currency='CHF' rate='0.9700'/>
        \t\t</Cube>
        \t</Cube>
        </gesmes:Envelope>

        """

    static func run(_ root: TemporaryRoot) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    }

    /// The net of `account` (credit − debit), in cents.
    static func credit(_ root: TemporaryRoot, _ account: Int) throws -> String {
        try sql(root, "SELECT coalesce(SUM(credit) - SUM(debit), 0) FROM journal_lines WHERE account = \(account)")
    }

    @Test func aCHFOrderAndAStatementOfACHFAccountAreBookedInEurosAtTheirDaysRates() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", """
            [kontor]
            default_credit_limit = "10000.00"

            [shops.shop.currency_limits]
            CHF = "500.00"

            """)
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-count.csv", countCSV, done: true)
        try root.write("inbox/shop/03-eurofxref-hist.csv", Self.history, done: true)
        try root.write("inbox/shop/04-orders.csv", Self.orders, done: true)
        try Self.run(root)
        #expect(try sql(root, "SELECT count(*) FROM exchange_rates") == "6")

        // CH-1 at 0.9599 CHF per euro: 24.90 CHF are 25.94 EUR, 9.90 CHF shipping 10.31 EUR;
        // the invoice is 2 × 25.94 + 10.31 = 62.19 EUR.
        let invoice = try sql(root, "SELECT invoice_number FROM orders WHERE order_number = 'CH-1'")
        #expect(try sql(root, "SELECT gross FROM invoices WHERE number = '\(invoice)'") == "6219")
        #expect(try sql(root, "SELECT unit_price FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.order_number = 'CH-1'")
            == "2594")
        #expect(try sql(root, "SELECT amount || ' ' || currency || ' ' || per_euro || ' ' || euros FROM currency_bookings WHERE document = 'CH-1'")
            == "5970 CHF 959900 6219")
        // CH-2 is dated a day without a rate: held, nothing converted, nothing invoiced.
        #expect(try sql(root, "SELECT status || ' ' || coalesce(invoice_number, '-') FROM orders WHERE order_number = 'CH-2'") == "held -")
        #expect(try sql(root, "SELECT need || ' ' || subject || ': ' || reason FROM order_holds WHERE status = 'held'")
            == "currency CHF: no reference rate for CHF on 2024-04-02 or the days before; send the ECB's rate file (eurofxref) with it")
        // A person cannot release it by hand.
        let release = try KontorBinary.run(["release", "CH-2", "--note", "Kurs schätzen"], root: root.path)
        #expect(release.status != 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'CH-2'") == "held")

        // The CHF account's statement: 59.70 CHF at 0.9400 are 63.51 EUR, 1.32 EUR more than the
        // 62.19 EUR the invoice was booked at: an exchange gain on 2660. The fee of 5.00 CHF is
        // 5.32 EUR, booked to 1590 for a person to assign.
        try root.write("inbox/shop/05-kontoauszug-chf.xml", Self.statement(invoice: invoice), done: true)
        try Self.run(root)
        #expect(try sql(root, "SELECT coalesce(SUM(debit - credit), 0) FROM journal_lines WHERE account = 1400 AND document = '\(invoice)'") == "0")
        #expect(try Self.credit(root, 2660) == "132")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines WHERE account = 2150") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "\(6351 - 532)")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1590") == "532")
        #expect(try sql(root, """
            SELECT kind || ' ' || amount || ' ' || per_euro || ' ' || euros || ' ' || coalesce(settled_euros, '-') || ' ' || difference
            FROM currency_bookings WHERE kind != 'order' ORDER BY id
            """) == "payment 5970 940000 6351 6219 132\nbank -500 940000 -532 - 0")
        #expect(try sql(root, "SELECT amount || ' ' || currency FROM bank_balances") == "100000 CHF")
        #expect(try sql(root, "SELECT amount || ' ' || currency FROM bank_transactions") == "-500 CHF")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")

        // The rate of 2 April arrives: CH-2 is booked at 0.9700, 8.90 CHF are 9.18 EUR.
        try root.write("inbox/shop/06-eurofxref-daily.xml", Self.april, done: true)
        try Self.run(root)
        let second = try sql(root, "SELECT invoice_number FROM orders WHERE order_number = 'CH-2'")
        #expect(!second.isEmpty)
        #expect(try sql(root, "SELECT gross FROM invoices WHERE number = '\(second)'") == "2754")
        #expect(try sql(root, """
            SELECT amount || ' ' || per_euro || ' ' || euros FROM currency_bookings WHERE document = 'CH-2' AND per_euro IS NOT NULL
            """) == "2670 970000 2754")

        // What the shop holds in CHF on 30 April: CH-2's 26.70 CHF open and 1,000.00 CHF in the
        // bank, at 0.9700 worth 1,058.45 EUR, over the limit of 500.00 EUR.
        let report = try KontorBinary.run(["report", "currencies", "--shop", "shop", "--to", "2024-04-30"], root: root.path)
        #expect(report.status == 0, "\(report.stdout)\n\(report.stderr)")
        let csv = try #require(root.read("outbox/shop/credit/currencies_2024-04-30.csv"))
        #expect(csv.split(whereSeparator: \.isNewline).dropFirst().first
            == "CHF,2024-04-02,0.97,26.70,1000.00,1026.70,27.54,27.53,1030.93,1058.45,-0.01,500.00,\"worth 1058.45 EUR, 558.45 over the limit of 500.00 EUR\"")

        // Reverting the statement takes back the payment, the fee and the exchange gain.
        let batch = try sql(root, "SELECT id FROM batches WHERE file = '05-kontoauszug-chf.xml'")
        let revert = try KontorBinary.run(["revert", batch, "--note", "falsches Konto"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\n\(revert.stderr)")
        #expect(try Self.credit(root, 2660) == "0")
        #expect(try sql(root, "SELECT SUM(debit - credit) FROM journal_lines WHERE account = 1400 AND document = '\(invoice)'") == "6219")
        #expect(try sql(root, "SELECT count(*) FROM currency_bookings WHERE kind != 'order' AND reverted = 0") == "0")
    }

    /// A payment at a worse rate is a loss on 2150; paid in two parts, the first clears its
    /// share of the invoice's euros and the last exactly what is left.
    @Test func aPaymentInPartsAtWorseRatesIsALossToTheCent() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\n")
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-count.csv", countCSV, done: true)
        try root.write("inbox/shop/03-rates.csv", """
            currency,date,rate
            CHF,2024-03-13,0.9599
            CHF,2024-03-20,0.9700
            CHF,2024-03-27,0.9800

            """, done: true)
        try root.write("inbox/shop/04-orders.csv", Self.orders.split(separator: "\n").dropLast().joined(separator: "\n") + "\n",
                       done: true)
        try Self.run(root)
        let invoice = try sql(root, "SELECT invoice_number FROM orders WHERE order_number = 'CH-1'")
        // 20.00 CHF at 0.9700 are 20.62 EUR and clear 20.00/59.70 of 62.19 EUR = 20.83 EUR: a
        // loss of 0.21. 39.70 CHF at 0.9800 are 40.51 EUR and clear the 41.36 EUR left: a loss
        // of 0.85.
        try root.write("inbox/shop/05-payments.csv", """
            reference,amount,date,currency
            \(invoice),20.00,2024-03-20,CHF
            \(invoice),39.70,2024-03-27,CHF

            """, done: true)
        try Self.run(root)
        #expect(try sql(root, "SELECT settled_euros || ' ' || difference FROM currency_bookings WHERE kind = 'payment' ORDER BY id")
            == "2083 -21\n4136 -85")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 2150") == "106")
        #expect(try sql(root, "SELECT coalesce(SUM(debit - credit), 0) FROM journal_lines WHERE account = 1400 AND document = '\(invoice)'") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "\(2062 + 4051)")
    }

    /// A payment in a currency without a rate for its day rejects its file, naming it.
    @Test func aPaymentWithoutARateRejectsItsFile() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\n")
        try root.write("inbox/shop/01-payments.csv", "reference,amount,date,currency\nX-1,20.00,2024-03-20,USD\n", done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        let report = try #require(root.read("inbox/shop/rejected/01-payments.csv.errors.txt"))
        #expect(report.contains("no reference rate for USD on 2024-03-20 or the 4 days before: the payment X-1 of 20.00 USD cannot be booked in euros"))
        #expect(try sql(root, "SELECT count(*) FROM journal_lines") == "0")
    }

    /// An export to Switzerland is tax-free: the order's amount in CHF is what the customer
    /// owes under that case (the German VAT out of the gross prices), so paying it in full
    /// clears the invoice, with no more than a cent of exchange difference at the same rate.
    @Test func anExportInCHFIsOwedAndPaidAtItsTaxFreeAmount() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"10000.00\"\n")
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-count.csv", countCSV, done: true)
        try root.write("inbox/shop/03-rates.csv", "currency,date,rate\nCHF,2024-03-13,0.9599\n", done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,customer_id,customer_name,ship_name,ship_street,ship_zip,ship_city,ship_country,payment_method,paid,shipping,sku,quantity,unit_price,currency
            CH-9,2024-03-13,K-CH,Teehaus Basel AG,Teehaus Basel AG,Freie Strasse 4,4001,Basel,CH,invoice,false,0.00,TEA,2,8.90,CHF

            """, done: true)
        try Self.run(root)
        let invoice = try sql(root, "SELECT invoice_number FROM orders WHERE order_number = 'CH-9'")
        let owed = try sql(root, "SELECT amount FROM currency_bookings WHERE document = 'CH-9'")
        let gross = try sql(root, "SELECT gross FROM invoices WHERE number = '\(invoice)'")
        #expect(try sql(root, "SELECT vat FROM invoices WHERE number = '\(invoice)'") == "0")
        // 2 × 8.90 CHF less 7 % German VAT: 16.64 CHF. In euros each unit price is converted
        // first (9.27 EUR), then the VAT comes out: 18.54 / 1.07 = 17.33 EUR.
        #expect(owed == "1664")
        #expect(gross == "1733")
        let amount = (Int(owed) ?? 0)
        try root.write("inbox/shop/05-payments.csv", """
            reference,amount,date,currency
            \(invoice),\(amount / 100).\(String(format: "%02d", amount % 100)),2024-03-13,CHF

            """, done: true)
        try Self.run(root)
        #expect(try sql(root, "SELECT coalesce(SUM(debit - credit), 0) FROM journal_lines WHERE account = 1400 AND document = '\(invoice)'") == "0")
        #expect(try sql(root, "SELECT abs(difference) <= 1 FROM currency_bookings WHERE kind = 'payment'") == "1")
    }
}
