import Foundation
import KontorTestSupport
import Testing

/// A shop with two warehouses: stock per article and warehouse, transfers between them at
/// the goods' value, and files naming a warehouse the shop does not have refused.
@Suite struct WarehouseTests {
    static let settings = """
        [shops.shop]
        warehouses = "main, outlet"

        """

    /// `sku@warehouse: on hand / reserved / available / shortfall / value` of every stock row.
    static func stock(_ root: TemporaryRoot) throws -> [String] {
        try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path)).map {
            "\($0["sku"] ?? "")@\($0["warehouse"] ?? ""): \($0["on_hand"] ?? "") / \($0["reserved"] ?? "") / \($0["available"] ?? "") / \($0["shortfall"] ?? "") / \($0["value"] ?? "")"
        }
    }

    static func run(_ root: TemporaryRoot) throws -> CommandResult {
        try KontorBinary.run(["run", "--settle", "0"], root: root.path)
    }

    @Test func aTransferMovesGoodsAndTheirValueBetweenWarehouses() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings)
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-receipt.csv", "sku,received,cost,warehouse\nTEA,10,3.00,main\nTEA,5,3.60,main\n", done: true)
        #expect(try Self.run(root).status == 0)
        // 15 at 48.00: 3.20 each. 4 of them move for 12.80.
        try root.write("inbox/shop/03-umlagerung.csv", "sku,quantity,from_warehouse,to_warehouse,reference\nTEA,4,main,outlet,UL-1\n",
                       done: true)
        #expect(try Self.run(root).status == 0)
        #expect(try Self.stock(root).filter { $0.hasPrefix("TEA") } == [
            "TEA@main: 11 / 0 / 11 / 0 / 35.20",
            "TEA@outlet: 4 / 0 / 4 / 0 / 12.80",
        ])
        #expect(try sql(root, "SELECT warehouse || ' ' || quantity || ' ' || value || ' ' || reference FROM stock_movements WHERE kind = 'transfer' ORDER BY id")
            == "main -4 -1280 UL-1\noutlet 4 1280 UL-1")
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)

        // More than is free, and a warehouse the shop does not have: the file is refused whole.
        try root.write("inbox/shop/04-umlagerung.csv", "sku,quantity,from_warehouse,to_warehouse\nTEA,5,outlet,main\nTEA,1,main,lager3\n",
                       done: true)
        #expect(try Self.run(root).status == 1)
        let report = try #require(root.read("inbox/shop/rejected/04-umlagerung.csv.errors.txt"))
        #expect(report.contains("5 of TEA cannot leave outlet: 4 on hand, 0 of them reserved, 4 free"))
        #expect(report.contains("warehouse \"lager3\" is not one of the shop's warehouses (main, outlet)"))
        try root.write("inbox/shop/05-receipt.csv", "sku,received,warehouse\nPOT,1,keller\n", done: true)
        #expect(try Self.run(root).status == 1)

        // Reverting the transfer puts the goods and their value back.
        let batch = try sql(root, "SELECT id FROM batches WHERE file = '03-umlagerung.csv'")
        #expect(try KontorBinary.run(["revert", batch, "--note", "falsch gebucht"], root: root.path).status == 0)
        #expect(try Self.stock(root).filter { $0.hasPrefix("TEA") } == [
            "TEA@main: 15 / 0 / 15 / 0 / 48.00",
            "TEA@outlet: 0 / 0 / 0 / 0 / 0.00",
        ])
    }

    /// Orders take each article from the first warehouse that has it free; an order that
    /// waits reserves in the first, and goods that arrive in another serve it from there.
    @Test func ordersTakeFromTheFirstWarehouseWithTheGoodsFree() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings)
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-receipt.csv", "sku,received,cost,warehouse\nTEA,2,3.00,main\nTEA,10,3.00,outlet\n", done: true)
        #expect(try Self.run(root).status == 0)
        // A-1 wants 5: main has 2, outlet 10; A-2 wants 2: main has them; A-3 wants 20: nobody.
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-03-03,paypal,true,0,TEA,5,8.90
            A-2,2025-03-04,paypal,true,0,TEA,2,8.90
            A-3,2025-03-05,paypal,true,0,TEA,20,8.90

            """, done: true)
        #expect(try Self.run(root).status == 0)
        #expect(try sql(root, "SELECT reference || ' ' || warehouse || ' ' || quantity FROM stock_movements WHERE kind = 'issue' ORDER BY id")
            == "A-1 outlet -5\nA-2 main -2")
        #expect(try sql(root, "SELECT order_number || ' ' || status FROM orders ORDER BY order_number")
            == "A-1 shipped\nA-2 shipped\nA-3 awaiting_stock")
        #expect(try Self.stock(root).filter { $0.hasPrefix("TEA") } == [
            "TEA@main: 0 / 0 / 0 / 20 / 0.00",
            "TEA@outlet: 5 / 0 / 5 / 0 / 15.00",
        ])
        // 20 arrive in the outlet: A-3 moves there and ships from it.
        try root.write("inbox/shop/04-receipt.csv", "sku,received,cost,warehouse\nTEA,20,3.00,outlet\n", done: true)
        #expect(try Self.run(root).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'A-3'") == "shipped")
        #expect(try sql(root, "SELECT reference || ' ' || warehouse || ' ' || quantity FROM stock_movements WHERE kind = 'issue' ORDER BY id")
            == "A-1 outlet -5\nA-2 main -2\nA-3 outlet -20")
        #expect(try Self.stock(root).filter { $0.hasPrefix("TEA") } == [
            "TEA@main: 0 / 0 / 0 / 0 / 0.00",
            "TEA@outlet: 5 / 0 / 5 / 0 / 15.00",
        ])
        #expect(try KontorBinary.run(["verify"], root: root.path).status == 0)
        // POT has a reorder point of none: never flagged; after a products file gives TEA one of
        // 5, TEA in the outlet (5 on hand) is at it and flagged, TEA in main (0) too.
        try root.write("inbox/shop/05-products.csv", "sku,name,price,vat_rate,reorder_point\nTEA,Assam Tee 250 g,8.90,7,5\n", done: true)
        #expect(try Self.run(root).status == 0)
        let flags = try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path)).map {
            "\($0["sku"] ?? "")@\($0["warehouse"] ?? ""): \($0["reorder"] as? Bool ?? false)"
        }
        #expect(flags.filter { $0.hasPrefix("TEA") } == ["TEA@main: true", "TEA@outlet: true"])
    }
}
