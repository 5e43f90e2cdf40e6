import Foundation
import KontorTestSupport
import Testing

/// The sample shop, then what moves its waiting orders on: a payment for the held order, a
/// goods receipt for an article that ran short, and a cancellation. No order is left waiting
/// for something that came, and every order's state and history are as written out here.
@Suite struct OrderLifeAcceptanceTests {
    @Test func afterTheSamplesAPaymentAGoodsReceiptAndACancellationNoOrderIsStuck() throws {
        let root = try TemporaryRoot()
        let demo = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        #expect(demo.status == 0, "\(demo.stdout)\(demo.stderr)")
        // Two more orders: 2001 asks for 10 strainers with 4 on the shelf; 2002 waits for its money.
        try root.write("inbox/teekontor/09-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            2001,2025-03-14,K-1003,cod,false,4.90,KES-001,10,59.00
            2002,2025-03-14,K-1001,prepaid,false,4.90,TEE-001,2,8.90

            """, done: true)
        // Café Ahrens pays its held order 1007 in advance, in full: 6 × 34.90 + 12 × 9.90 +
        // 4 × 11.50 + 6.90 shipping = 381.10.
        try root.write("inbox/teekontor/10-payments.csv", """
            reference,amount,date,payer,method
            1007,381.10,2025-03-15,Café Ahrens GmbH,transfer

            """, done: true)
        try root.write("inbox/teekontor/11-receipt.csv", "sku,received\nKES-001,20\n", done: true)
        try root.write("inbox/teekontor/12-cancellations.csv", "order_number,reason\n2002,Kunde hat storniert\n", done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        // The goods receipt arrived today, so 2001 is invoiced today, in this year's range.
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        func shipped(_ invoice: String, _ shipment: Int) -> [String] {
            ["invoiced: invoice \(invoice)", "shipped: shipment SH-\(String(format: "%05d", shipment))"]
        }
        let expected: [String: (state: String, history: [String])] = [
            "1001": ("shipped", ["released: new order"] + shipped("RE2025-00001", 1)),
            "1002": ("shipped", ["released: new order"] + shipped("RE2025-00002", 2)),
            "1003": ("shipped", ["released: new order"] + shipped("RE2025-00003", 3)),
            "1004": ("shipped", ["released: new order"] + shipped("RE2025-00004", 4)),
            "1005": ("shipped", ["released: new order"] + shipped("RE2025-00005", 5)),
            // Prepaid, unpaid: it waited, not invoiced, until its transfer of 2025-03-07 came.
            "1006": ("shipped", ["awaiting_payment: waits for payment", "released: payment 1006 covered the order"]
                        + shipped("RE2025-00009", 9)),
            // Over Café Ahrens' limit of 300.00 on account, until paid in advance.
            "1007": ("shipped", ["held: credit limit 300.00 exceeded: open 0.00 + order 381.10 = 381.10",
                                 "released: payment 1007 covered the order"] + shipped("RE2025-00010", 10)),
            "1008": ("shipped", ["released: new order"] + shipped("RE2025-00006", 6)),
            "1009": ("shipped", ["released: new order"] + shipped("RE2025-00007", 7)),
            "1010": ("shipped", ["released: new order"] + shipped("RE2025-00008", 8)),
            "2001": ("shipped", ["awaiting_stock: waits for goods", "released: goods of KES-001 arrived"]
                        + shipped("RE\(year)-00001", 11)),
            "2002": ("cancelled", ["awaiting_payment: waits for payment", "cancelled: Kunde hat storniert"]),
        ]
        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        #expect(orders.count == expected.count)
        for order in orders {
            let number = try #require(order["order_number"] as? String)
            let want = try #require(expected[number], "order \(number) is not expected")
            #expect(order["state"] as? String == want.state, "order \(number)")
            let history = (order["history"] as? [[String: Any]] ?? []).map { "\($0["state"] ?? ""): \($0["cause"] ?? "")" }
            #expect(history == want.history, "order \(number)")
        }

        // Nothing waits any more, nothing stays reserved, and the books balance.
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE status IN ('held', 'awaiting_payment', 'awaiting_stock')") == "0")
        #expect(try sql(root, "SELECT coalesce(SUM(reserved), 0) FROM stock_balances") == "0")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'KES-001'") == "14")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
        let held = try #require(root.read("outbox/teekontor/orders/held.csv"))
        #expect(held.split(separator: "\n").count == 1)
    }
}
