import Foundation
import KontorTestSupport
import Testing

/// Faults of the way of one file: files that change under Kontor, books that go missing,
/// shops that trip over their own folders, and what admins do by hand.
extension HostileFaultTests {
    // MARK: A claimed file cannot change under Kontor

    /// A writer that still holds the file open cuts it short after Kontor claimed it. What is
    /// booked, what is archived and the recorded SHA-256 always agree: either the file goes
    /// back to the inbox with nothing booked, or (had the cut come before the fingerprint)
    /// the shorter file is booked whole and archived as it was fingerprinted.
    @Test func aFileCutShortAfterTheClaimIsNeverBookedInPart() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[kontor]\nsettle_seconds = 0\n")
        let count = 3_000
        let full = ordersCSV(prefix: "C", count: count)
        let path = root.path + "/inbox/shop/orders.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(full.utf8))
        let writer = try #require(FileHandle(forWritingAtPath: path))
        // Cut at a line boundary, so that the shorter file is itself a valid orders file.
        let keep = ordersCSV(prefix: "C", count: 40).utf8.count
        _ = FileManager.default.createFile(atPath: path + ".done", contents: Data())
        let run = try KontorBinary.start(["run"], root: root.path)
        while FileManager.default.fileExists(atPath: path + ".done") { usleep(200) }
        try writer.truncate(atOffset: UInt64(keep))
        try writer.close()
        let result = run.finish()
        #expect([0, 1].contains(result.status), "\(result.stdout)\(result.stderr)")

