import Foundation
import KontorTestSupport
import Testing

@Suite struct CommandLineTests {
    @Test func usageErrorsExitWithTwo() throws {
        let root = try TemporaryRoot()
        #expect(try KontorBinary.run(["frobnicate"], root: root.path).status == 2)
        #expect(try KontorBinary.run(["run", "--settle", "soon"], root: root.path).status == 2)
        #expect(try KontorBinary.run(["rerun"], root: root.path).status == 2)
    }

    @Test func listingsPrintOneJSONDocumentAndNothingElse() throws {
        let root = try stockedRoot()
        for command in ["stock", "ledger", "customers", "shipments", "batches"] {
            let result = try KontorBinary.run([command, "--json"], root: root.path)
            #expect(result.status == 0)
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) }
        }
        let stock = try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path))
        #expect(stock.map { "\($0["sku"] ?? ""):\($0["on_hand"] ?? ""):\($0["available"] ?? "")" } == ["POT:1000:1000", "TEA:1000:1000"])
    }

    @Test func aMissingDatabaseIsAnOperationalFailure() throws {
        let root = try TemporaryRoot()
        let result = try KontorBinary.run(["stock"], root: root.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("no books"))
    }

    @Test func batchShowTellsTheStoryOfAFile() throws {
        let root = try stockedRoot()
        let show = try KontorBinary.run(["batch", "show", "1"], root: root.path)
        #expect(show.status == 0)
        for text in ["file       01-products.csv", "status     applied", "received", "settled", "finalized"] {
            #expect(show.stdout.contains(text), "batch show lacks \(text)")
        }
        let json = try jsonObject(KontorBinary.run(["batch", "show", "1", "--json"], root: root.path))
        #expect((json["events"] as? [[String: Any]])?.map { $0["event"] as? String } == ["received", "settled", "applied", "finalized"])
    }

    @Test func initWritesACommentedSettingsFileThatWatchAndRunRead() throws {
        let root = try TemporaryRoot(initialized: false)
        #expect(try KontorBinary.run(["init"], root: root.path).status == 0)
        #expect(root.read("kontor.toml")?.contains("# settle_seconds = 2") == true)
        #expect(root.exists("inbox") && root.exists("outbox") && root.exists("kontor.sqlite"))
    }

    @Test func watchTakesFilesUntilSIGTERMAndFinishesCleanly() throws {
        let root = try stockedRoot()
        let watch = try KontorBinary.start(["watch", "--settle", "0.5"], root: root.path)
        try root.write("inbox/shop/orders.csv", ordersCSV(prefix: "W", count: 2))
        var booked = ""
        for _ in 0..<100 {
            if booked == "2" { break }
            usleep(100_000)
            booked = try sql(root, "SELECT count(*) FROM orders WHERE order_number LIKE 'W-%'")
        }
        #expect(booked == "2")
        kill(watch.process.processIdentifier, SIGTERM)
        let result = watch.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(root.exists("outbox/shop/stock.csv"))
    }

    @Test func shopSettingsComeFromKontorToml() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop]\ndefault_credit_limit = \"100.00\"\n")
        let orders = """
            order_number,order_date,customer_email,payment_method,sku,quantity,unit_price
            C-1,2025-03-03,a@example.de,invoice,TEA,5,8.90
            C-2,2025-03-03,b@example.de,invoice,POT,5,24.90

            """
        try root.write("inbox/shop/orders.csv", orders, done: true)
        #expect(try KontorBinary.run(["run"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT order_number || ':' || status FROM orders ORDER BY order_number") == "C-1:shipped\nC-2:held")
    }
}

@Suite struct GermanSpreadsheetTests {
    @Test func semicolonWindows1252AndDecimalCommaAreRead() throws {
        let root = try TemporaryRoot()
        let products = "sku;name;price;vat_rate\r\nKAF-1;\"Kaffeebecher \"\"Grün\"\" groß\";12,50;19\r\nTEE-1;Früchtetee;4,95;7\r\n"
        var bytes = Data()
        for scalar in products.unicodeScalars {
            bytes.append(UInt8(scalar.value))  // Latin-1 range only: the same bytes as Windows-1252
        }
        try root.write("inbox/shop/artikel.csv", bytes, done: true)
        let result = try KontorBinary.run(["run"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try sql(root, "SELECT name || ':' || price_gross FROM articles ORDER BY sku") == "Kaffeebecher \"Grün\" groß:1250\nFrüchtetee:495")
        #expect(try sql(root, "SELECT dialect FROM batches") == "kontor-csv;")
    }

    @Test func utf8WithByteOrderMarkIsRead() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/artikel.csv", "\u{FEFF}sku,name,price,vat_rate\nTEE-1,Früchtetee,4.95,7\n", done: true)
        #expect(try KontorBinary.run(["run"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT sku || ':' || name FROM articles") == "TEE-1:Früchtetee")
    }
}
