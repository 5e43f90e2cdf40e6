import KontorCore
import KontorFormats
import Testing

/// Maps `bytes` with `Camt053StatementXML`, fed to the reader in chunks of `chunkSize` bytes.
func mapCamt053(_ bytes: [UInt8], file: String, chunkSize: Int = 4096) throws
    -> (dialect: String, records: [DocumentRecord], diagnostics: [Diagnostic]) {
    var reader = try XMLRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: file,
                                     selection: Camt053StatementXML.selection)
    #expect(Camt053StatementXML.recognizes(root: reader.rootName, namespace: reader.rootNamespace))
    var mapper = Camt053StatementXML(file: file, root: reader.rootName, namespace: reader.rootNamespace)
    var log = DiagnosticLog()
    var records: [DocumentRecord] = []
    while let node = try reader.next() { records += mapper.map(node, log: &log) }
    records += mapper.finish(log: &log)
    log.append(contentsOf: reader.diagnostics.diagnostics)
    return (mapper.dialect, records, log.diagnostics)
}

/// The bytes of a fixture in `Tests/Fixtures/`.
func camt053Fixture(_ relative: String) throws -> [UInt8] {
    let tests = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
    let source = try FileByteSource(path: tests + "/Fixtures/" + relative)
    var bytes: [UInt8] = []
    while let chunk = try source.nextChunk() { bytes += chunk }
    return bytes
}

