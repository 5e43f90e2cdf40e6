import Foundation
import KontorTestSupport
import Testing

/// Batches that a command starts: a held order released by hand, and a batch taken back,
/// each with its operator, its note, its effects and its receipt, reversible like a file's.
@Suite struct CommandBatchTests {
    /// A root whose customer on account has no credit: order H-1 is held, P-1 ships.
    func heldOrder() throws -> TemporaryRoot {
        let root = try stockedRoot()
        try root.write("inbox/shop/customers.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,0.00\n", done: true)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            H-1,2025-03-03,K-1,invoice,false,4.90,TEA,2,8.90
            H-1,2025-03-03,K-1,invoice,false,,POT,1,24.90
            P-1,2025-03-03,,paypal,true,4.90,TEA,1,8.90

            """, done: true)
        let run = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'H-1'") == "held")
        return root
    }

    @Test func aHeldOrderIsReleasedByHandAndTheReleaseIsRevertedLikeAFile() throws {
        let root = try heldOrder()
        let stockBefore = try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'TEA'")
        let release = try KontorBinary.run(["release", "H-1", "--note", "Kunde hat telefonisch bestätigt"], root: root.path,
                                           environment: ["USER": "admin-anna"])
        #expect(release.status == 0, "\(release.stdout)\(release.stderr)")
        let id = try sql(root, "SELECT id FROM batches WHERE kind = 'command'")
        #expect(try sql(root, "SELECT file || '|' || status FROM batches WHERE id = \(id)") == "release H-1|applied")
        // Released today, it is invoiced today: the invoice date is the day it is issued.
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(try sql(root, "SELECT status || '|' || invoice_number FROM orders WHERE order_number = 'H-1'") == "shipped|RE\(year)-00001")
        #expect(try sql(root, "SELECT status || '|' || released_by FROM credit_holds WHERE order_number = 'H-1'") == "released|\(id)")
        #expect(try sql(root, "SELECT gross FROM invoices WHERE number = 'RE\(year)-00001'") == "4760")
        #expect(try sql(root, "SELECT count(*) FROM shipments WHERE order_number = 'H-1' AND status = 'ready'") == "1")
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'TEA'") == "997/0")
        let events = try sql(root, "SELECT event || ':' || actor || ':' || coalesce(detail, '') FROM batch_events WHERE batch_id = \(id) ORDER BY id")
        #expect(events.contains("command:admin-anna:release H-1: Kunde hat telefonisch bestätigt"))
        let receipt = try #require(root.list("outbox/shop/receipts").last.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("RE\(year)-00001  order H-1  47.60 EUR"))
        #expect(receipt.contains("(order H-1)"))

        // Released once, not twice.
        let again = try KontorBinary.run(["release", "H-1", "--note", "noch einmal"], root: root.path)
        #expect(again.status == 1)
        #expect(again.stdout.contains("order H-1 is shipped, not held"))

        // A command batch is not rerun; it is reverted, and everything it did is taken back.
        let rerun = try KontorBinary.run(["rerun", id, "--force"], root: root.path)
        #expect(rerun.status == 2)
        #expect(rerun.stderr.contains("kontor revert \(id)"))
        let revert = try KontorBinary.run(["revert", id, "--note", "versehentlich freigegeben"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try sql(root, "SELECT status FROM batches WHERE id = \(id)") == "reverted")
        #expect(try sql(root, "SELECT status || '|' || coalesce(invoice_number, '-') FROM orders WHERE order_number = 'H-1'") == "held|-")
        #expect(try sql(root, "SELECT status || '|' || coalesce(released_by, '-') FROM credit_holds WHERE order_number = 'H-1'") == "held|-")
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'TEA'") == stockBefore)
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400 AND customer_key = 'K-1'") == "0")
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "0")

        // Now the orders file itself can be taken back too: nothing built on it any more.
        let orders = try sql(root, "SELECT id FROM batches WHERE file = 'orders.csv'")
        let back = try KontorBinary.run(["revert", orders, "--note", "falsche Datei"], root: root.path)
        #expect(back.status == 0, "\(back.stdout)\(back.stderr)")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE status != 'reverted'") == "0")
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'TEA'") == "1000/0")
    }

    @Test func aReleaseOfAnOrderThatIsNotHeldIsRejectedAndChangesNothing() throws {
        let root = try heldOrder()
        let before = try booksDump(root)
        let result = try KontorBinary.run(["release", "P-1", "--note", "Versuch"], root: root.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("order P-1 is shipped, not held; only a held order is released"))
        #expect(try sql(root, "SELECT status FROM batches WHERE kind = 'command'") == "rejected")
        #expect(try booksDump(root) == before)
        let missing = try KontorBinary.run(["release", "X-9", "--note", "Versuch"], root: root.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no shop has an order X-9"))
    }
}

/// Orders waiting for stock ship when goods arrive, first come first served.
@Suite struct WaitingOrderTests {
    @Test func aGoodsReceiptShipsTheOrdersWaitingForItInTheirOrder() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-03-03,paypal,true,4.90,TEA,900,8.90
            A-2,2025-03-03,paypal,true,4.90,TEA,200,8.90
            A-3,2025-03-03,paypal,true,4.90,TEA,50,8.90
            A-4,2025-03-03,prepaid,false,4.90,TEA,10,8.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        func states() throws -> String {
            try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
        }
        // A-2 waits for stock; A-3 would fit into what is left, but A-2 came first.
        #expect(try states() == "A-1:shipped A-2:awaiting_stock A-3:awaiting_stock A-4:awaiting_payment")

        try root.write("inbox/shop/receipt-1.csv", "sku,received\nTEA,100\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try states() == "A-1:shipped A-2:shipped A-3:awaiting_stock A-4:awaiting_payment")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("receipt-1") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("(order A-2)"))

        try root.write("inbox/shop/receipt-2.csv", "sku,received\nTEA,50\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try states() == "A-1:shipped A-2:shipped A-3:shipped A-4:awaiting_payment")
        // What is left is A-4's, reserved until it is paid.
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'TEA'") == "0/10")
        #expect(try sql(root, "SELECT count(*) FROM shipments WHERE status = 'ready'") == "3")
    }
}

/// Held orders are released by what brings their customer back under the limit.
@Suite struct HeldOrderReleaseTests {
    @Test func aRaisedLimitReleasesTheHeldOrderAndAPaymentTheNext() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/customers.csv", """
            customer_id,name,email,credit_limit
            K-1,Anna Petersen,anna@example.de,50.00

            """, done: true)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-03-03,K-1,invoice,false,0.00,TEA,3,8.90
            B-1,2025-03-04,K-1,invoice,false,0.00,POT,1,24.90
            C-1,2025-03-05,K-1,invoice,false,0.00,POT,2,24.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        func states() throws -> String {
            try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
        }
        // A-1 (26.70) fits the limit of 50.00; B-1 (24.90) and C-1 (49.80) do not.
        #expect(try states() == "A-1:shipped B-1:held C-1:held")

        // A payment of A-1 brings K-1 back to 0 open: B-1 fits again, C-1 then not (24.90 + 49.80).
        try root.write("inbox/shop/payments.csv", "reference,amount,date\nA-1,26.70,2025-03-10\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try states() == "A-1:shipped B-1:shipped C-1:held")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("payments") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order B-1 (K-1): payment A-1 lowered what is open"))

        // A raised limit releases C-1.
        try root.write("inbox/shop/limit.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,100.00\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try states() == "A-1:shipped B-1:shipped C-1:shipped")
        #expect(try sql(root, "SELECT count(*) FROM credit_holds WHERE status = 'released'") == "2")
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "7470")

        // `kontor orders` tells each order's state and how it got there.
        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        let c1 = try #require(orders.first { $0["order_number"] as? String == "C-1" })
        #expect(c1["state"] as? String == "shipped")
        #expect(c1["total"] as? String == "49.80")
        // C-1 was released by a customers file, which carries no date: invoiced on the day it was applied.
        let history = try #require(c1["history"] as? [[String: Any]])
        #expect(history.map { $0["state"] as? String } == ["held", "released", "invoiced", "shipped"])
        #expect(history.map { $0["cause"] as? String }
                    == ["credit limit 50.00 exceeded: open 26.70 + order 49.80 = 76.50", "credit limit now 100.00",
                        "invoice RE\(Calendar(identifier: .gregorian).component(.year, from: Date()))-00001", "shipment SH-00003"])
        let none = try jsonArray(KontorBinary.run(["orders", "--json", "--state", "held"], root: root.path))
        #expect(none.isEmpty)
        let wrong = try KontorBinary.run(["orders", "--state", "lost"], root: root.path)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("there is no order state \"lost\""))
    }
}

extension HeldOrderReleaseTests {
    /// A held order that the customer pays in advance, in full, is released: invoiced, the
    /// payments settle the invoice, and it ships. A smaller payment is kept against the order
    /// (paid in advance) and leaves it held; the rest releases it.
    @Test func aHeldOrderPaidInAdvanceIsReleasedAndItsInvoiceSettled() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            V-1,2025-03-03,K-9,invoice,false,4.90,POT,1,24.90

            """, done: true)
        try root.write("inbox/shop/customers.csv", "customer_id,name,email,credit_limit\nK-9,Karl Neu,karl@example.de,0.00\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'V-1'") == "held")
        try root.write("inbox/shop/part.csv", "reference,amount,date\nV-1,10.00,2025-03-05\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'V-1'") == "held")
        #expect(try sql(root, "SELECT SUM(credit) - SUM(debit) FROM journal_lines WHERE account = 1400 AND document = 'V-1'") == "1000")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines WHERE account = 1590") == "0")
        try root.write("inbox/shop/full.csv", "reference,amount,date\nV-1,19.80,2025-03-06\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status || '|' || invoice_number FROM orders WHERE order_number = 'V-1'") == "shipped|RE2025-00001")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400 AND document = 'RE2025-00001'") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400 AND document = 'V-1'") == "0")
        #expect(try sql(root, "SELECT date FROM invoices WHERE number = 'RE2025-00001'") == "2025-03-06")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("full") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order V-1 (K-9): paid in advance by V-1"))
    }
}
