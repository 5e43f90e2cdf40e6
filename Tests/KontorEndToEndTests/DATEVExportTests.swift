import Foundation
import KontorTestSupport
import Testing

/// The DATEV export of the sample shop: every month's file keeps every rule of the
/// DATEV-Format (checked by `DATEVChecker`), its totals agree with the trial balance, and
/// exporting a month again gives the same bytes.
@Suite(.serialized) struct DATEVExportTests {
    static let march = "outbox/teekontor/datev/EXTF_Buchungsstapel_2025-03.csv"

    static func demo(settings: String? = nil) throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        if let settings { try root.write("kontor.toml", settings) }
        let result = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        // The accountant's export is made when asked for: every month that has entries.
        #expect(!root.exists("outbox/teekontor/datev"))
        let export = try KontorBinary.run(["report", "datev", "--shop", "teekontor"], root: root.path)
        #expect(export.status == 0, "\(export.stdout)\n\(export.stderr)")
        return root
    }

    static func bytes(_ root: TemporaryRoot, _ relative: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: root.path + "/" + relative), "\(relative) is missing")
    }

    /// Balances per account from DATEV rows: `S` debits the account and credits the contra
    /// account, `H` the other way round.
    static func balances(_ bookings: [DATEVChecker.Booking]) -> [Int: Int] {
        var balance: [Int: Int] = [:]
        for b in bookings {
            let signed = b.side == "S" ? b.amount : -b.amount
            balance[b.account, default: 0] += signed
            balance[b.contraAccount, default: 0] -= signed
        }
        return balance
    }

    /// Balances per account of the trial balance (`kontor ledger --json`).
    static func ledger(_ root: TemporaryRoot) throws -> [Int: Int] {
        var balance: [Int: Int] = [:]
        for row in try jsonArray(KontorBinary.run(["ledger", "--json"], root: root.path)) {
            let account = try #require(row["account"] as? Int)
            balance[account] = cents(row["balance"])
        }
        return balance
    }

    @Test func everyMonthOfTheSamplesPassesTheCheckerAndAgreesWithTheTrialBalance() throws {
        let root = try Self.demo()
        let months = try sql(root, "SELECT DISTINCT substr(date, 1, 7) FROM journal_entries ORDER BY 1")
            .split(separator: "\n").map(String.init)
        let files = root.list("outbox/teekontor/datev").sorted()
        #expect(files == months.map { "EXTF_Buchungsstapel_\($0).csv" })
        var bookings: [DATEVChecker.Booking] = []
        for file in files {
            let read = DATEVChecker().read(try Self.bytes(root, "outbox/teekontor/datev/" + file))
            #expect(read.problems.isEmpty, "\(file): \(read.problems.map(\.description).joined(separator: "\n"))")
            #expect(!read.bookings.isEmpty)
            bookings += read.bookings
        }
        #expect(bookings.allSatisfy { $0.taxKey.isEmpty })
        let datev = Self.balances(bookings)
        let ledger = try Self.ledger(root)
        // VAT accounts have no rows: DATEV derives the tax from the gross amounts on the
        // automatic accounts of the rate, which therefore carry revenue and its VAT.
        #expect(datev[1771] == nil && datev[1776] == nil)
        #expect((datev[8300] ?? 0) + (datev[8710] ?? 0) == (ledger[8300] ?? 0) + (ledger[8710] ?? 0) + (ledger[1771] ?? 0))
        #expect((datev[8400] ?? 0) + (datev[8720] ?? 0) == (ledger[8400] ?? 0) + (ledger[8720] ?? 0) + (ledger[1776] ?? 0))
        #expect(ledger[8300] != nil && ledger[8400] != nil && ledger[1771] != nil)
        for (account, balance) in ledger where ![1771, 1776, 8300, 8400, 8710, 8720].contains(account) {
            #expect(datev[account] == balance, "account \(account): DATEV \(datev[account] ?? 0), trial balance \(balance)")
        }
        #expect(Set(datev.keys).subtracting(ledger.keys).isEmpty)
        #expect(datev.values.reduce(0, +) == 0)
    }

    /// With `chart = "SKR04"` every account goes over under its SKR04 number, the checker
    /// accepts every month, and each account's total is its SKR03 account's.
    @Test func anSKR04ExportMapsEveryAccountAndAgreesWithTheSKR03Books() throws {
        let skr03 = try Self.demo()
        let skr04 = try Self.demo(settings: "[shops.teekontor.datev]\nchart = \"SKR04\"\n")
        func balances(_ root: TemporaryRoot) throws -> [Int: Int] {
            var bookings: [DATEVChecker.Booking] = []
            for file in root.list("outbox/teekontor/datev").sorted() {
                let read = DATEVChecker().read(try Self.bytes(root, "outbox/teekontor/datev/" + file))
                #expect(read.problems.isEmpty, "\(file): \(read.problems.map(\.description).joined(separator: "\n"))")
                bookings += read.bookings
            }
            return Self.balances(bookings)
        }
        let (old, new) = (try balances(skr03), try balances(skr04))
        #expect(!old.isEmpty)
        let map: [Int: Int] = [1200: 1800, 1360: 1460, 1400: 1200, 1590: 1370, 2650: 7100, 2700: 4830, 4970: 6855,
                                8300: 4300, 8400: 4400, 8710: 4710, 8720: 4720]
        for (account, balance) in old {
            let mapped = try #require(map[account], "SKR03 \(account) has no SKR04 number in the test's table")
            #expect(new[mapped] == balance, "SKR03 \(account) → SKR04 \(mapped)")
        }
        #expect(new.count == old.count)
        let header = try #require(DATEVChecker.windows1252(try Self.bytes(skr04, Self.march))?.split(separator: "\r\n").first)
        #expect(header.split(separator: ";", omittingEmptySubsequences: false)[26] == "\"04\"")

        // A clearing account of its own has no standard SKR04 number: the export refuses the
        // month and says how to give it.
        let own = try TemporaryRoot()
        try own.write("kontor.toml", """
            [shops.shop.datev]
            chart = "SKR04"

            [shops.shop.clearing_accounts]
            paypal = 1361

            """)
        try own.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try own.write("inbox/shop/02-count.csv", countCSV, done: true)
        try own.write("inbox/shop/03-orders.csv", ordersCSV(prefix: "P", count: 1), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: own.path).status == 0)
        let refused = try KontorBinary.run(["report", "datev", "--shop", "shop"], root: own.path)
        #expect(refused.status != 0)
        #expect((refused.stdout + refused.stderr).contains("no SKR04 account is known for SKR03 1361"))
        try own.write("kontor.toml", """
            [shops.shop.datev]
            chart = "SKR04"

            [shops.shop.datev.skr04]
            1361 = 1461

            [shops.shop.clearing_accounts]
            paypal = 1361

            """)
        #expect(try KontorBinary.run(["report", "datev", "--shop", "shop"], root: own.path).status == 0)
    }

    @Test func theRowsOfAnInvoiceAndItsPaymentReadAsDATEVBooksThem() throws {
        let root = try Self.demo()
        let text = try #require(DATEVChecker.windows1252(try Self.bytes(root, Self.march)))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "\"EXTF\";700;21;\"Buchungsstapel\";13;"
                + DATEVExportTests.madeAt(root) + ";;\"RE\";\"\";\"\";1001;1;20250101;4;20250301;20250331;"
                + "\"Kontor teekontor 2025-03\";\"\";1;0;0;\"EUR\";;\"\";;;\"03\";;;\"\";\"\"")
        // RE2025-00002: 55.00 gross, 22.42 net + 4.26 VAT at 19 %, 26.47 + 1.85 at 7 %.
        let invoice = lines.filter { $0.contains("\"RE2025-00002\"") && $0.contains("\"Rechnung ") }
        #expect(invoice.map { $0.split(separator: ";", omittingEmptySubsequences: false).prefix(14).joined(separator: ";") } == [
            "26,68;\"S\";\"EUR\";;;;1400;8400;\"\";0303;\"RE2025-00002\";;;\"Rechnung RE2025-00002 zu Bestellung 1002\"",
            "28,32;\"S\";\"EUR\";;;;1400;8300;\"\";0303;\"RE2025-00002\";;;\"Rechnung RE2025-00002 zu Bestellung 1002\"",
        ])
        #expect(invoice.allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false)[114] == "03032025" })
        let payment = try #require(lines.first { $0.contains("\"RE2025-00002\"") && $0.contains("\"Zahlung ") })
        #expect(payment.hasPrefix("55,00;\"S\";\"EUR\";;;;1360;1400;\"\";0303;\"RE2025-00002\";;;\"Zahlung paypal Bestellung 1002\""))
        #expect(payment.split(separator: ";", omittingEmptySubsequences: false)[114] == "")
    }

    static func madeAt(_ root: TemporaryRoot) -> String {
        let received = (try? sql(root, """
            SELECT MAX(b.received_at) FROM journal_entries e JOIN batches b ON b.id = e.batch_id WHERE e.date LIKE '2025-03-%'
            """)) ?? ""
        return String((received.filter(\.isNumber) + "000").prefix(17))
    }

    /// One broken rule in an otherwise good file, and the problem the checker must name.
    static let breakages: [(name: String, from: String, to: String, line: Int, field: Int)] = [
        ("amount with a decimal point", "\r\n34,55;\"S\"", "\r\n34.55;\"S\"", 3, 1),
        ("negative amount", "\r\n34,55;\"S\"", "\r\n-34,55;\"S\"", 3, 1),
        ("side other than S or H", "\r\n34,55;\"S\"", "\r\n34,55;\"D\"", 3, 2),
        ("tax key on an automatic account", "1400;8300;\"\";0303", "1400;8300;\"3\";0303", 3, 9),
        ("date with the year", "1400;8300;\"\";0303;", "1400;8300;\"\";03032025;", 3, 10),
        ("document with an underscore", "\"RE2025-00001\";;;\"Rechnung", "\"RE2025_00001\";;;\"Rechnung", 3, 11),
    ]

    @Test(arguments: 0..<breakages.count)
    func theCheckerNamesOneBrokenRuleInAFile(_ index: Int) throws {
        let root = try Self.demo()
        let good = try Self.bytes(root, Self.march)
        #expect(DATEVChecker().problems(good).isEmpty)
        let breakage = Self.breakages[index]
        let text = try #require(DATEVChecker.windows1252(good))
        let range = try #require(text.range(of: breakage.from), "\(breakage.name): the file lacks \(breakage.from)")
        let broken = text.replacingCharacters(in: range, with: breakage.to)
        let problems = DATEVChecker().problems(Data(broken.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
        #expect(problems.count == 1, "\(breakage.name): \(problems)")
        #expect(problems.first?.line == breakage.line && problems.first?.field == breakage.field, "\(breakage.name): \(problems)")
    }

    @Test func theCheckerRefusesUTF8AndBareLineFeeds() throws {
        let root = try Self.demo()
        let good = try Self.bytes(root, Self.march)
        let text = try #require(DATEVChecker.windows1252(good))
        #expect(DATEVChecker().problems(Data(text.utf8)).contains { $0.message.contains("UTF-8") })
        let lf = Data(text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        #expect(!DATEVChecker().problems(lf).isEmpty)
    }

    @Test func exportingAMonthAgainGivesTheSameBytes() throws {
        let root = try Self.demo()
        let afterRun = try Self.bytes(root, Self.march)
        for _ in 0..<2 {
            let result = try KontorBinary.run(["report", "datev", "--shop", "teekontor", "--from", "2025-03-01", "--to", "2025-03-31"],
                                              root: root.path)
            #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
            #expect(result.stdout == "wrote \(Self.march)\n")
            #expect(try Self.bytes(root, Self.march) == afterRun)
        }
        let again = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(again.status == 0)
        #expect(try Self.bytes(root, Self.march) == afterRun)
    }

    @Test func aPeriodAcrossAYearEndGivesOneFilePerMonth() throws {
        let root = try Self.demo()
        let result = try KontorBinary.run(["report", "datev", "--shop", "teekontor", "--from", "2024-12-15", "--to", "2025-01-31"],
                                          root: root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            wrote outbox/teekontor/datev/EXTF_Buchungsstapel_2024-12-15_2024-12-31.csv
            wrote outbox/teekontor/datev/EXTF_Buchungsstapel_2025-01.csv

            """)
        let december = try Self.bytes(root, "outbox/teekontor/datev/EXTF_Buchungsstapel_2024-12-15_2024-12-31.csv")
        #expect(DATEVChecker().problems(december).isEmpty, "\(DATEVChecker().problems(december))")
        let header = try #require(DATEVChecker.windows1252(december)?.components(separatedBy: "\r\n").first)
        #expect(header.contains(";1001;1;20240101;4;20241215;20241231;"))
    }

    @Test func customersOnDebtorsOfTheirOwnComeWithTheirMasterData() throws {
        let root = try Self.demo(settings: """
            [shops.teekontor.datev]
            consultant_number = 4711
            client_number = 42
            debtors = "per_customer"

            """)
        let read = DATEVChecker().read(try Self.bytes(root, Self.march))
        #expect(read.problems.isEmpty, "\(read.problems)")
        let text = try #require(DATEVChecker.windows1252(try Self.bytes(root, Self.march)))
        #expect(text.hasPrefix("\"EXTF\";700;21;\"Buchungsstapel\";13;\(Self.madeAt(root));;\"RE\";\"\";\"\";4711;42;"))
        let datev = Self.balances(read.bookings)
        let debtors = datev.filter { $0.key >= 10000 }
        #expect(datev[1400] == nil)
        #expect(debtors.count == Set(try sql(root, "SELECT DISTINCT customer_key FROM journal_lines WHERE account = 1400 AND customer_key IS NOT NULL")
            .split(separator: "\n")).count)
        #expect(debtors.values.reduce(0, +) == (try Self.ledger(root))[1400])
        #expect(debtors.keys.min() == 10000)

        let master = try #require(DATEVChecker.windows1252(try Self.bytes(root, "outbox/teekontor/datev/EXTF_Debitoren_2025-03.csv")))
        let lines = String(String.UnicodeScalarView(master.unicodeScalars.dropLast(2))).components(separatedBy: "\r\n")
        #expect(master.hasSuffix("\r\n"))
        #expect(lines[0].hasPrefix("\"EXTF\";700;16;\"Debitoren/Kreditoren\";5;"))
        #expect(lines[0].split(separator: ";", omittingEmptySubsequences: false).count == 31)
        #expect(lines[1].split(separator: ";", omittingEmptySubsequences: false).count == 254)
        #expect(lines.count - 2 == debtors.count)
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            #expect(fields.count == 254)
            #expect(debtors[Int(fields[0]) ?? 0] != nil, "debtor \(fields[0]) has no rows")
        }
        #expect(lines.contains { $0.hasPrefix("10000;") && $0.contains("\"K-1001\"") })
    }
}
