import Foundation
import KontorTestSupport
import Testing

@Suite struct WayOfOneFileTests {
    @Test func aFileWithOneBadLineIsRejectedWholeAndTheBooksStayUnchanged() throws {
        let root = try stockedRoot()
        let before = try booksDump(root)
        var orders = ordersCSV(prefix: "A", count: 5)
        orders = orders.replacingOccurrences(of: "A-4,2025-03-03,paypal,true,4.90,TEA,2,", with: "A-4,2025-03-03,paypal,true,4.90,TEA,zwei,")
        try root.write("inbox/shop/orders.csv", orders, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        #expect(try booksDump(root) == before)
        let report = try #require(root.read("inbox/shop/rejected/orders.csv.errors.txt"))
        #expect(report.contains("orders.csv:8:7\n  EN: quantity \"zwei\" is not a whole number"))
        #expect(root.read("inbox/shop/rejected/orders.csv") == orders)
        #expect(!root.exists("inbox/shop/orders.csv"))
    }

    @Test func dryRunReportsAndChangesNothing() throws {
        let root = try stockedRoot()
        let before = try databaseDump(root.path + "/kontor.sqlite")
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "D", count: 3), done: true)
        let result = try KontorBinary.run(["run", "--dry-run", "--settle", "0", "--json"], root: root.path)
        #expect(result.status == 0)
        let report = try jsonObject(result)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["status"] as? String } == ["would apply"])
        #expect(files.first?["detail"] as? String == "3 invoices, 3 shipments")
        #expect(try databaseDump(root.path + "/kontor.sqlite") == before)
        #expect(root.exists("inbox/shop/orders.csv"))
        #expect(root.exists("inbox/shop/orders.csv.done"))
    }

    @Test func aGrowingFileIsNotTouchedUntilItSettles() throws {
        let root = try stockedRoot()
        let path = root.path + "/inbox/shop/orders.csv"
        let lines = ordersCSV(prefix: "G", count: 12).split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n" }
        _ = FileManager.default.createFile(atPath: path, contents: Data(lines[0].utf8))
        let run = try KontorBinary.start(["run", "--settle", "1.5"], root: root.path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        for line in lines.dropFirst() where line != "\n" {
            usleep(150_000)
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
        }
        try handle.close()
        let result = run.finish()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let batch = try sql(root, "SELECT size || ':' || status || ':' || records FROM batches WHERE file = 'orders.csv'")
        let full = lines.joined().utf8.count - (lines.last == "\n" ? 1 : 0)
        #expect(batch == "\(full):applied:12")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'G-%'") == "12")
    }

    @Test func twoRunsStartedTogetherApplyEachFileOnce() throws {
        let root = try stockedRoot()
        for i in 1...12 {
            try root.write("inbox/shop/orders-\(i).csv", ordersCSV(prefix: "T\(i)", count: 3), done: true)
        }
        let a = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
        let b = try KontorBinary.start(["run", "--settle", "0"], root: root.path)
        let ra = a.finish(), rb = b.finish()
        #expect(ra.status == 0 && rb.status == 0, "\(ra.stderr)\n\(rb.stderr)")
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE file LIKE 'orders-%' AND status = 'applied'") == "12")
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE file LIKE 'orders-%'") == "12")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'T%'") == "36")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "36")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    @Test func anOrderNumberSeenBeforeIsRefusedNotBookedTwice() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/a.csv", ordersCSV(prefix: "R", count: 2), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        try root.write("inbox/shop/b.csv", ordersCSV(prefix: "R", count: 3), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'R-%'") == "3")
        #expect(try sql(root, "SELECT count(*) FROM invoices WHERE order_number = 'R-1'") == "1")
        let receipt = try #require(root.list("outbox/shop/receipts").last.flatMap { root.read("outbox/shop/receipts/\($0)") })
        #expect(receipt.contains("order R-1 was already booked"))
        #expect(receipt.contains("order R-2 was already booked"))
    }

    @Test func hiddenPartialAndMarkedFilesFollowTheUploadRules() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/.hidden.csv", ordersCSV(prefix: "H1", count: 1))
        try root.write("inbox/shop/upload.csv.part", ordersCSV(prefix: "H2", count: 1))
        try root.write("inbox/shop/upload.csv.filepart", ordersCSV(prefix: "H3", count: 1))
        try root.write("inbox/shop/upload.tmp", ordersCSV(prefix: "H4", count: 1))
        _ = FileManager.default.createFile(atPath: root.path + "/inbox/shop/empty.csv", contents: Data())
        try root.write("inbox/shop/marked.csv", ordersCSV(prefix: "H5", count: 1), done: true)
        let result = try KontorBinary.run(["run", "--settle", "30"], root: root.path)
        #expect(result.status == 0)
        #expect(try sql(root, "SELECT group_concat(order_number) FROM orders") == "H5-1")
        #expect(!root.exists("inbox/shop/marked.csv.done"))
        #expect(root.exists("inbox/shop/.hidden.csv") && root.exists("inbox/shop/upload.csv.part") && root.exists("inbox/shop/empty.csv"))
    }
}
