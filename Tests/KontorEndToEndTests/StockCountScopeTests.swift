import Foundation
import KontorTestSupport
import Testing

/// A stock count covers what it says it covers: the listed articles (partial), or the whole
/// warehouse (full), never guessed.
@Suite struct StockCountScopeTests {
    func onHand(_ root: TemporaryRoot) throws -> String {
        try sql(root, "SELECT group_concat(sku || ':' || on_hand, ' ') FROM (SELECT * FROM stock_balances ORDER BY sku)")
    }

    @Test func aPartialCountLeavesTheArticlesItDoesNotList() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nTEA,40\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try onHand(root) == "POT:1000 TEA:40")
    }

    @Test func aFullCountSetsWhatItDoesNotListToZero() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted,scope\nTEA,40,full\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try onHand(root) == "POT:0 TEA:40")
        // Each difference is a recorded correction: on hand is still the sum of the movements.
        #expect(try sql(root, "SELECT SUM(quantity) FROM stock_movements WHERE sku = 'POT'") == "0")
        #expect(try sql(root, "SELECT count(*) FROM stock_movements WHERE sku = 'POT' AND kind = 'count'") == "2")
    }

    @Test func aShopWhoseCountsAreFullSaysSoOnce() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop]\ncount_scope = \"full\"\n")
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,7\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try onHand(root) == "POT:7 TEA:0")
    }

    @Test func aFileThatGivesBothScopesIsRefusedAndChangesNothing() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted,scope\nTEA,40,full\nPOT,5,partial\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try onHand(root) == "POT:1000 TEA:1000")
        let report = try #require(root.read("inbox/shop/rejected/03-count.csv.errors.txt"))
        #expect(report.contains("03-count.csv:3"))
        #expect(report.contains("this line counts partial, the lines before it full"))
    }
}