/// A statement of account DE48240501100057012345 in `version` holding `entries`, which
/// start on line 12.
func camt053Statement(version: String = "08", _ entries: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.\(version)">
      <BkToCstmrStmt>
        <GrpHdr><MsgId>T-1</MsgId><CreDtTm>2025-03-05T22:00:00+01:00</CreDtTm></GrpHdr>
        <Stmt>
          <Id>T-1-1</Id>
          <CreDtTm>2025-03-05T22:00:00+01:00</CreDtTm>
          <Acct>
            <Id><IBAN>DE48240501100057012345</IBAN></Id>
            <Ccy>EUR</Ccy>
          </Acct>
    \(entries)
        </Stmt>
      </BkToCstmrStmt>
    </Document>

    """
}

@Suite struct Camt053StatementXMLTests {
    static let sparkasse = "2025-03-05-sparkasse-lueneburg.xml"
    static let volksbank = "2025-03-06-volksbank-lueneburger-heide.xml"
    static let statementPath = "/Document/BkToCstmrStmt/Stmt"

    static func at(_ file: String, _ line: Int, _ path: String) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: file, line: line, path: statementPath + path)
    }

    // MARK: Recognition

    @Test(arguments: [
        ("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02", "camt.053.001.02"),
        ("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", "camt.053.001.08"),
        ("urn:iso:std:iso:20022:tech:xsd:camt.053.001.13", "camt.053.001.13"),
    ])
    func recognisesEveryCamt053Version(namespace: String, dialect: String) {
        #expect(Camt053StatementXML.recognizes(root: "Document", namespace: namespace))
        let mapper = Camt053StatementXML(file: "s.xml", root: "Document", namespace: namespace)
        #expect(mapper.dialect == dialect)
        #expect(mapper.kind == .payments)
    }

    @Test(arguments: [
        ("Document", "urn:iso:std:iso:20022:tech:xsd:camt.052.001.08"),
        ("Document", "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"),
        ("Document", "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"),
        ("Document", "urn:iso:std:iso:20022:tech:xsd:camt.053.001."),
        ("Document", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08x"),
        ("Document", nil),
        ("payments", "urn:kontor:formats:1"),
    ] as [(String, String?)])
    func leavesOtherDocumentsAlone(root: String, namespace: String?) {
        #expect(!Camt053StatementXML.recognizes(root: root, namespace: namespace))
    }

    // MARK: The fixtures

    static let sparkasseRecords: [DocumentRecord] = {
        let file = sparkasse
        let day = CalendarDate(year: 2025, month: 3, day: 5)!
        return [
            .statementBalance(StatementBalance(account: "DE48240501100057012345", date: day, amount: 1_132_695,
                                               location: at(file, 48, "/Bal[2]"))),
            .payment(Payment(reference: "Bestellung 1001 Anna Petersen", amount: 2270, date: day, payer: "Anna Petersen",
                             remittance: "Bestellung 1001 Anna Petersen", location: at(file, 73, "/Ntry"))),
            .payment(Payment(reference: "Bestellung 1003", amount: 4360, date: day, payer: "Dr. Friederike von Ahlen",
                             remittance: "Bestellung 1003 Darjeeling, vielen Dank!", location: at(file, 139, "/Ntry[2]"))),
            .payment(Payment(reference: "ZV20250304-0017", amount: 16370, date: day, payer: "Café Rosengarten GmbH",
                             remittance: "RE2025-00004 KD-NR K-2001 BESTELLUNG 1004", location: at(file, 191, "/Ntry[3]"))),
            .payment(Payment(reference: "Best. 1005 H. Schütte", amount: 2230, date: day, payer: "Hannelore Schütte",
                             remittance: "Best. 1005 H. Schütte", location: at(file, 275, "/Ntry[4]/NtryDtls/TxDtls"))),
            .payment(Payment(reference: "RE2025-00006", amount: 4450, date: day, payer: "Mehmet Öztürk",
                             location: at(file, 298, "/Ntry[4]/NtryDtls/TxDtls[2]"))),
            .bankTransaction(BankTransaction(
                account: "DE48240501100057012345", date: day, amount: -145_000,
                counterparty: "Hanse Immobilien Lüneburg GmbH & Co. KG",
                text: "Miete März 2025 Lager und Büro Am Sande 14, Mietvertrag 2019/0347", reference: "2025030500174415",
                location: at(file, 333, "/Ntry[5]"))),
        ]
    }()

    static let volksbankRecords: [DocumentRecord] = {
        let file = volksbank
        let day = CalendarDate(year: 2025, month: 3, day: 6)!
        return [
            .statementBalance(StatementBalance(account: "DE15240603001122334400", date: day, amount: 790_156,
                                               location: at(file, 48, "/Bal[2]"))),
            .payment(Payment(reference: "RE2025-00002 Bestellung 1002", amount: 5960, date: day, payer: "Jörg Bäumer",
                             remittance: "RE2025-00002 Bestellung 1002", location: at(file, 73, "/Ntry"))),
            .payment(Payment(reference: "Bestellung 1007", amount: 1380, date: day, payer: "Lea Hinrichs",
                             remittance: "Bestellung 1007", location: at(file, 142, "/Ntry[2]"))),
            .payment(Payment(reference: "RE2025-00008", amount: 6980, date: day, payer: "Gerda Lüttjohann",
                             location: at(file, 226, "/Ntry[3]/NtryDtls/TxDtls"))),
            .payment(Payment(reference: "Bestellnr. 1009", amount: 3070, date: day, payer: "Sven Carstensen",
                             remittance: "Bestellnr. 1009 Tee für Oma Inge", location: at(file, 257, "/Ntry[3]/NtryDtls/TxDtls[2]"))),
            .bankTransaction(BankTransaction(
                account: "DE15240603001122334400", date: day, amount: -48671,
                counterparty: "Teehandelshaus Brückner & Söhne KG", text: "Rechnung 88417 vom 20.02.2025 Kd-Nr. 30077",
                reference: "VB20250306003104", location: at(file, 283, "/Ntry[4]"))),
        ]
    }()

    @Test(arguments: [1, 7, 4096])
    func mapsTheSparkasseStatementInVersion02(chunkSize: Int) throws {
        let outcome = try mapCamt053(camt053Fixture("camt.053.001.02/" + Self.sparkasse), file: Self.sparkasse, chunkSize: chunkSize)
        #expect(outcome.dialect == "camt.053.001.02")
        #expect(outcome.records == Self.sparkasseRecords)
        #expect(outcome.diagnostics.map(\.description) == [
            "2025-03-05-sparkasse-lueneburg.xml:393 /Document/BkToCstmrStmt/Stmt/Ntry[6]: warning: the entry of 13.80 EUR has status PDNG, not BOOK; it was skipped",
        ])
        #expect(outcome.diagnostics.first?.messageDE == "Der Umsatz über 13.80 EUR hat den Status PDNG, nicht BOOK; er wurde übersprungen")
        #expect(outcome.diagnostics.first?.code == "camt.not-booked")
    }

    @Test(arguments: [1, 7, 4096])
    func mapsTheVolksbankStatementInVersion08(chunkSize: Int) throws {
        let outcome = try mapCamt053(camt053Fixture("camt.053.001.08/" + Self.volksbank), file: Self.volksbank, chunkSize: chunkSize)
        #expect(outcome.dialect == "camt.053.001.08")
        #expect(outcome.records == Self.volksbankRecords)
        #expect(outcome.diagnostics.map(\.description) == [
            "2025-03-06-volksbank-lueneburger-heide.xml:340 /Document/BkToCstmrStmt/Stmt/Ntry[5]: warning: the entry of 22.80 EUR has status PDNG, not BOOK; it was skipped",
        ])
    }

    @Test func theStatementsAddUpFromOpeningToClosingBalance() throws {
        // Opening (PRCD) plus the booked entries is the closing balance (CLBD) of each fixture.
        for (records, opening) in [(Self.sparkasseRecords, 1_248_015), (Self.volksbankRecords, 821_437)] {
            var balance = opening, closing: Int?
            for record in records {
                switch record {
                case .payment(let p): balance += p.amount
                case .bankTransaction(let t): balance += t.amount
                case .statementBalance(let b): closing = b.amount
                default: Issue.record("unexpected \(record)")
                }
            }
            #expect(balance == closing)
        }
    }
}