        let batch = try sql(root, "SELECT id || '|' || status || '|' || sha256 || '|' || coalesce(archive_path, '') FROM batches WHERE file = 'orders.csv'")
        let parts = batch.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 4, "\(batch)")
        let booked = try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'C-%' AND status != 'reverted'")
        switch parts[1] {
        case "withdrawn":
            #expect(booked == "0")
            #expect(root.read("inbox/shop/orders.csv")?.utf8.count == keep)
            #expect(result.stdout.contains("put back"))
        case "applied":
            // The cut came before the fingerprint: the file Kontor saw had 40 orders.
            let archived = try #require(root.read(parts[3]))
            #expect(try sha256(archived) == parts[2])
            #expect(Int(booked) == archived.split(separator: "\n").count / 2)
        default:
            Issue.record("unexpected outcome \(batch)\n\(result.stdout)\(result.stderr)")
        }
    }

    // MARK: Batch identity survives a lost database

    /// The books deleted between runs: Kontor refuses to start new books over an archive of
    /// old ones, and `doctor` says how to restore.
    @Test func lostBooksAreNoticedBeforeAnyNumberIsReused() throws {
        let root = try stockedRoot()
        let archivedBefore = root.list("archive", recursive: true)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: root.path + "/kontor.sqlite" + suffix) }
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "L", count: 2), done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 3)
        #expect(run.stderr.contains("kontor.sqlite is missing, but"))
        #expect(run.stderr.contains("Restore kontor.sqlite"))
        #expect(run.stderr.hasSuffix("[books.missing]\n"))
        #expect(!root.exists("kontor.sqlite"))
        #expect(root.exists("inbox/shop/orders.csv"))
        #expect(root.list("archive", recursive: true) == archivedBefore)
        let doctor = try KontorBinary.run(["doctor"], root: root.path)
        #expect(doctor.status == 3)
        #expect(doctor.stdout.contains("problem: kontor.sqlite is missing, but the archive holds 2 file(s)"))
    }

    /// The books restored from an older backup: batch numbers come again, but no archived
    /// file and no receipt is ever overwritten, and `doctor` sees the books are older.
    @Test func booksRestoredFromAnOlderBackupNeverOverwriteArchiveOrReceipts() throws {
        let root = try stockedRoot()
        let backup = root.path + "/backup.sqlite"
        #expect(try sql(root, "VACUUM INTO '\(backup)'") == "")
        try root.write("inbox/shop/a.csv", ordersCSV(prefix: "A", count: 1), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let archiveOfA = try #require(root.list("archive", recursive: true).first { $0.hasSuffix("-a.csv") })
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: root.path + "/kontor.sqlite" + suffix) }
        #expect(rename(backup, root.path + "/kontor.sqlite") == 0)
        try root.write("inbox/shop/a.csv", ordersCSV(prefix: "B", count: 1), done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // Batch 3 again, under another name: both uploads are archived, both receipts kept.
        let archived = root.list("archive", recursive: true).filter { $0.hasSuffix("a.csv") }
        #expect(archived.count == 2)
        #expect(root.read("archive/" + archiveOfA) == ordersCSV(prefix: "A", count: 1))
        #expect(archived.contains { root.read("archive/" + $0) == ordersCSV(prefix: "B", count: 1) })
        #expect(root.list("outbox/shop/receipts").filter { $0.contains("a.csv") }.count == 2)
        let doctor = try KontorBinary.run(["doctor"], root: root.path)
        #expect(doctor.status == 3)
        #expect(doctor.stdout.contains("that no batch in these books names"))
    }

    // MARK: Rerun of a rerun

    /// A forced rerun reverses exactly the batch named: after any chain of forced reruns the
    /// books equal those of one clean run of the same file (invoice numbers aside).
    @Test(arguments: [1, 2, 3, 4])
    func aChainOfForcedRerunsEndsWhereOneCleanRunEnds(length: Int) throws {
        var generator = SeededGenerator(seed: UInt64(length) * 7_919)
        let orders = randomOrders(count: 6, using: &generator)
        let clean = try stockedRoot()
        try clean.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"60.00\"\n")
        try clean.write("inbox/shop/orders.csv", orders, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: clean.path).status == 0)

        let chained = try stockedRoot()
        try chained.write("kontor.toml", "[kontor]\ndefault_credit_limit = \"60.00\"\n")
        try chained.write("inbox/shop/orders.csv", orders, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: chained.path).status == 0)
        for _ in 0..<length {
            let latest = try sql(chained, "SELECT max(id) FROM batches WHERE file = 'orders.csv' AND status = 'applied'")
            let rerun = try KontorBinary.run(["rerun", latest, "--force"], root: chained.path)
            #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        }
        #expect(try booksFigures(chained) == booksFigures(clean))
        #expect(try sql(chained, "SELECT count(*) FROM batches WHERE status = 'reverted'") == "\(length)")
    }

    // MARK: Shops are isolated

    /// A shop that made a folder of the name its rejected file needs, or a link of its
    /// `rejected` folder, stops neither itself nor any other shop.
    @Test func aShopsOwnFoldersStopNoShop() throws {
        let root = try stockedRoot()
        try FileManager.default.createDirectory(atPath: root.path + "/inbox/shop/rejected/bad.csv", withIntermediateDirectories: true)
        try root.write("inbox/shop/bad.csv", "sku,counted\nTEA,viele\n", done: true)
        let outside = try TemporaryRoot(initialized: false)
        try FileManager.default.createDirectory(atPath: root.path + "/inbox/other", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/inbox/other/rejected", withDestinationPath: outside.path)
        try root.write("inbox/other/bad.csv", "sku,name,price,vat_rate\nX,Ding,zwei,19\n", done: true)
        try root.write("inbox/zshop/products.csv", productsCSV, done: true)

        let first = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
        #expect(try sql(root, "SELECT count(*) FROM articles WHERE shop = 'zshop'") == "2")
        let placed = root.list("inbox/shop/rejected").filter { $0.hasSuffix("-bad.csv") }
        #expect(placed.count == 1)
        #expect(root.exists("inbox/shop/rejected/\(placed.first ?? "-").errors.txt"))
        #expect(outside.list("").isEmpty)

        try root.write("inbox/zshop/count.csv", countCSV, done: true)
        let second = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE shop = 'zshop' AND sku = 'TEA'") == "1000")
    }

    /// A file that Kontor's user may not read (uploaded by another system user with mode
    /// 0600) stays where it is, is reported, and stops no other shop.
    @Test(.enabled(if: getuid() == 0, "needs root to hand the root to the user nobody"))
    func aFileKontorMayNotReadStaysWhereItIsWithAReport() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/other/products.csv", productsCSV, done: true)
        try root.write("inbox/shop/products.csv", productsCSV, done: true)
        #expect(chown(root.path, 65_534, 65_534) == 0)
        try chownTree(root.path, to: 65_534)
        // The upload of another user: owned by root, readable by root alone.
        let secret = root.path + "/inbox/shop/products.csv"
        #expect(chown(secret, 0, 0) == 0 && chmod(secret, 0o600) == 0)

        let result = try runAsNobody(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("left in place"))
        #expect(result.stdout.contains("Kontor may not read the file"))
        #expect(FileManager.default.fileExists(atPath: secret))
        #expect(try sql(root, "SELECT count(*) FROM articles WHERE shop = 'other'") == "2")
        #expect(root.list(".kontor/work/shop").isEmpty)
    }

    /// Files dropped into `inbox/` itself and shop folders of unusable names are reported,
    /// not passed over in silence.
    @Test func whatKontorDoesNotReadIsNamedInTheRunsOutput() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/orders.csv", ordersCSV(prefix: "X", count: 1))
        try root.write("inbox/café/products.csv", productsCSV, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("inbox/orders.csv is not read: files belong into a shop's folder"))
        #expect(result.stdout.contains("inbox/café/ is not read: a shop folder's name may hold only"))
    }

    // MARK: watch

    /// `watch` skips a shop that another process holds, says so, and takes its files as soon
    /// as the lock is free; on SIGTERM it exits 0 although it rejected a file.
    @Test func watchRetriesALockedShopAndStopsCleanly() throws {
        let root = try stockedRoot()
        try FileManager.default.createDirectory(atPath: root.path + "/.kontor/locks", withIntermediateDirectories: true)
        let lockFD = open(root.path + "/.kontor/locks/shop.lock", O_RDWR | O_CREAT, 0o644)
        #expect(lockFD >= 0 && flock(lockFD, LOCK_EX) == 0)
        let watch = try KontorBinary.start(["watch", "--settle", "0.2", "--verbose"], root: root.path)
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "W", count: 2), done: true)
        try root.write("inbox/shop/bad.csv", "sku,counted\nTEA,viele\n", done: true)
        usleep(1_500_000)
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'W-%'") == "0")
        flock(lockFD, LOCK_UN)
        close(lockFD)
        var booked = ""
        for _ in 0..<100 where booked != "2" {
            usleep(100_000)
            booked = try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'W-%'")
        }
        #expect(booked == "2")
        for _ in 0..<50 where !root.exists("inbox/shop/rejected/bad.csv.errors.txt") { usleep(100_000) }
        kill(watch.process.processIdentifier, SIGTERM)
        let result = watch.finish()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("shop shop is being worked by"))
        #expect(result.stderr.contains("shop shop is free again"))
    }

    // MARK: Smaller

    /// A root that Kontor did not make is refused, and nothing is created there.
    @Test func aMistypedRootIsRefused() throws {
        let folder = try TemporaryRoot(initialized: false)
        let result = try KontorBinary.run(["run"], root: folder.path + "/typo")
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a Kontor root (it has no kontor.toml and no kontor.sqlite)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/typo"))
        #expect(folder.list("").isEmpty)
    }

    /// `batch show` of a batch that does not exist says so, without a usage text.
    @Test func aMissingBatchIsNamedWithoutAUsageText() throws {
        let root = try stockedRoot()
        let result = try KontorBinary.run(["batch", "show", "999"], root: root.path)
        #expect(result.status == 2)
        #expect(result.stderr == "kontor: there is no batch 999; kontor batches lists them\n")
    }

    /// Reports that could not be written (a full disk, here an outbox folder Kontor may not
    /// write through) are written by the next run, though it brings no new file.
    @Test func reportsAFailedRunCouldNotWriteAreWrittenByTheNextRun() throws {
        let root = try stockedRoot()
        let elsewhere = try TemporaryRoot(initialized: false)
        try FileManager.default.moveItem(atPath: root.path + "/outbox/shop", toPath: elsewhere.path + "/shop")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/outbox/shop", withDestinationPath: elsewhere.path + "/shop")
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "R", count: 2), done: true)
        let failed = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(failed.status == 3, "\(failed.stdout)\(failed.stderr)")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'R-%'") == "2")

        try FileManager.default.removeItem(atPath: root.path + "/outbox/shop")
        try FileManager.default.moveItem(atPath: elsewhere.path + "/shop", toPath: root.path + "/outbox/shop")
        let next = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        let journal = try #require(root.read("outbox/shop/journal.csv"))
        #expect(journal.contains("Bestellung R-2"))
        #expect(try #require(root.read("outbox/shop/stock.csv")).contains("TEA"))
    }

    /// `journal.csv` grows by what each run posted, and rows that a stopped append left
    /// half-written are cut off and written again: the file always equals the journal made
    /// anew from the books.
    @Test func theJournalIsAppendedToAndAStoppedAppendIsMended() throws {
        let root = try stockedRoot()
        func wholeJournal() throws -> String? {
            let made = try KontorBinary.run(["report", "journal", "--shop", "shop", "--from", "2000-01-01", "--to", "2999-12-31"],
                                            root: root.path)
            #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
            return root.read("outbox/shop/journal_2000-01-01_2999-12-31.csv")
        }
        try root.write("inbox/shop/a.csv", ordersCSV(prefix: "J", count: 3), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let first = try #require(root.read("outbox/shop/journal.csv"))
        try root.write("inbox/shop/b.csv", ordersCSV(prefix: "K", count: 2), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let second = try #require(root.read("outbox/shop/journal.csv"))
        #expect(second.hasPrefix(first) && second.count > first.count)
        #expect(try second == wholeJournal())

        // A run stopped in the middle of an append left half a row behind.
        let handle = try #require(FileHandle(forWritingAtPath: root.path + "/outbox/shop/journal.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("99999,2025-03-0".utf8))
        try handle.close()
        try root.write("inbox/shop/c.csv", ordersCSV(prefix: "L", count: 1), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let third = try #require(root.read("outbox/shop/journal.csv"))
        #expect(!third.contains("99999,2025-03-0"))
        #expect(try third == wholeJournal())
    }

    /// Two runs at once append to one shop's journal one after the other, never into each
    /// other: the file equals the journal made anew.
    @Test func twoRunsAtOnceKeepTheJournalWhole() throws {
        let root = try stockedRoot()
        for i in 1...8 { try root.write("inbox/shop/orders-\(i).csv", ordersCSV(prefix: "Q\(i)", count: 20), done: true) }
        let a = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
        let b = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
        let ra = a.finish(), rb = b.finish()
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr)\n\(rb.stderr)")
        let made = try KontorBinary.run(["report", "journal", "--shop", "shop", "--from", "2000-01-01", "--to", "2999-12-31"],
                                        root: root.path)
        #expect(made.status == 0)
        let journal = try #require(root.read("outbox/shop/journal.csv"))
        #expect(journal == root.read("outbox/shop/journal_2000-01-01_2999-12-31.csv"))
        // Seven posting lines an order: its invoice (receivable, revenue and VAT at 7 % and 19 %) and its payment.
        #expect(journal.components(separatedBy: "Bestellung Q").count - 1 == 8 * 20 * 7)
    }

    /// A batch's summary keeps the first thousand documents of each kind in memory, and its
    /// receipt lists every one of them from the books.
    @Test func aReceiptListsEveryDocumentHoweverMany() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nTEA,2400\nPOT,1200\n", done: true)
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "M", count: 1_200), done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // The stock serves every order: each is invoiced and ships.
        #expect(run.stdout.contains("1200 invoices, 1200 shipments"))
        let name = try #require(root.list("outbox/shop/receipts").last { $0.contains("orders.csv") })
        let receipt = try #require(root.read("outbox/shop/receipts/" + name))
        #expect(receipt.components(separatedBy: "  order M-").count - 1 == 1_200)
        #expect(receipt.contains("RE2025-01200  order M-1200  47.60 EUR"))
        #expect(receipt.components(separatedBy: " (order M-").count - 1 == 1_200)
        #expect(receipt.contains("SH-01200 (order M-1200)"))
        let summary = try sql(root, "SELECT summary FROM batches WHERE file = 'orders.csv'")
        #expect(summary.contains(#""invoices":{"kept":["#) && summary.contains(#""total":1200"#))
    }

    /// A rerun killed before it decided leaves no batch `received` for good: the next run
    /// withdraws it, and nothing of it was applied.
    @Test func aRerunKilledBeforeItDecidedIsWithdrawnByTheNextRun() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "K", count: 600), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let id = try sql(root, "SELECT id FROM batches WHERE file = 'orders.csv'")
        let before = try booksDump(root)
        let rerun = try KontorBinary.start(["rerun", id, "--force"], root: root.path)
        var opened = ""
        for _ in 0..<2_000 where opened != "1" {
            usleep(2_000)
            opened = try sql(root, "SELECT count(*) FROM batches WHERE rerun_of = \(id)")
        }
        rerun.kill()
        _ = rerun.finish()
        try #require(opened == "1")
        try #require(try sql(root, "SELECT status FROM batches WHERE rerun_of = \(id)") == "received",
                     "the rerun decided before it was killed; nothing to show")
        #expect(try booksDump(root) == before)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM batches WHERE rerun_of = \(id)") == "withdrawn")
        #expect(try sql(root, "SELECT status FROM batches WHERE id = \(id)") == "applied")
        #expect(try booksDump(root) == before)
    }

    /// A file that stops Kontor each time it is processed (here: killed mid-way three times)
    /// is set aside as rejected on the fourth run, and the other shops go on.
    @Test func aFileThatStopsKontorEveryTimeIsSetAsideAndTheOthersGoOn() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "P", count: 600), done: true)
        for attempt in 1...3 {
            let run = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
            var counted = ""
            for _ in 0..<5_000 where counted != "\(attempt)" {
                usleep(1_000)
                counted = (try? sql(root, "SELECT attempts FROM batches WHERE file = 'orders.csv'")) ?? ""
            }
            run.kill()
            _ = run.finish()
            try #require(counted == "\(attempt)", "attempt \(attempt) was not seen")
            try #require(try sql(root, "SELECT status FROM batches WHERE file = 'orders.csv'") == "received",
                         "the file was decided before the kill; nothing to show")
        }
        try root.write("inbox/zshop/products.csv", productsCSV, done: true)
        let fourth = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(fourth.status == 1, "\(fourth.stdout)\(fourth.stderr)")
        #expect(try sql(root, "SELECT status FROM batches WHERE file = 'orders.csv'") == "rejected")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'P-%'") == "0")
        #expect(try sql(root, "SELECT count(*) FROM articles WHERE shop = 'zshop'") == "2")
        let report = try #require(root.read("inbox/shop/rejected/orders.csv.errors.txt"))
        #expect(report.contains("Kontor started on this file 3 times"))
        #expect(report.contains("kontor rerun"))
    }
}

