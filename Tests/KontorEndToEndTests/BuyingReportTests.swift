import Foundation
import KontorTestSupport
import Testing

/// What to buy and what does not sell, through the binary: `kontor report reorder` and
/// `kontor report slow-movers`, as of a day.
@Suite struct BuyingReportTests {
    /// The report's rows as columns by name.
    func report(_ root: TemporaryRoot, _ name: String, to day: String, header: [String]) throws -> [[String: String]] {
        let result = try KontorBinary.run(["report", name, "--shop", "shop", "--to", day], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout == "wrote outbox/shop/inventory/\(name)-\(day).csv\n")
        let lines = try #require(root.read("outbox/shop/inventory/\(name)-\(day).csv")).split(whereSeparator: \.isNewline)
        #expect(lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } == header)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    static let reorderHeader = ["sku", "name", "supplier", "warehouse", "on_hand", "reserved", "available", "shortfall",
                                "reorder_point", "sold_per_day", "lead_time_days", "suggested_quantity", "reason"]
    static let slowHeader = ["sku", "name", "warehouse", "quantity", "last_issue", "status", "value"]

    /// TEA: 30 received, 10 orders of 2 drain it to 10, below its reorder point of 15.
    /// POT has no reorder point; CUP is received and never sold.
    func drainedRoot() throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", """
            sku,name,price,vat_rate,weight_kg,reorder_point,cost,lead_time_days,min_order_quantity,supplier
            TEA,Assam Tee 250 g,8.90,7,0.3,15,3.00,10,,Teehaus Nord
            POT,Teekanne 1 l,24.90,19,1.2,,11.00,,,
            CUP,Teetasse,9.90,19,0.2,,4.00,20,,

            """, done: true)
        try root.write("inbox/shop/02-receipt.csv", "sku,received,cost\nTEA,30,3.00\nPOT,12,11.00\nCUP,5,4.00\n", done: true)
        try root.write("inbox/shop/03-orders.csv", ordersCSV(prefix: "A", count: 10), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        _ = try sql(root, "UPDATE batches SET received_at = '2024-06-30' || substr(received_at, 11)")
        return root
    }

    @Test func ordersThatDrainAnArticleBelowItsReorderPointPutItOnTheReorderList() throws {
        let root = try drainedRoot()
        let rows = try report(root, "reorder", to: "2024-06-30", header: Self.reorderHeader)
        // 20 sold in 90 days: 0.22 a day. Over 10 days lead time + 14 days review: 20 × 24 / 90
        // = 5.33, rounded up 6; + shortfall 0 + reorder point 15 − available 10 = 11.
        #expect(rows == [[
            "sku": "TEA", "name": "Assam Tee 250 g", "supplier": "Teehaus Nord", "warehouse": "main", "on_hand": "10",
            "reserved": "0", "available": "10", "shortfall": "0", "reorder_point": "15", "sold_per_day": "0.22",
            "lead_time_days": "10", "suggested_quantity": "11", "reason": "at or below reorder point",
        ]])
        // The day before, nothing had moved: nothing to buy.
        #expect(try report(root, "reorder", to: "2024-06-29", header: Self.reorderHeader) == [])

        // A minimum order quantity of 25 raises the suggestion; an upsert without it keeps it.
        try root.write("inbox/shop/04-products.csv", "sku,name,price,vat_rate,min_order_quantity\nTEA,Assam Tee 250 g,8.90,7,25\n", done: true)
        try root.write("inbox/shop/05-products.csv", "sku,name,price,vat_rate\nTEA,Assam Tee 250 g,8.90,7\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        _ = try sql(root, "UPDATE batches SET received_at = '2024-06-30' || substr(received_at, 11)")
        #expect(try sql(root, "SELECT lead_time_days || ' ' || min_order_quantity || ' ' || supplier FROM articles WHERE sku = 'TEA'")
                    == "10 25 Teehaus Nord")
        #expect(try report(root, "reorder", to: "2024-06-30", header: Self.reorderHeader).map { $0["suggested_quantity"] } == ["25"])
    }

    @Test func slowMoversListStockNotIssuedForNinetyDaysWithItsValue() throws {
        let root = try drainedRoot()
        // As of the day of the orders only CUP, never sold, is slow: 5 at 4.00, dead stock.
        #expect(try report(root, "slow-movers", to: "2024-06-30", header: Self.slowHeader).map {
            [$0["sku"], $0["quantity"], $0["last_issue"], $0["status"], $0["value"]]
        } == [["CUP", "5", "", "dead", "20.00"], ["total", "5", "", "", "20.00"]])
        // Half a year on, TEA (10 at 3.00) and POT (2 at 11.00) are slow too; highest value first.
        #expect(try report(root, "slow-movers", to: "2024-12-31", header: Self.slowHeader).map {
            [$0["sku"], $0["quantity"], $0["last_issue"], $0["status"], $0["value"]]
        } == [["TEA", "10", "2024-06-30", "slow", "30.00"], ["POT", "2", "2024-06-30", "slow", "22.00"],
              ["CUP", "5", "", "dead", "20.00"], ["total", "17", "", "", "72.00"]])
    }

    @Test func kontorTomlSetsTheReviewTheWindowAndTheSlowMoverDays() throws {
        let root = try drainedRoot()
        try root.write("kontor.toml", "[shops.shop]\nreorder_review_days = 35\nreorder_window_days = 30\nslow_mover_days = 30\n")
        // 20 sold in 30 days: 0.67 a day. 20 × (10 + 35) / 30 = 30; + 15 − 10 = 35.
        #expect(try report(root, "reorder", to: "2024-06-30", header: Self.reorderHeader).map {
            [$0["sold_per_day"], $0["suggested_quantity"]]
        } == [["0.67", "35"]])
        // 46 days after the last issue: slow after 30 days, not yet after the default 90.
        #expect(try report(root, "slow-movers", to: "2024-08-15", header: Self.slowHeader).map { $0["sku"] }
                    == ["TEA", "POT", "CUP", "total"])
        try root.write("kontor.toml", "")
        #expect(try report(root, "slow-movers", to: "2024-08-15", header: Self.slowHeader).map { $0["sku"] } == ["CUP", "total"])
    }
}
