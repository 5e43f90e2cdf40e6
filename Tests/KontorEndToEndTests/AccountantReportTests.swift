import Foundation
import KontorTestSupport
import Testing

/// The trial balance, the VAT return's figures and the profit and loss of the samples for
/// March 2025, as German spreadsheets open them, against the journal summed by SQL.
@Suite(.serialized) struct AccountantReportTests {
    /// `-1234.56` from the books as `-1234,56`.
    static func german(_ minor: Int) -> String {
        (minor < 0 ? "-" : "") + "\(abs(minor) / 100)," + String(format: "%02d", abs(minor) % 100)
    }

    func report(_ root: TemporaryRoot, _ name: String) throws -> [[String]] {
        let result = try KontorBinary.run(["report", name, "--shop", "teekontor", "--from", "2025-03-01", "--to", "2025-03-31"],
                                          root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let data = try #require(FileManager.default.contents(
            atPath: root.path + "/outbox/teekontor/accounting/\(name)_2025-03-01_2025-03-31.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM, for a German spreadsheet")
        return String(decoding: data.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func sum(_ root: TemporaryRoot, _ accounts: String) throws -> Int {
        Int(try sql(root, """
            SELECT coalesce(SUM(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE l.account IN (\(accounts)) AND e.date BETWEEN '2025-03-01' AND '2025-03-31'
            """)) ?? -1
    }

    @Test func theReportsOfMarchAgreeWithTheJournal() throws {
        let (root, demo) = try DemoTests.demoRoot()
        #expect(demo.status == 0)

        let vat = try report(root, "vat-return")
        #expect(vat[0] == ["Kennzahl", "Bezeichnung", "Bemessungsgrundlage", "Bemessungsgrundlage volle EUR", "Steuer"])
        let kz81 = try #require(vat.first { $0[0] == "81" })
        #expect(kz81[2] == Self.german(try sum(root, "8400, 8720")))
        #expect(kz81[4] == Self.german(try sum(root, "1776")))
        let kz86 = try #require(vat.first { $0[0] == "86" })
        #expect(kz86[2] == Self.german(try sum(root, "8300, 8710")))
        #expect(kz86[4] == Self.german(try sum(root, "1771")))
        #expect(vat.first { $0[0] == "83" }?[4] == Self.german(try sum(root, "1771, 1776")))

        let balance = try report(root, "trial-balance")
        let total = try #require(balance.last)
        #expect(total[1] == "Summe")
        #expect(total[3] == total[4], "debits equal credits")
        #expect(total[5] == "0,00")
        let bank = try #require(balance.first { $0[0] == "1200" })
        let bankDebit = Int(try sql(root, """
            SELECT coalesce(SUM(l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE l.account = 1200 AND e.date BETWEEN '2025-03-01' AND '2025-03-31'
            """)) ?? -1
        #expect(bank[3] == Self.german(bankDebit))

        let pnl = try report(root, "profit-and-loss")
        let result = try #require(pnl.last)
        #expect(result[0] == "Ergebnis")
        let expected = try sum(root, "SELECT account FROM accounts WHERE account BETWEEN 8000 AND 8999 OR account BETWEEN 2000 AND 2999 OR account BETWEEN 4000 AND 4999")
        #expect(result[3] == Self.german(expected))
    }
}
