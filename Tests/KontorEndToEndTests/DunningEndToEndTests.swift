import Foundation
import KontorTestSupport
import Testing

/// `kontor dunning` through the binary: levels on their days, fees and interest posted,
/// one letter per customer, nothing new on a second run, stops and reverts.
@Suite struct DunningEndToEndTests {
    /// A consumer (K-1) and a business (K-2, with a VAT ID), each with an invoice of
    /// 2025-06-02 on 14 days' terms, due 2025-06-16: 99.60 and 996.00.
    func overdueInvoices(customers extra: String = "") throws -> TemporaryRoot {
        let root = try stockedRoot()
        try root.write("inbox/shop/customers.csv", """
            customer_id,name,email,credit_limit,payment_terms_days,vat_id,street,zip,city\(extra.isEmpty ? "" : ",dunning_stop")
            K-1,Anna Petersen,anna@example.de,5000.00,14,,Heiligengeiststraße 12,21335,Lüneburg\(extra)
            K-2,Café Ahrens GmbH,info@cafe-ahrens.example,5000.00,14,DE276190345,Große Bäckerstraße 9,21335,Lüneburg\(extra.isEmpty ? "" : ",")

            """, done: true)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-06-02,K-1,invoice,false,0,POT,4,24.90
            B-1,2025-06-02,K-2,invoice,false,0,POT,40,24.90

            """, done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try sql(root, "SELECT group_concat(number || ':' || customer_key || ':' || due_date || ':' || gross, ' ') FROM invoices")
                == "RE2025-00001:K-1:2025-06-16:9960 RE2025-00002:K-2:2025-06-16:99600")
        return root
    }

    func dun(_ root: TemporaryRoot, _ date: String, _ extra: [String] = []) throws -> CommandResult {
        try KontorBinary.run(["dunning", "--date", date, "--note", "Mahnlauf"] + extra, root: root.path)
    }

    func notices(_ root: TemporaryRoot) throws -> String {
        try sql(root, """
            SELECT group_concat(document || ':' || level || ':' || fee || ':' || interest || ':' || flat_fee, ' ')
            FROM (SELECT * FROM dunning_notices WHERE reverted_by IS NULL ORDER BY id)
            """)
    }

    @Test func levelsEscalateOnTheirDaysWithFeesInterestAndTheFlatFeeOnce() throws {
        let root = try overdueInvoices()
        // 7 days after the due date: the reminder, free of charge.
        let first = try dun(root, "2025-06-23")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(root.list("outbox/shop/dunning/2025-06-23") == ["K-1.pdf", "K-1.txt", "K-2.pdf", "K-2.txt"])
        let reminder = try #require(root.read("outbox/shop/dunning/2025-06-23/K-1.txt"))
        #expect(reminder.contains("Zahlungserinnerung"))
        #expect(reminder.contains("Rechnung RE2025-00001 vom 02.06.2025, fällig am 16.06.2025"))
        #expect(reminder.contains("Gesamtbetrag: 99,60 EUR"))
        #expect(reminder.contains("bis zum 30.06.2025"))
        #expect(try notices(root) == "RE2025-00001:0:0:0:0 RE2025-00002:0:0:0:0")

        // The same day again: nothing new, no batch, the letters as they were.
        let batches = try sql(root, "SELECT count(*) FROM batches")
        let again = try dun(root, "2025-06-23")
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to dun on 2025-06-23"))
        #expect(!again.stdout.contains("wrote"))
        #expect(try sql(root, "SELECT count(*) FROM batches") == batches)
        #expect(root.read("outbox/shop/dunning/2025-06-23/K-1.txt") == reminder)

        // 22 days late and the reminder's deadline (30.06.) passed: the first dunning, 2.50 fee
        // and interest from 17.06. through 08.07.:
        //   K-1 (consumer): 9960 × (7.27 % × 14 days + 6.27 % × 8 days) = 9960 × (727 × 14 + 627 × 8)
        //                 = 9960 × 15194 = 151 332 240 / 3 650 000 = 41.46… → 0.41
        //   K-2 (business): 99600 × (1127 × 14 + 1027 × 8) = 99600 × 23994 = 2 389 802 400
        //                 / 3 650 000 = 654.74… → 6.55, and the flat fee of 40.00
        #expect(try dun(root, "2025-07-08").status == 0)
        #expect(try notices(root) == "RE2025-00001:0:0:0:0 RE2025-00002:0:0:0:0 RE2025-00001:1:250:41:0 RE2025-00002:1:250:655:4000")
        let letter = try #require(root.read("outbox/shop/dunning/2025-07-08/K-2.txt"))
        #expect(letter.contains("1. Mahnung"))
        #expect(letter.contains("Verzugszinsen 17.06.2025–08.07.2025 (11,27 % / 10,27 % p. a.): 6,55 EUR"))
        #expect(letter.contains("Verzugspauschale (§ 288 Abs. 5 BGB): 40,00 EUR"))
        #expect(letter.contains("Gesamtbetrag: 1045,05 EUR"))
        #expect(letter.contains("Café Ahrens GmbH\nGroße Bäckerstraße 9\n21335 Lüneburg"))
        // The same letter as a PDF to print: its text, as pdftotext reads it.
        let pdf = try pdfText(root.path + "/outbox/shop/dunning/2025-07-08/K-2.pdf")
        for field in ["1. Mahnung", "Café Ahrens GmbH", "Große Bäckerstraße 9", "Kundennummer", "K-2", "RE2025-00002",
                      "Verzugspauschale (§ 288 Abs. 5 BGB)", "40,00 €", "6,55 €", "1.045,05 €", "bis zum"] {
            #expect(pdf.contains(field), "the PDF letter shows \(field)")
        }
        // Posted against the receivable, without VAT: interest to 2650, fees and the flat fee to 2700.
        #expect(try sql(root, "SELECT group_concat(customer_key || '=' || open, ' ') FROM customer_balances") == "K-1=10251 K-2=104505")
        #expect(try sql(root, "SELECT account || ':' || SUM(credit - debit) FROM journal_lines WHERE account IN (2650, 2700) GROUP BY account")
                == "2650:696\n2700:4500")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE e.date = '2025-07-08' AND l.account IN (1771, 1776)") == "0")

        // 37 days late, the first dunning's deadline (15.07.) passed: the final dunning, 5.00
        // and interest for 09.07.–23.07. only (15 days at 6.27 % and 10.27 %); no second flat fee.
        //   K-1: 9960 × 627 × 15 = 93 673 800 / 3 650 000 = 25.66… → 0.26
        //   K-2: 99600 × 1027 × 15 = 1 534 338 000 / 3 650 000 = 420.36… → 4.20
        #expect(try dun(root, "2025-07-23").status == 0)
        #expect(try notices(root).hasSuffix("RE2025-00001:2:500:26:0 RE2025-00002:2:500:420:0"))
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-2'") == "105425")
        // After the final dunning, nothing more.
        #expect(try dun(root, "2025-09-30").stdout.contains("nothing to dun"))
    }

    @Test func aRevertTakesBackFeesInterestAndLevels() throws {
        let root = try overdueInvoices()
        #expect(try dun(root, "2025-06-23").status == 0)
        #expect(try dun(root, "2025-07-08").status == 0)
        let reminderBatch = try sql(root, "SELECT id FROM batches WHERE file = 'dunning 2025-06-23'")
        let firstBatch = try sql(root, "SELECT id FROM batches WHERE file = 'dunning 2025-07-08'")
        // The reminders cannot go while the first dunning built on them.
        let refused = try KontorBinary.run(["revert", reminderBatch, "--note", "zu früh"], root: root.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("later batch(es) \(firstBatch) built on"))

        let revert = try KontorBinary.run(["revert", firstBatch, "--note", "Kunde hat gezahlt"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try notices(root) == "RE2025-00001:0:0:0:0 RE2025-00002:0:0:0:0")
        #expect(try sql(root, "SELECT group_concat(customer_key || '=' || open, ' ') FROM customer_balances") == "K-1=9960 K-2=99600")
        #expect(try sql(root, "SELECT account || ':' || SUM(credit - debit) FROM journal_lines WHERE account IN (2650, 2700) GROUP BY account")
                == "2650:0\n2700:0")
        // Taken back, the first dunning of that day can be issued again.
        #expect(try dun(root, "2025-07-08").stdout.contains("batch"))
        #expect(try notices(root).hasSuffix("RE2025-00001:1:250:41:0 RE2025-00002:1:250:655:4000"))
    }

    @Test func aDunningStopPerCustomerAndPerInvoiceIsRespected() throws {
        // K-1 carries a dunning stop in the customers file.
        let root = try overdueInvoices(customers: ",true")
        #expect(try dun(root, "2025-06-23").status == 0)
        #expect(root.list("outbox/shop/dunning/2025-06-23") == ["K-2.pdf", "K-2.txt"])

        // K-2's invoice is stopped by command before the next level: nothing is issued.
        let stop = try KontorBinary.run(["dunning", "--stop", "RE2025-00002", "--note", "Reklamation offen"], root: root.path)
        #expect(stop.status == 0, "\(stop.stdout)\(stop.stderr)")
        #expect(try dun(root, "2025-07-08").stdout.contains("nothing to dun on 2025-07-08"))
        let twice = try KontorBinary.run(["dunning", "--stop", "RE2025-00002", "--note", "noch einmal"], root: root.path)
        #expect(twice.status == 1)
        #expect(twice.stdout.contains("dunning of invoice RE2025-00002 is stopped already"))

        // Lifting the stop (a revert of its batch) lets the invoice go on to its next level.
        let stopBatch = try sql(root, "SELECT id FROM batches WHERE file = 'dunning stop RE2025-00002' AND status = 'applied'")
        #expect(try KontorBinary.run(["revert", stopBatch, "--note", "geklärt"], root: root.path).status == 0)
        #expect(try dun(root, "2025-07-08").status == 0)
        #expect(try notices(root) == "RE2025-00002:0:0:0:0 RE2025-00002:1:250:655:4000")
    }

    @Test func chargesLeftOpenAloneAreNotDunnedFurther() throws {
        let root = try overdueInvoices()
        #expect(try dun(root, "2025-06-23").status == 0)
        #expect(try dun(root, "2025-07-08").status == 0)
        // K-1 pays the invoice amount, not the 2.50 fee and 0.41 interest of the first dunning.
        try root.write("inbox/shop/payments.csv", "reference,amount,date\nRE2025-00001,99.60,2025-07-10\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try dun(root, "2025-07-23").status == 0)
        #expect(root.list("outbox/shop/dunning/2025-07-23") == ["K-2.pdf", "K-2.txt"])
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "291")
    }

    @Test func watchDunsOnceADayAtTheConfiguredTime() throws {
        let root = try overdueInvoices()
        try root.write("kontor.toml", "[kontor]\ndunning_time = \"00:00\"\n")
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        let watch = try KontorBinary.start(["watch", "--settle", "0.2"], root: root.path)
        var letters: [String] = []
        for _ in 0..<100 where letters.count < 2 {
            usleep(100_000)
            letters = root.list("outbox/shop/dunning/\(today)")
        }
        usleep(500_000)
        kill(watch.process.processIdentifier, SIGTERM)
        let result = watch.finish()
        #expect(result.status == 0, "\(result.stderr)")
        // Long overdue, never reminded: the reminder first, in one batch for the day.
        #expect(letters == ["K-1.pdf", "K-1.txt", "K-2.pdf", "K-2.txt"])
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE file = 'dunning \(today)'") == "1")
        #expect(try notices(root) == "RE2025-00001:0:0:0:0 RE2025-00002:0:0:0:0")
    }

    @Test func aDateAfterTodayIsRefused() throws {
        let root = try overdueInvoices()
        let result = try dun(root, "2999-01-01")
        #expect(result.status == 2)
        #expect(result.stderr.contains("the dunning date 2999-01-01 is after today"))
    }

    @Test func agingBucketsOnAFixedDate() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/customers.csv", """
            customer_id,name,email,credit_limit,payment_terms_days
            K-1,Anna Petersen,anna@example.de,5000.00,14
            K-2,Café Ahrens GmbH,info@cafe-ahrens.example,5000.00,14

            """, done: true)
        // Due 14 days after the order date; aged on 2025-08-29.
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            E-1,2025-05-01,K-1,invoice,false,0,POT,3,24.90
            A-1,2025-06-02,K-1,invoice,false,0,POT,1,24.90
            D-1,2025-07-01,K-1,invoice,false,0,POT,2,24.90
            B-1,2025-07-20,K-2,invoice,false,0,POT,4,24.90
            C-1,2025-08-20,K-2,invoice,false,0,POT,5,24.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let report = try KontorBinary.run(["report", "aging", "--shop", "shop", "--from", "2025-06-01", "--to", "2025-08-29"],
                                          root: root.path)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        // E-1 due 15.05. (106 days: over 90), A-1 due 16.06. (74: 61–90), D-1 due 15.07. (45: 31–60),
        // B-1 due 03.08. (26: 1–30), C-1 due 03.09. (not due). Sales of the 90 days: 298.80 of
        // which K-1 74.70, K-2 224.10. DSO: K-1 149.40 × 90 / 74.70 = 180.0; K-2 224.10 × 90 /
        // 224.10 = 90.0; all 373.50 × 90 / 298.80 = 112.5.
        #expect(root.read("outbox/shop/credit/aging_2025-06-01_2025-08-29.csv") == """
            customer,as_of,not_due,days_1_30,days_31_60,days_61_90,days_over_90,total,sales,dso_days\r
            K-1,2025-08-29,0.00,0.00,49.80,24.90,74.70,149.40,74.70,180.0\r
            K-2,2025-08-29,124.50,99.60,0.00,0.00,0.00,224.10,224.10,90.0\r
            total,2025-08-29,124.50,99.60,49.80,24.90,74.70,373.50,298.80,112.5\r

            """)
        // Without a period it is made as of today; it reads every invoice, so it is made when
        // asked for, not after every run.
        #expect(!root.exists("outbox/shop/credit/aging.csv"))
        #expect(try KontorBinary.run(["report", "aging", "--shop", "shop"], root: root.path).status == 0)
        #expect(root.read("outbox/shop/credit/aging.csv")?.hasPrefix("customer,as_of,not_due") == true)
    }
}

/// The text of a PDF as `pdftotext -layout` extracts it (poppler-utils, installed by Scripts/test.sh).
func pdfText(_ path: String) throws -> String {
    let tool = "/usr/bin/pdftotext"
    guard FileManager.default.isExecutableFile(atPath: tool) else {
        Issue.record("pdftotext is missing: run Scripts/test.sh, which installs poppler-utils")
        return ""
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-layout", path, "-"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
