import Foundation
import KontorTestSupport
import Testing

/// `kontor verify`: the journal checked against its seals, so that a posted amount changed
/// behind Kontor's back (with the sqlite3 tool, the append-only trigger switched off) is found
/// and the entry named.
@Suite struct VerifyTests {
    @Test func theSamplesVerifyAndAnAmountChangedBehindKontorsBackIsNamed() throws {
        let root = try TemporaryRoot()
        let demo = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        #expect(demo.status == 0, "\(demo.stdout)\(demo.stderr)")
        let clean = try KontorBinary.run(["verify"], root: root.path)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("The journal matches its seals: "))
        let entries = try sql(root, "SELECT count(*) FROM journal_entries")
        #expect(clean.stdout.contains("\(entries) entries"))
        // A revert is a batch too, and sealed like any other.
        let revert = try KontorBinary.run(["revert", try sql(root, "SELECT id FROM batches WHERE file = '07-returns.csv'"),
                                           "--note", "Retouren falsch erfasst"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)

        // Someone switches off the trigger and turns the 55.00 of invoice RE2025-00002 into 5.00
        // on both sides of its entry, so that debits still equal credits.
        let entry = try sql(root, "SELECT id FROM journal_entries WHERE document = 'RE2025-00002' ORDER BY id LIMIT 1")
        _ = try sql(root, """
            DROP TRIGGER journal_lines_no_update;
            UPDATE journal_lines SET debit = debit / 11 WHERE entry_id = \(entry) AND debit > 0;
            UPDATE journal_lines SET credit = credit / 11 WHERE entry_id = \(entry) AND credit > 0;
            """)
        let caught = try KontorBinary.run(["verify"], root: root.path)
        #expect(caught.status == 3)
        #expect(caught.stdout.contains("problem: shop teekontor: entry \(entry) (RE2025-00002, batch 4) does not match its seal"))
        let json = try jsonObject(KontorBinary.run(["verify", "--json"], root: root.path))
        #expect((json["breaches"] as? [String])?.isEmpty == false)
    }

    @Test func anEntryRemovedFromABatchBreaksItsSeal() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "V", count: 3), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)
        let batch = try sql(root, "SELECT id FROM batches WHERE file = 'orders.csv'")
        let last = try sql(root, "SELECT max(id) FROM journal_entries WHERE batch_id = \(batch)")
        _ = try sql(root, """
            DROP TRIGGER journal_lines_no_delete;
            DROP TRIGGER journal_entries_no_delete;
            DELETE FROM journal_lines WHERE entry_id = \(last);
            DELETE FROM journal_entries WHERE id = \(last);
            """)
        let caught = try KontorBinary.run(["verify"], root: root.path)
        #expect(caught.status == 3)
        #expect(caught.stdout.contains("the entries of batch \(batch) do not match its seal"))
    }

    /// On hand is the sum of the stock movements, always: a balance changed behind Kontor's
    /// back is named.
    @Test func aStockFigureThatDiffersFromItsMovementsIsNamed() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "S", count: 2), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let clean = try KontorBinary.run(["verify"], root: root.path)
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("stock on hand and reserved equal their movements and reservations"))
        _ = try sql(root, "UPDATE stock_balances SET on_hand = on_hand + 5 WHERE sku = 'TEA'")
        let caught = try KontorBinary.run(["verify"], root: root.path)
        #expect(caught.status == 3)
        #expect(caught.stdout.contains("problem: shop shop: TEA in main: on hand 1001, but its movements add up to 996"))
    }
}
