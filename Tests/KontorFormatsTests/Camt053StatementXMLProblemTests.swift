import KontorCore
import KontorFormats
import Testing

@Suite struct Camt053StatementXMLProblemTests {
    static let entry = "/Document/BkToCstmrStmt/Stmt/Ntry"
    static let day = CalendarDate(year: 2025, month: 3, day: 5)!

    /// A booked credit of the version 08 layout whose amount line (line 13) is `amount`.
    static func credit(amount: String) -> String {
        """
              <Ntry>
                \(amount)
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <NtryDtls><TxDtls><RmtInf><Ustrd>Bestellung 1003</Ustrd></RmtInf></TxDtls></NtryDtls>
              </Ntry>
        """
    }

    static func place(_ line: Int, _ path: String = "") -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: "camt.xml", line: line, path: entry + path)
    }

    @Test(arguments: [
        ("<Foo/>", "camt.xml:12 /Document/BkToCstmrStmt/Stmt/Ntry: the entry has no amount (Amt)",
         "Der Umsatz hat keinen Betrag (Amt)"),
        (#"<Amt Ccy="EUR"></Amt>"#, "camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: the entry has no amount (Amt)",
         "Der Umsatz hat keinen Betrag (Amt)"),
        (#"<Amt Ccy="EUR">49,90</Amt>"#, #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt "49,90" is not an amount"#,
         #"Amt "49,90" ist kein Betrag"#),
        (#"<Amt Ccy="EUR">1.234,56</Amt>"#, #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt "1.234,56" is not an amount"#,
         #"Amt "1.234,56" ist kein Betrag"#),
        (#"<Amt Ccy="EUR">12.905</Amt>"#, #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt "12.905" has more than 2 decimal places"#,
         #"Amt "12.905" hat mehr als 2 Nachkommastellen"#),
        (#"<Amt Ccy="EUR">1000000000.01</Amt>"#,
         #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt "1000000000.01" is more than 1,000,000,000.00 EUR, the largest amount Kontor books"#,
         #"Amt "1000000000.01" ist mehr als 1.000.000.000,00 EUR, der größte Betrag, den Kontor bucht"#),
        (#"<Amt Ccy="EUR">-49.90</Amt>"#, #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt "-49.90" is negative"#,
         #"Amt "-49.90" ist negativ"#),
        ("<Amt>49.90</Amt>", "camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: Amt has no currency (Ccy)",
         "Amt hat keine Währung (Ccy)"),
        (#"<Amt Ccy="US$">49.90</Amt>"#,
         #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: the entry names "US$" as its currency, which is no currency code"#,
         #"Der Umsatz nennt "US$" als Währung, das ist kein Währungscode"#),
    ])
    func anAmountKontorCannotBookIsAnError(amount: String, message: String, messageDE: String) throws {
        let outcome = try mapCamt053(Array(camt053Statement(Self.credit(amount: amount)).utf8), file: "camt.xml")
        #expect(outcome.records == [])
        #expect(outcome.diagnostics.map(\.description) == [message])
        #expect(outcome.diagnostics.map(\.messageDE) == [messageDE])
        #expect(outcome.diagnostics.allSatisfy { $0.severity == .error && $0.hint != nil })
    }

    @Test func readingGoesOnPastABadEntryAndReportsEveryProblemOfIt() throws {
        let text = camt053Statement("""
              <Ntry>
                <Amt Ccy="EURO">49.90</Amt>
                <CdtDbtInd>CRED</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-02-30</Dt></BookgDt>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">43.60</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
              </Ntry>
        \(Self.credit(amount: #"<Amt Ccy="EUR">43.60</Amt>"#))
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.diagnostics.map(\.description) == [
            #"camt.xml:13 /Document/BkToCstmrStmt/Stmt/Ntry/Amt: the entry names "EURO" as its currency, which is no currency code"#,
            #"camt.xml:14 /Document/BkToCstmrStmt/Stmt/Ntry/CdtDbtInd: CdtDbtInd "CRED" is neither CRDT nor DBIT"#,
            #"camt.xml:16 /Document/BkToCstmrStmt/Stmt/Ntry/BookgDt/Dt: BookgDt "2025-02-30" is not a valid date"#,
            "camt.xml:18 /Document/BkToCstmrStmt/Stmt/Ntry[2]: the entry has no booking date (BookgDt)",
        ])
        #expect(outcome.diagnostics.map(\.messageDE) == [
            #"Der Umsatz nennt "EURO" als Währung, das ist kein Währungscode"#,
            #"CdtDbtInd "CRED" ist weder CRDT noch DBIT"#,
            #"BookgDt "2025-02-30" ist kein gültiges Datum"#,
            "Der Umsatz hat kein Buchungsdatum (BookgDt)",
        ])
        #expect(outcome.records == [
            .payment(Payment(reference: "Bestellung 1003", amount: 4360, date: Self.day, remittance: "Bestellung 1003",
                             location: Self.place(23, "[3]"))),
        ])
    }

    @Test func anEntryWithoutStatusOrDirectionIsAnError() throws {
        let text = camt053Statement("""
              <Ntry>
                <Amt Ccy="EUR">43.60</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">43.60</Amt>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
              </Ntry>
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.records == [])
        #expect(outcome.diagnostics.map(\.description) == [
            "camt.xml:12 /Document/BkToCstmrStmt/Stmt/Ntry: the entry has no status (Sts)",
            "camt.xml:16 /Document/BkToCstmrStmt/Stmt/Ntry[2]: the amount has no CdtDbtInd (CRDT or DBIT)",
        ])
    }

    @Test(arguments: ["PDNG", "INFO", "FUTR"])
    func anEntryNotBookedIsSkippedWithAWarning(status: String) throws {
        let text = camt053Statement(version: "02", """
              <Ntry>
                <Amt Ccy="EUR">13.80</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>\(status)</Sts>
              </Ntry>
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.records == [])
        #expect(outcome.diagnostics.map(\.description) == [
            "camt.xml:12 /Document/BkToCstmrStmt/Stmt/Ntry: warning: the entry of 13.80 EUR has status \(status), not BOOK; it was skipped",
        ])
    }

    @Test func theReversalOfAPaymentReceivedIsANegativePaymentAndOfAPaymentMadeMoneyReceived() throws {
        let text = camt053Statement(version: "02", """
              <Ntry>
                <Amt Ccy="EUR">43.60</Amt>
                <CdtDbtInd>DBIT</CdtDbtInd>
                <RvslInd>true</RvslInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <AcctSvcrRef>2025030500174420</AcctSvcrRef>
                <NtryDtls>
                  <TxDtls>
                    <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                    <RltdPties><Dbtr><Nm>Dr. Friederike von Ahlen</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>Bestellung 1003</Ustrd></RmtInf>
                  </TxDtls>
                </NtryDtls>
                <AddtlNtryInf>RUECKUEBERWEISUNG</AddtlNtryInf>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">1450.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <RvslInd>true</RvslInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <AcctSvcrRef>2025030500174421</AcctSvcrRef>
                <NtryDtls>
                  <TxDtls>
                    <RltdPties><Cdtr><Nm>Hanse Immobilien Lüneburg GmbH &amp; Co. KG</Nm></Cdtr></RltdPties>
                  </TxDtls>
                </NtryDtls>
                <AddtlNtryInf>RUECKUEBERWEISUNG</AddtlNtryInf>
              </Ntry>
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.records == [
            .payment(Payment(reference: "Bestellung 1003", amount: -4360, date: Self.day, payer: "Dr. Friederike von Ahlen",
                             remittance: "Bestellung 1003", location: Self.place(12))),
            .bankTransaction(BankTransaction(account: "DE48240501100057012345", date: Self.day, amount: 145_000,
                                             counterparty: "Hanse Immobilien Lüneburg GmbH & Co. KG", text: "RUECKUEBERWEISUNG",
                                             reference: "2025030500174421", location: Self.place(28, "[2]"))),
        ])
        #expect(outcome.diagnostics.map(\.description) == [
            "camt.xml:12 /Document/BkToCstmrStmt/Stmt/Ntry: warning: the entry reverses a payment received (RvslInd); it is booked as a payment of -43.60",
        ])
    }

    @Test func aBatchWithoutAmountsPerTransactionIsOnePayment() throws {
        let text = camt053Statement(version: "02", """
              <Ntry>
                <Amt Ccy="EUR">66.80</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <NtryDtls>
                  <Btch><NbOfTxs>2</NbOfTxs></Btch>
                  <TxDtls>
                    <RltdPties><Dbtr><Nm>Hannelore Schütte</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>Best. 1005</Ustrd></RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">44.50</Amt></TxAmt></AmtDtls>
                    <RltdPties><Dbtr><Nm>Mehmet Öztürk</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>RE2025-00006</Ustrd></RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.diagnostics == [])
        #expect(outcome.records == [
            .payment(Payment(reference: "Best. 1005", amount: 6680, date: Self.day, payer: "Hannelore Schütte",
                             remittance: "Best. 1005 RE2025-00006", location: Self.place(12))),
        ])
    }

    @Test func aBatchIsSplitWhenItsTransactionsAddUpAndAnErrorWhenNot() throws {
        let text = camt053Statement("""
              <Ntry>
                <Amt Ccy="EUR">66.80</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <NtryDtls>
                  <TxDtls><Amt Ccy="EUR">22.30</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>
                  <TxDtls><Amt Ccy="EUR">45.50</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>
                  <TxDtls><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>
                </NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">66.80</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>2025-03-05</Dt></BookgDt>
                <NtryDtls>
                  <TxDtls><Amt Ccy="EUR">22.30</Amt></TxDtls>
                  <TxDtls><Amt Ccy="EUR">45.50</Amt></TxDtls>
                </NtryDtls>
              </Ntry>
        """)
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        #expect(outcome.records == [
            .payment(Payment(reference: "Bank 2025-03-05", amount: 2230, date: Self.day, location: Self.place(18, "/NtryDtls/TxDtls"))),
            .payment(Payment(reference: "Bank 2025-03-05", amount: 4550, date: Self.day, location: Self.place(19, "/NtryDtls/TxDtls[2]"))),
            .bankTransaction(BankTransaction(account: "DE48240501100057012345", date: Self.day, amount: -100,
                                             location: Self.place(20, "/NtryDtls/TxDtls[3]"))),
        ])
        #expect(outcome.diagnostics.map(\.description) == [
            "camt.xml:23 /Document/BkToCstmrStmt/Stmt/Ntry[2]: the 2 transactions of the entry add up to 67.80, but the entry is 66.80",
        ])
    }

    @Test func eachStatementBooksOnItsOwnAccount() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>T-2</MsgId><CreDtTm>2025-03-31T22:00:00+02:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Acct><Id><IBAN>DE48240501100057012345</IBAN></Id></Acct>
                  <Bal>
                    <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                    <Amt Ccy="EUR">11326.95</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-31</Dt></Dt>
                  </Bal>
                </Stmt>
                <Stmt>
                  <Acct><Id><IBAN>DE15240603001122334400</IBAN></Id></Acct>
                  <Bal>
                    <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
                    <Amt Ccy="EUR">312.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><DtTm>2025-03-31T23:59:59+02:00</DtTm></Dt>
                  </Bal>
                  <Bal>
                    <Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp>
                    <Amt Ccy="EUR">4687.60</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-03-31</Dt></Dt>
                  </Bal>
                  <Ntry>
                    <Amt Ccy="EUR">12.50</Amt>
                    <CdtDbtInd>DBIT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2025-03-31</Dt></BookgDt>
                    <AcctSvcrRef>VB20250331009901</AcctSvcrRef>
                    <AddtlNtryInf>Entgelte Kontoführung März 2025</AddtlNtryInf>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>

            """
        let outcome = try mapCamt053(Array(text.utf8), file: "camt.xml")
        let day = CalendarDate(year: 2025, month: 3, day: 31)!
        let statement = "/Document/BkToCstmrStmt/Stmt"
        #expect(outcome.diagnostics == [])
        #expect(outcome.records == [
            .statementBalance(StatementBalance(account: "DE48240501100057012345", date: day, amount: 1_132_695,
                                               location: .init(file: "camt.xml", line: 7, path: statement + "/Bal"))),
            .statementBalance(StatementBalance(account: "DE15240603001122334400", date: day, amount: -31240,
                                               location: .init(file: "camt.xml", line: 14, path: statement + "[2]/Bal"))),
            .bankTransaction(BankTransaction(account: "DE15240603001122334400", date: day, amount: -1250,
                                             text: "Entgelte Kontoführung März 2025", reference: "VB20250331009901",
                                             location: .init(file: "camt.xml", line: 22, path: statement + "[2]/Ntry"))),
        ])
    }
}