// MARK: Helpers of these tests

/// The figures of the books that do not depend on how numbers were drawn: orders and their
/// states, stock, account balances, and the live invoices' totals per order.
private func booksFigures(_ root: TemporaryRoot) throws -> [String] {
    [
        try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders WHERE status != 'reverted' ORDER BY order_number)"),
        try sql(root, "SELECT group_concat(sku || ':' || on_hand || '/' || reserved, ' ') FROM (SELECT * FROM stock_balances ORDER BY sku)"),
        try sql(root, """
            SELECT group_concat(account || ':' || balance, ' ') FROM (SELECT account, SUM(debit) - SUM(credit) AS balance
            FROM journal_lines GROUP BY account HAVING balance != 0 ORDER BY account)
            """),
        try sql(root, """
            SELECT group_concat(order_number || ':' || gross, ' ') FROM (SELECT order_number, gross FROM invoices i
            WHERE NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = i.entry_id) ORDER BY order_number)
            """),
        try sql(root, "SELECT group_concat(order_number, ' ') FROM (SELECT order_number FROM credit_holds WHERE status = 'held' ORDER BY order_number)"),
        try sql(root, "SELECT count(*) FROM shipments WHERE status != 'cancelled'"),
    ]
}

/// Orders of mixed kinds: paid and prepaid-unpaid, on account (some over the limit), and
/// some asking for more than is in stock.
private func randomOrders(count: Int, using generator: inout SeededGenerator) -> String {
    var text = "order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price,customer_id\n"
    for i in 1...count {
        let method = ["paypal", "prepaid", "invoice"][Int(generator.next() % 3)]
        let paid = method == "paypal" ? "true" : "false"
        let quantity = [1, 2, 5, 600][Int(generator.next() % 4)]
        let customer = method == "invoice" ? "K-\(generator.next() % 3)" : ""
        text += "R-\(i),2025-03-0\(1 + i % 9),\(method),\(paid),4.90,TEA,\(quantity),8.90,\(customer)\n"
        if generator.next() % 2 == 0 { text += "R-\(i),2025-03-0\(1 + i % 9),\(method),\(paid),,POT,1,24.90,\(customer)\n" }
    }
    return text
}

/// SHA-256 of a text, by the system's `sha256sum`.
private func sha256(_ text: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

private func chownTree(_ path: String, to uid: uid_t) throws {
    let walker = try #require(FileManager.default.enumerator(atPath: path))
    while let name = walker.nextObject() as? String { _ = lchown(path + "/" + name, uid, gid_t(uid)) }
}

/// Runs `kontor` as the unprivileged user `nobody`, as a service account would.
private func runAsNobody(_ arguments: [String], root: String) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", KontorBinary.path] + arguments + ["--root", root]
    var env = ProcessInfo.processInfo.environment
    env["KONTOR_ROOT"] = nil
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}
