import Foundation
import KontorTestSupport
import Testing

@Suite(.serialized) struct DemoTests {
    /// The expected figures, computed independently of Kontor by Samples/expected.py.
    static func expected() throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot + "/Samples/expected.py", "--json"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func demoRoot() throws -> (TemporaryRoot, CommandResult) {
        let root = try TemporaryRoot()
        let result = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        return (root, result)
    }

    @Test func demoGivesTheExpectedFigures() throws {
        let (root, demo) = try Self.demoRoot()
        #expect(demo.status == 0, "\(demo.stdout)\n\(demo.stderr)")
        #expect(demo.stdout.contains("Journal: debits 1333.02 = credits 1333.02 EUR."))
        let expected = try Self.expected()

        let stock = try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path))
        let expectedStock = try #require(expected["stock"] as? [[String: Any]])
        #expect(stock.count == expectedStock.count)
        for e in expectedStock {
            let row = stock.first { $0["sku"] as? String == e["sku"] as? String }
            #expect(row?["on_hand"] as? Int == e["on_hand"] as? Int, "on_hand of \(e["sku"] ?? "")")
            #expect(row?["reserved"] as? Int == e["reserved"] as? Int, "reserved of \(e["sku"] ?? "")")
            #expect(row?["available"] as? Int == e["available"] as? Int, "available of \(e["sku"] ?? "")")
            #expect(row?["shortfall"] as? Int == e["shortfall"] as? Int, "shortfall of \(e["sku"] ?? "")")
            #expect(row?["warehouse"] as? String == e["warehouse"] as? String, "warehouse of \(e["sku"] ?? "")")
        }
        // No figure of the stock list is below zero, and reserved is never above on hand.
        for row in stock {
            let figures = ["on_hand", "reserved", "available", "shortfall"].map { row[$0] as? Int ?? -1 }
            #expect(figures.allSatisfy { $0 >= 0 }, "\(row)")
            #expect(figures[1] <= figures[0], "\(row)")
        }

        let ledger = try jsonArray(KontorBinary.run(["ledger", "--json"], root: root.path))
        let expectedAccounts = try #require(expected["accounts"] as? [[String: Any]])
        #expect(ledger.count == expectedAccounts.count)
        for e in expectedAccounts {
            let row = ledger.first { "\($0["account"] ?? "")" == "\(e["account"] ?? "")" }
            #expect(row?["debit"] as? String == e["debit"] as? String, "debit of \(e["account"] ?? "")")
            #expect(row?["credit"] as? String == e["credit"] as? String, "credit of \(e["account"] ?? "")")
            #expect(row?["balance"] as? String == e["balance"] as? String, "balance of \(e["account"] ?? "")")
        }
        #expect(ledger.compactMap { cents($0["debit"]) }.reduce(0, +) == ledger.compactMap { cents($0["credit"]) }.reduce(0, +))

        let invoices = try sql(root, "SELECT number || ':' || order_number || ':' || printf('%d.%02d', gross / 100, gross % 100) FROM invoices WHERE kind = 'invoice' ORDER BY number")
        let expectedInvoices = try #require(expected["invoices"] as? [[String: Any]]).map {
            "\($0["invoice_number"] ?? ""):\($0["order_number"] ?? ""):\($0["gross"] ?? "")"
        }
        #expect(invoices.split(separator: "\n").map(String.init) == expectedInvoices)

        let notes = try sql(root, "SELECT number || ':' || order_number || ':' || printf('%d.%02d', -gross / 100, -gross % 100) FROM invoices WHERE kind = 'credit_note' ORDER BY number")
        let expectedNotes = try #require(expected["credit_notes"] as? [[String: Any]]).map {
            "\($0["number"] ?? ""):\($0["order_number"] ?? ""):\($0["gross"] ?? "")"
        }
        #expect(notes.split(separator: "\n").map(String.init) == expectedNotes)

        let shipments = try jsonArray(KontorBinary.run(["shipments", "--json"], root: root.path))
        #expect(shipments.count == expected["shipments"] as? Int)
        let held = try sql(root, "SELECT order_number FROM orders WHERE status = 'held' ORDER BY order_number")
        #expect(held.split(separator: "\n").map(String.init) == (expected["held"] as? [String]))
        let customers = try jsonArray(KontorBinary.run(["customers", "--json"], root: root.path))
        #expect(customers.contains { $0["on_hold"] as? Bool == true && ($0["name"] as? String)?.contains("Ahrens") == true })
        for row in customers {
            for key in ["shop", "customer_id", "credit_limit", "exposure", "on_hold"] { #expect(row.keys.contains(key)) }
        }
    }

    @Test func demoLeavesReceiptsReportsAndTheRejectedFile() throws {
        let (root, _) = try Self.demoRoot()
        #expect(root.list("outbox/teekontor/receipts").count == 8)
        let stock = try #require(root.read("outbox/teekontor/stock.csv"))
        #expect(stock.hasPrefix("sku,name,warehouse,on_hand,reserved,available"))
        let journal = try #require(root.read("outbox/teekontor/journal.csv"))
        #expect(journal.contains("RE2025-00001"))
        #expect(root.exists("inbox/teekontor/rejected/08-orders-broken.csv"))
        let report = try #require(root.read("inbox/teekontor/rejected/08-orders-broken.csv.errors.txt"))
        #expect(report.contains("08-orders-broken.csv:3:15"))
        #expect(report.contains("quantity \"zwei\" is not a whole number"))
        #expect(report.contains("order_date \"2025-02-30\" is not a valid date"))
        // Order 1013's unknown article would hold that order, not reject the file; the file
        // is rejected for its unreadable lines, and books nothing, so no hold is reported.
        #expect(!report.contains("TEE-999"))
        #expect(report.contains("DE: "))
        #expect(root.list("archive/teekontor", recursive: true).count == 8)
        #expect(root.list("inbox/teekontor").filter { $0 != "rejected" }.isEmpty)
    }

    @Test func runAfterTheDemoChangesNothingAndTheSameFileIsADuplicate() throws {
        let (root, _) = try Self.demoRoot()
        let before = try databaseDump(root.path + "/kontor.sqlite")
        let again = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(again.status == 0)
        #expect(try databaseDump(root.path + "/kontor.sqlite") == before)

        let data = try #require(FileManager.default.contents(atPath: packageRoot + "/Samples/teekontor/04-orders-week.csv"))
        try root.write("inbox/teekontor/04-orders-week.csv", data, done: true)
        let booksBefore = try booksDump(root)
        let dup = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(dup.status == 0)
        #expect(try booksDump(root) == booksBefore)
        let batches = try jsonArray(KontorBinary.run(["batches", "--json"], root: root.path))
        let last = try #require(batches.last)
        #expect(last["status"] as? String == "duplicate")
        #expect(last["file"] as? String == "04-orders-week.csv")
        for key in ["id", "shop", "file", "sha256", "kind", "dialect", "status", "records", "errors"] {
            #expect(last.keys.contains(key), "batches --json lacks \(key)")
        }
        #expect(batches.filter { $0["file"] as? String == "04-orders-week.csv" && $0["status"] as? String == "applied" }.count == 1)
    }
}
