import Foundation
import KontorTestSupport
import Testing

@Suite struct RerunTests {
    @Test func aRejectedBatchAppliesOnRerunOnceMasterDataIsFixed() throws {
        let root = try stockedRoot()
        // Goods received of an article the catalogue lacks reject the file (an order of it
        // would only be held, see AttentionHoldTests).
        try root.write("inbox/shop/receipt.csv", "sku,received\nMUG,5\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        let id = try sql(root, "SELECT id FROM batches WHERE file = 'receipt.csv'")
        try root.write("inbox/shop/mug.csv", "sku,name,price,vat_rate\nMUG,Becher,6.50,19\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let rerun = try KontorBinary.run(["rerun", id], root: root.path, environment: ["USER": "admin-anna"])
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'MUG'") == "5")
        let show = try KontorBinary.run(["batch", "show", id], root: root.path)
        #expect(show.stdout.contains("rerun"))
        #expect(show.stdout.contains("admin-anna"))
    }

    @Test func anAppliedBatchIsRerunOnlyWithForceWhichReversesFirst() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "F", count: 2), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let id = try sql(root, "SELECT id FROM batches WHERE file = 'orders.csv'")
        let balanceBefore = try KontorBinary.run(["ledger", "--json"], root: root.path).stdout
        let stockBefore = try KontorBinary.run(["stock", "--json"], root: root.path).stdout

        let refused = try KontorBinary.run(["rerun", id], root: root.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))

        let forced = try KontorBinary.run(["rerun", id, "--force"], root: root.path)
        #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
        #expect(try sql(root, "SELECT status FROM batches WHERE id = \(id)") == "reverted")
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE rerun_of = \(id) AND status = 'applied'") == "1")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'F-%' AND status != 'reverted'") == "2")
        #expect(try sql(root, "SELECT count(*) FROM journal_entries WHERE reverses IS NOT NULL") == "4")
        #expect(try sql(root, "SELECT count(*) FROM shipments WHERE status = 'cancelled'") == "2")
        #expect(try sql(root, "SELECT group_concat(number) FROM (SELECT number FROM invoices ORDER BY number)") == "RE2025-00001,RE2025-00002,RE2025-00003,RE2025-00004")
        let ledger = try KontorBinary.run(["ledger", "--json"], root: root.path).stdout
        let stock = try KontorBinary.run(["stock", "--json"], root: root.path).stdout
        #expect(stock == stockBefore)
        // Reversal and reapplication double both sides of every account but leave each balance as it was.
        let before = try jsonArray(CommandResult(status: 0, stdout: balanceBefore, stderr: ""))
        let after = try jsonArray(CommandResult(status: 0, stdout: ledger, stderr: ""))
        #expect(before.map { $0["balance"] as? String } == after.map { $0["balance"] as? String })
    }
}

@Suite struct RerunSafetyTests {
    /// A forced rerun of an orders batch whose invoices a later payments batch settled is
    /// refused: reversing it alone would leave the payments without their invoices.
    @Test func aBatchThatLaterBatchesBuiltOnIsNotReversedAlone() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/a-orders.csv", """
            order_number,order_date,payment_method,paid,sku,quantity,unit_price
            P-1,2025-03-03,prepaid,false,TEA,1,8.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        try root.write("inbox/shop/b-payments.csv", "reference,amount,date\nP-1,8.90,2025-03-04\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let orders = try sql(root, "SELECT id FROM batches WHERE file = 'a-orders.csv'")
        let payments = try sql(root, "SELECT id FROM batches WHERE file = 'b-payments.csv'")
        let before = try databaseDump(root.path + "/kontor.sqlite")
        let refused = try KontorBinary.run(["rerun", orders, "--force"], root: root.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("later batch(es) \(payments) built on what it booked"))
        #expect(try databaseDump(root.path + "/kontor.sqlite") == before)
        // The later batch itself can be reversed and reapplied.
        #expect(try KontorBinary.run(["rerun", payments, "--force"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'P-1'") == "shipped")
    }
}

@Suite struct CrashTests {
    /// SIGKILL at random moments while a file is applied: never a partial effect, and the
    /// next run applies the file exactly once.
    @Test func killedAtRandomMomentsTheFileIsAppliedExactlyOnce() throws {
        let root = try stockedRoot()
        var generator = SystemRandomNumberGenerator()
        let trials = Int(ProcessInfo.processInfo.environment["KONTOR_KILL_TRIALS"] ?? "") ?? 200
        var killedMidway = 0
        for trial in 1...trials {
            let prefix = "K\(trial)"
            try root.write("inbox/shop/orders-\(trial).csv", ordersCSV(prefix: prefix, count: 3), done: true)
            let victim = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
            usleep(UInt32.random(in: 0...120_000, using: &generator))
            victim.kill()
            let killed = victim.finish()
            if killed.status != 0 { killedMidway += 1 }
            // The books never hold part of a file.
            let booked = try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE '\(prefix)-%'")
            #expect(booked == "0" || booked == "3", "trial \(trial): \(booked) of 3 orders booked")
            let recovery = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
            #expect(recovery.status == 0, "trial \(trial): \(recovery.stderr)")
            #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE '\(prefix)-%'") == "3", "trial \(trial)")
            #expect(try sql(root, "SELECT count(*) FROM batches WHERE file = 'orders-\(trial).csv' AND status = 'applied' AND finalized = 1") == "1", "trial \(trial)")
        }
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE status != 'applied' OR finalized = 0") == "0")
        // The stock (1000 TEA, two an order) serves the first 500 orders; those are invoiced,
        // the rest wait for goods, not invoiced yet.
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "\(min(3 * trials, 500))")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE status = 'shipped'") == "\(min(3 * trials, 500))")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
        #expect(try sql(root, """
            SELECT count(*) FROM stock_balances b
            WHERE on_hand != (SELECT coalesce(SUM(quantity), 0) FROM stock_movements m WHERE m.shop = b.shop AND m.sku = b.sku)
               OR reserved != (SELECT coalesce(SUM(quantity), 0) FROM reservations r WHERE r.shop = b.shop AND r.sku = b.sku)
            """) == "0")
        #expect(root.list(".kontor/work/shop").isEmpty)
        #expect(root.list("archive/shop", recursive: true).count == trials + 2)
        #expect(root.list("outbox/shop/receipts").count == trials + 2)
        #expect(killedMidway >= trials / 10, "too few trials were killed while running: \(killedMidway)")
    }
}
