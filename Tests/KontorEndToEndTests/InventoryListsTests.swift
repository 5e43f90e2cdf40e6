import Foundation
import KontorTestSupport
import Testing

/// The inventory's lists on demand: the history of prices and costs, the movements of a
/// period with their values, and the shortfalls with the orders waiting for them.
@Suite struct InventoryListsTests {
    func lines(_ root: TemporaryRoot, _ path: String) throws -> [String] {
        try #require(root.read(path)).split(whereSeparator: \.isNewline).map(String.init)
    }

    @Test func priceHistoryMovementsAndShortfalls() throws {
        let root = try stockedRoot()
        // A new price for TEA, the same again for POT, a cost for POT.
        try root.write("inbox/shop/03-products.csv", """
            sku,name,price,vat_rate,cost
            TEA,Assam Tee 250 g,9.40,7,
            POT,Teekanne 1 l,24.90,19,11.00

            """, done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            S-1,2025-03-03,paypal,true,0,POT,999,24.90
            S-2,2025-03-04,paypal,true,0,POT,5,24.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let batches = try sql(root, "SELECT id FROM batches ORDER BY id").split(separator: "\n").map(String.init)

        #expect(try KontorBinary.run(["report", "price-history", "--shop", "shop"], root: root.path).status == 0)
        let today = try sql(root, "SELECT substr(received_at, 1, 10) FROM batches WHERE id = \(batches[2])")
        #expect(try lines(root, "outbox/shop/inventory/price-history.csv") == [
            "date,batch,sku,name,price_gross,vat_rate,cost",
            "\(today),\(batches[0]),POT,Teekanne 1 l,24.90,19,",
            "\(today),\(batches[2]),POT,Teekanne 1 l,24.90,19,11.00",
            "\(today),\(batches[0]),TEA,Assam Tee 250 g,8.90,7,",
            "\(today),\(batches[2]),TEA,Assam Tee 250 g,9.40,7,",
        ])

        // S-1 takes 999 of the 1,000 pots; S-2 waits for 4 of its 5.
        #expect(try KontorBinary.run(["report", "shortfalls", "--shop", "shop"], root: root.path).status == 0)
        #expect(try lines(root, "outbox/shop/inventory/shortfalls.csv") == [
            "sku,name,warehouse,on_hand,promised,shortfall,orders_waiting",
            "POT,Teekanne 1 l,main,1,5,4,S-2",
        ])

        let month = String(today.prefix(7))
        let from = month + "-01", to = try sql(root, "SELECT date('\(from)', '+1 month', '-1 day')")
        #expect(try KontorBinary.run(["report", "stock-movements", "--shop", "shop", "--from", from, "--to", to], root: root.path).status == 0)
        let movements = try lines(root, "outbox/shop/inventory/movements_\(from)_\(to).csv")
        #expect(movements.first == "date,batch,sku,name,warehouse,kind,quantity,value,reference")
        #expect(movements.dropFirst().map { $0.split(separator: ",").dropFirst(2).prefix(5).joined(separator: ",") } == [
            "TEA,Assam Tee 250 g,main,count,1000", "POT,Teekanne 1 l,main,count,1000", "POT,Teekanne 1 l,main,issue,-999",
        ])
    }
}
