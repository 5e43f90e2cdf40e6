import Foundation
import KontorTestSupport
import Testing

/// The inventory valuation as of a day is the sum of the values of the stock movements up to
/// that day: what came later does not change it.
@Suite struct InventoryValuationTests {
    /// The sum of `stock_movements.value` of the batches received up to `day`, in cents.
    func movementValues(_ root: TemporaryRoot, upTo day: String) throws -> Int? {
        Int(try sql(root, """
            SELECT coalesce(SUM(m.value), 0) FROM stock_movements m JOIN batches b ON b.id = m.batch_id
            WHERE substr(b.received_at, 1, 10) <= '\(day)'
            """))
    }

    /// The valuation's rows as columns by name, from `kontor report inventory-valuation`.
    func valuation(_ root: TemporaryRoot, _ arguments: [String], file: String) throws -> [[String: String]] {
        let result = try KontorBinary.run(["report", "inventory-valuation", "--shop", "shop"] + arguments, root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout == "wrote outbox/shop/inventory/\(file)\n")
        let lines = try #require(root.read("outbox/shop/inventory/\(file)")).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header == ["sku", "name", "warehouse", "quantity", "average_cost", "value"])
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    @Test func theValuationAsOfADayIsTheSumOfTheMovementValuesUpToIt() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", """
            sku,name,price,vat_rate,weight_kg,cost
            TEA,Assam Tee 250 g,8.90,7,0.3,3.10
            POT,Teekanne 1 l,24.90,19,1.2,

            """, done: true)
        try root.write("inbox/shop/02-receipt.csv", "sku,received,cost\nTEA,10,2.95\nPOT,4,11.00\n", done: true)
        try root.write("inbox/shop/03-orders.csv", ordersCSV(prefix: "A", count: 2), done: true)
        try root.write("inbox/shop/04-count.csv", "sku,counted\nTEA,5\n", done: true)
        let first = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        _ = try sql(root, "UPDATE batches SET received_at = '2024-06-30' || substr(received_at, 11)")

        // TEA: 10 at 2.95 (29.50), 4 sold take 11.80, the count's loss of 1 takes 2.95: 14.75.
        // POT: 4 at 11.00, 2 sold take 22.00: 22.00.
        let asOf = try valuation(root, ["--to", "2024-06-30"], file: "valuation-2024-06-30.csv")
        #expect(asOf.map { [$0["sku"], $0["warehouse"], $0["quantity"], $0["average_cost"], $0["value"]] }
                    == [["POT", "main", "2", "11.00", "22.00"], ["TEA", "main", "5", "2.95", "14.75"], ["total", "", "7", "", "36.75"]])
        #expect(try movementValues(root, upTo: "2024-06-30") == 3675)
        #expect(try valuation(root, ["--to", "2024-06-29"], file: "valuation-2024-06-29.csv").map { $0["value"] } == ["0.00"])

        // A receipt after that day leaves the valuation of that day as it was.
        try root.write("inbox/shop/05-receipt.csv", "sku,received,cost\nTEA,100,9.99\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try valuation(root, ["--from", "2024-01-01", "--to", "2024-06-30"], file: "valuation-2024-06-30.csv") == asOf)
        #expect(try movementValues(root, upTo: "2024-06-30") == 3675)
        let today = try sql(root, "SELECT max(substr(received_at, 1, 10)) FROM batches")
        let now = try valuation(root, ["--to", today], file: "valuation-\(today).csv")
        #expect(now.last?["value"] == "1035.75")
        #expect(try movementValues(root, upTo: today) == 103_575)

        // The stock list carries the average and the value at the end of its columns.
        let stock = try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path))
        let tea = try #require(stock.first { $0["sku"] as? String == "TEA" })
        #expect(tea["on_hand"] as? Int == 105 && tea["average_cost"] as? String == "9.65" && tea["value"] as? String == "1013.75")
        #expect(root.read("outbox/shop/stock.csv")?.split(whereSeparator: \.isNewline).first
                    == "sku,name,warehouse,on_hand,reserved,available,shortfall,reorder_point,reorder,average_cost,value")
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)
    }

    @Test func verifyAndDoctorNameAStockValueThatDiffersFromItsMovements() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-receipt.csv", "sku,received,cost\nTEA,3,2.95\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)
        _ = try sql(root, "UPDATE stock_balances SET value = value - 1 WHERE sku = 'TEA'")
        let caught = try KontorBinary.run(["verify"], root: root.path)
        #expect(caught.status == 3)
        #expect(caught.stdout == "problem: shop shop: TEA in main: value 8.84, but its movements' values add up to 8.85\n")
        let doctor = try KontorBinary.run(["doctor"], root: root.path)
        #expect(doctor.stdout.contains("1 stock balance(s) differ from the sum of their movements"))
    }

    @Test func aValuationNeedsADayAsYYYYMMDD() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let result = try KontorBinary.run(["report", "inventory-valuation", "--shop", "shop", "--to", "Silvester"], root: root.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--to takes a date as YYYY-MM-DD"))
    }
}
