import Foundation
import GRDB
import KontorStore
import Logging
@testable import KontorPipeline
import Synchronization
import Testing

/// The cost of a record must not grow with the books: every statement that applying a file
/// runs is served by an index on what it looks up, never a scan of a table that grows.
@Suite(.serialized) struct QueryPlanTests {
    /// Tables whose size does not grow with the books: the chart of accounts, the shops,
    /// the counters and number ranges, and what the database keeps for itself.
    static let smallTables: Set<String> = ["accounts", "shops", "counters", "number_ranges", "shop_reports", "grdb_migrations",
                                           "journal_seal_heads", "period_closes" /* a row per close: a dozen a year */]

    /// Every statement of the apply path, collected while the sample shop, a bank statement,
    /// a price update, a second orders file, a payment, a goods receipt, a payout, refunds and
    /// a withdrawal are applied.
    static let applied: (root: String, statements: [String], reports: [String]) = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-plan-\(UUID().uuidString)").path
        let statements = Mutex<Set<String>>([])
        let reportStatements = Mutex<Set<String>>([])
        var settings = Settings()
        settings.settleSeconds = 0
        var pipeline = Pipeline(root: Root(path: path), settings: settings, logger: Logger(label: "test"), actor: "test")
        pipeline.statementTrace = { sql in statements.withLock { _ = $0.insert(sql) } }
        pipeline.reportTrace = { sql in reportStatements.withLock { _ = $0.insert(sql) } }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        do {
            try pipeline.initialize()
            let inbox = path + "/inbox/teekontor"
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: package + "/Samples/teekontor").sorted() {
                try FileManager.default.copyItem(atPath: package + "/Samples/teekontor/" + name, toPath: inbox + "/" + name)
            }
            try FileManager.default.copyItem(atPath: package + "/Tests/Fixtures/camt.053.001.02/2025-03-05-sparkasse-lueneburg.xml",
                                             toPath: inbox + "/09-statement.xml")
            try Data("""
                order_number,order_date,customer_email,payment_method,paid,shipping,sku,quantity,unit_price
                1001,2025-03-12,anna.petersen@example.de,prepaid,true,4.90,TEE-001,1,8.90
                2001,2025-03-12,ANNA.PETERSEN@example.de,prepaid,false,4.90,TEE-001,1,8.90
                2002,2025-03-12,anna.petersen@example.de,paypal,true,4.90,TEE-001,5000,8.90
                2003,2025-03-12,anna.petersen@example.de,paypal,true,4.90,TEE-001,1,8.90

                """.utf8).write(to: URL(fileURLWithPath: inbox + "/10-orders.csv"))
            // 2001 waits for its payment, 2002 for goods: the payment releases 2001, and a small
            // goods receipt reads the queue of open reservations ahead of 2002.
            try Data("reference,amount,date\n2001,13.80,2025-03-13\n".utf8).write(to: URL(fileURLWithPath: inbox + "/11-payments.csv"))
            try Data("sku,received\nTEE-001,10\n".utf8).write(to: URL(fileURLWithPath: inbox + "/12-receipt.csv"))
            // A payout of the PayPal order 1005 and the bank line that brings it, money paid
            // back, PayPal's report of the money 1002 came paid with, a goodwill refund and a
            // withdrawal that refunds the shipping charge.
            try Data("""
                payout_id,date,method,gross,fees,net,order_number,amount
                PP-1,2025-03-14,paypal,39.80,1.00,38.80,1005,39.80

                """.utf8).write(to: URL(fileURLWithPath: inbox + "/13-payout.csv"))
            try Data("reference,amount,date,method\nPP-1,38.80,2025-03-15,\n1004,-5.00,2025-03-15,\n1002,55.00,2025-03-03,paypal\n".utf8)
                .write(to: URL(fileURLWithPath: inbox + "/14-bank.csv"))
            try Data("order_number,amount,date\n1004,5.00,2025-03-15\n".utf8).write(to: URL(fileURLWithPath: inbox + "/15-refund.csv"))
            try Data("order_number,sku,quantity,date\n1005,KAN-001,1,2025-03-16\n".utf8).write(to: URL(fileURLWithPath: inbox + "/16-returns.csv"))
            let report = try pipeline.run()
            for line in report.lines where line.status != .applied && line.file != "08-orders-broken.csv" {
                Issue.record("\(line.file) was \(line.status): \(line.detail)")
            }
        } catch {
            Issue.record("applying the samples failed: \(error)")
        }
        let collected = statements.withLock { $0 }.filter { sql in
            ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(6).uppercased())
        }
        let reports = reportStatements.withLock { $0 }.filter { $0.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix("SELECT") }
        return (path, collected.sorted(), reports.sorted())
    }()

    /// A connection that waits for a lock rather than failing on it.
    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Columns that narrow a search to a part that still grows with the books: an index
    /// used on these alone reads all of a shop's orders, or all lines of an account.
    static let broadColumns: Set<String> = ["shop", "account", "status", "kind", "warehouse"]

    /// The steps of a statement's plan that read a table that grows with the books whole,
    /// or through an index on broad columns only (`SEARCH orders USING INDEX … (shop=?)`).
    static func scans(_ sql: String, in db: Database) throws -> [String] {
        let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
        statement.setUncheckedArguments([])
        return try Row.fetchAll(statement).compactMap { row -> String? in
            let detail: String = row["detail"]
            let words = detail.split(separator: " ")
            guard words.count >= 2, ["SCAN", "SEARCH"].contains(words[0]), !smallTables.contains(String(words[1])) else { return nil }
            if words[0] == "SCAN" { return detail }
            guard let open = detail.lastIndex(of: "("), detail.hasSuffix(")") else { return nil }
            let columns = detail[detail.index(after: open)..<detail.index(before: detail.endIndex)]
                .components(separatedBy: " AND ").map { $0.prefix { $0.isLetter || $0 == "_" } }
            return columns.allSatisfy { broadColumns.contains(String($0)) } ? detail : nil
        }
    }

    @Test func everyStatementOfTheApplyPathIsServedByAnIndex() throws {
        let (root, statements, _) = Self.applied
        #expect(statements.count > 30, "too few statements were traced: \(statements.count)")
        // The queue of open reservations is read too (an order asked for more than was there).
        #expect(statements.contains { $0.contains("FROM open_reservations o") })
        let queue = try Self.open(root + "/kontor.sqlite")
        try queue.read { db in
            for sql in statements {
                let scans = try Self.scans(sql, in: db)
                #expect(scans.isEmpty, "this statement scans a table that grows with the books (\(scans.joined(separator: "; "))):\n\(sql)")
            }
        }
    }

    /// Statements bound and stepped through SQLite directly (`Statement.run`, `first`) are
    /// traced like those GRDB executes, so that the plan check above sees them.
    @Test func statementsRunWithoutGRDBArgumentsAreTraced() {
        let statements = Self.applied.statements
        #expect(statements.contains { $0.contains("INSERT INTO stock_movements") })
        #expect(statements.contains { $0.contains("FROM stock_balances WHERE") })
        #expect(statements.contains { $0.contains("INSERT INTO journal_lines") })
    }

    /// The test fails, naming the statement, when an index the apply path relies on is gone.
    @Test func droppingAnIndexTheApplyPathReliesOnIsCaught() throws {
        let (root, statements, _) = Self.applied
        let copy = root + "/plan-copy.sqlite"
        try? FileManager.default.removeItem(atPath: copy)
        let queue = try Self.open(root + "/kontor.sqlite")
        try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [copy]) }
        let damaged = try Self.open(copy)
        try damaged.writeWithoutTransaction { db in
            try db.execute(sql: "DROP INDEX orders_by_invoice")
        }
        let caught = try damaged.read { db in
            try statements.filter { try !Self.scans($0, in: db).isEmpty }
        }
        #expect(caught.contains { $0.contains("invoice_number = ?") && $0.contains("FROM orders") },
                "dropping orders_by_invoice went unnoticed; caught: \(caught)")

    }

    /// The reports written after every run read what the run added, or what waits, never
    /// the whole of a growing table by shop: a cursor is read by number. Reports that list
    /// every article of the shop (the stock list) are whole by design and named here.
    static let wholeByDesign = ["FROM stock_balances", "FROM articles",
                                // orders/refunds.csv: a row per customer of the shop
                                "FROM customer_balances"]

    @Test func everyStatementOfTheReportsAfterARunReadsWhatIsNew() throws {
        let (root, _, reports) = Self.applied
        #expect(reports.count > 10, "too few statements were traced: \(reports.count)")
        #expect(reports.contains { $0.contains("journal_entries") }, "the journal's append is traced")
        let queue = try Self.open(root + "/kontor.sqlite")
        try queue.read { db in
            // A partial index holds what waits (held orders, held shipments, the suspense
            // account): reading it whole costs what waits, not what the books hold.
            let partial = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"))
            for sql in reports where !Self.wholeByDesign.contains(where: { sql.contains($0) }) {
                let scans = try Self.scans(sql, in: db).filter { detail in
                    !partial.contains { detail.contains("INDEX \($0) ") }
                }
                #expect(scans.isEmpty, "this report statement reads a table that grows with the books (\(scans.joined(separator: "; "))):\n\(sql)")
            }
        }
    }
}
