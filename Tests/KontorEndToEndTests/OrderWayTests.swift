import Foundation
import KontorTestSupport
import Testing

/// The way of an order: what it waits for, when it is invoiced, and what moves it on.
@Suite struct OrderWayTests {
    /// The state, invoice and causes of an order's changes, as `kontor orders --json` tells them.
    func way(_ number: String, in root: TemporaryRoot) throws -> (state: String?, invoice: String?, history: [String]) {
        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        let order = try #require(orders.first { $0["order_number"] as? String == number })
        let history = (order["history"] as? [[String: Any]] ?? []).map { "\($0["state"] ?? ""): \($0["cause"] ?? "")" }
        return (order["state"] as? String, order["invoice"] as? String, history)
    }

    func run(_ root: TemporaryRoot) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    var today: String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// An order for more than there is waits for stock, not invoiced; the goods receipt that
    /// brings enough releases it: invoiced that day, and shipped.
    @Test func anOrderWaitingForStockIsInvoicedWhenTheGoodsArrive() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,36\n", done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            W-1,2025-03-03,cod,false,4.90,POT,500,24.90

            """, done: true)
        try run(root)
        var w1 = try way("W-1", in: root)
        #expect(w1.state == "awaiting_stock")
        #expect(w1.invoice == nil)
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines") == "0")
        // Nothing is available, never less: the 36 pots are reserved, and what was promised
        // beyond them is the shortfall; reserved is never more than on hand.
        let pot = try #require(try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path)).first { $0["sku"] as? String == "POT" })
        #expect("\(pot["on_hand"] ?? "")/\(pot["reserved"] ?? "")/\(pot["available"] ?? "")/\(pot["shortfall"] ?? "")" == "36/36/0/464")
        #expect(root.read("outbox/shop/stock.csv")?.contains("POT,Teekanne 1 l,main,36,36,0,464,") == true)

        try root.write("inbox/shop/05-receipt.csv", "sku,received\nPOT,600\n", done: true)
        try run(root)
        w1 = try way("W-1", in: root)
        #expect(w1.state == "shipped")
        let year = String(today.prefix(4))
        #expect(w1.invoice == "RE\(year)-00001")
        #expect(w1.history == ["awaiting_stock: waits for goods", "released: goods of POT arrived",
                               "invoiced: invoice RE\(year)-00001", "shipped: shipment SH-00001"])
        #expect(try sql(root, "SELECT date || ':' || gross FROM invoices") == "\(today):1245490")
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'POT'") == "136/0")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("05-receipt") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order W-1"))
        #expect(receipt.contains("goods of POT arrived"))
    }

    /// An order the shop reports paid that waits for goods keeps its payment against its order
    /// number; once invoiced, the payment is moved onto the invoice: both open items are zero.
    @Test func aPaidOrderWaitingForGoodsHasItsPaymentMovedOntoItsInvoice() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,0\n", done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            P-1,2025-03-03,paypal,true,4.90,POT,2,24.90

            """, done: true)
        try run(root)
        #expect(try way("P-1", in: root).state == "awaiting_stock")
        #expect(try sql(root, "SELECT account || ':' || debit || ':' || credit || ':' || coalesce(document, '-') FROM journal_lines ORDER BY id")
                    == "1360:5470:0:P-1\n1400:0:5470:P-1")

        try root.write("inbox/shop/05-receipt.csv", "sku,received\nPOT,10\n", done: true)
        try run(root)
        let p1 = try way("P-1", in: root)
        #expect(p1.state == "shipped")
        let invoice = try #require(p1.invoice)
        #expect(try sql(root, """
            SELECT document || ':' || (SUM(debit) - SUM(credit)) FROM journal_lines WHERE account = 1400 GROUP BY document ORDER BY document
            """) == "P-1:0\n\(invoice):0")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")

        // PayPal's money reaches the bank under the invoice's number: it clears what waited on
        // 1360 under the order's number, and is not booked as a second payment.
        try root.write("inbox/shop/06-bank.csv", "reference,amount,date\n\(invoice),54.70,2025-03-20\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "5470")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400") == "0")
    }

    /// Orders on account that passed the credit check but wait for goods count towards what
    /// the customer owes, though they carry no invoice yet.
    @Test func ordersOnAccountWaitingForGoodsCountTowardsTheLimit() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,0\n", done: true)
        try root.write("inbox/shop/04-customers.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,100.00\n", done: true)
        try root.write("inbox/shop/05-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-03-03,K-1,invoice,false,0.00,POT,3,24.90
            A-2,2025-03-04,K-1,invoice,false,0.00,TEA,3,8.90

            """, done: true)
        try run(root)
        #expect(try way("A-1", in: root).state == "awaiting_stock")
        let a2 = try way("A-2", in: root)
        #expect(a2.state == "held")
        #expect(a2.history == ["held: credit limit 100.00 exceeded: open 74.70 + order 26.70 = 101.40"])
        // `kontor customers` shows the same exposure, though nothing is invoiced yet.
        let k1 = try #require(try jsonArray(KontorBinary.run(["customers", "--json"], root: root.path)).first { $0["customer_id"] as? String == "K-1" })
        #expect(k1["exposure"] as? String == "74.70")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
    }

    /// An order dated years ahead is a mistake: the file is refused, naming the order and the fix.
    @Test func anOrderDatedTooFarAheadIsRefusedWithItsFile() throws {
        let root = try stockedRoot()
        let before = try booksDump(root)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            F-1,2025-03-03,paypal,true,4.90,TEA,1,8.90
            F-2,2062-03-03,paypal,true,4.90,TEA,1,8.90

            """, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        #expect(try booksDump(root) == before)
        let report = try #require(root.read("inbox/shop/rejected/orders.csv.errors.txt"))
        #expect(report.contains("order F-2 is dated 2062-03-03, more than 2 days after the file arrived"))
        #expect(report.contains("Correct the order date"))
    }

    /// A shop whose own system issues the invoices: Kontor books them under the shop's numbers
    /// as the orders arrive, refuses a number given twice, and a payment naming the number
    /// releases the order.
    @Test func aShopThatIssuesItsInvoicesHasThemBookedUnderItsNumbers() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop]\ninvoices = \"shop\"\n")
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price,invoice_number
            S-1,2025-03-03,prepaid,false,4.90,TEA,1,8.90,2025-0017
            S-2,2025-03-04,paypal,true,4.90,TEA,2,8.90,

            """, done: true)
        try run(root)
        let s1 = try way("S-1", in: root)
        #expect(s1.state == "awaiting_payment")
        #expect(s1.invoice == "2025-0017")
        #expect(try sql(root, "SELECT number || ':' || order_number || ':' || date || ':' || gross FROM invoices ORDER BY date")
                    == "2025-0017:S-1:2025-03-03:1380\nS-2:S-2:2025-03-04:2270")
        #expect(try way("S-2", in: root).state == "shipped")

        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price,invoice_number
            S-3,2025-03-05,prepaid,false,4.90,TEA,1,8.90,2025-0017

            """, done: true)
        let refused = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(refused.status == 1)
        let report = try #require(root.read("inbox/shop/rejected/04-orders.csv.errors.txt"))
        #expect(report.contains("invoice number 2025-0017 of order S-3 is already booked for order S-1"))

        try root.write("inbox/shop/05-payments.csv", "reference,amount,date\n2025-0017,13.80,2025-03-06\n", done: true)
        try run(root)
        let paid = try way("S-1", in: root)
        #expect(paid.state == "shipped")
        #expect(paid.history == ["invoiced: invoice 2025-0017 issued by the shop", "awaiting_payment: waits for payment",
                                 "released: payment 2025-0017 covered the order", "shipped: shipment SH-00002"])
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400 AND document = '2025-0017'") == "0")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "2")
        // The shop's invoice is dated the order date; the delivery date is the day it shipped.
        let shipments = try jsonArray(KontorBinary.run(["shipments", "--json"], root: root.path))
        #expect(shipments.first { $0["order_number"] as? String == "S-1" }?["shipped_on"] as? String == "2025-03-06")
    }

    /// After every run, `outbox/<shop>/orders/` lists what needs doing: held orders with their
    /// reasons, orders awaiting payment with what is owed, orders awaiting stock with what each
    /// lacks, and money that matched nothing; `kontor orders` tells the same.
    @Test func theListsOfWhatNeedsDoingFollowEveryRun() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,5\n", done: true)
        try root.write("inbox/shop/04-customers.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,10.00\n", done: true)
        try root.write("inbox/shop/05-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            H-1,2025-03-03,K-1,invoice,false,0.00,TEA,2,8.90
            V-1,2025-03-04,,prepaid,false,4.90,TEA,1,8.90
            S-1,2025-03-05,,cod,false,0.00,POT,4,24.90
            S-2,2025-03-06,,cod,false,0.00,POT,3,24.90
            S-2,2025-03-06,,cod,false,,TEA,1,8.90

            """, done: true)
        try run(root)
        try root.write("inbox/shop/06-payments.csv", "reference,amount,date\nV-1,5.00,2025-03-07\nX-999,12.00,2025-03-07\n", done: true)
        try run(root)

        // The lists are CSV with CRLF line ends, as spreadsheets expect.
        func list(_ name: String) throws -> String {
            try #require(root.read("outbox/shop/orders/" + name)).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let held = try list("held.csv")
        #expect(held.hasPrefix("order_number,order_date,age_days,customer,payment_method,total,reason\nH-1,2025-03-03,"))
        #expect(held.hasSuffix(",K-1,invoice,17.80,credit limit 10.00 exceeded: open 0.00 + order 17.80 = 17.80\n"))
        let payment = try list("awaiting-payment.csv")
        #expect(payment.hasPrefix("order_number,order_date,age_days,customer,payment_method,total,owed,invoice\nV-1,2025-03-04,"))
        #expect(payment.contains(",prepaid,13.80,8.80,\n"))
        // S-1 took 4 of the 5 pots; S-2 lacks 2 of its 3 and none of its tea.
        let stock = try list("awaiting-stock.csv")
        #expect(stock.hasPrefix("order_number,order_date,age_days,customer,sku,missing\n"))
        #expect(stock.split(separator: "\n").dropFirst().map { $0.split(separator: ",").enumerated().filter { [0, 4, 5].contains($0.offset) }.map(\.element).joined(separator: ",") }
                    == ["S-2,POT,2"])
        #expect(try list("unmatched-payments.csv") == "date,reference,amount,text\n2025-03-07,X-999,12.00,Zahlung ohne Zuordnung: X-999\n")

        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        func waitsFor(_ number: String) -> String? {
            orders.first { $0["order_number"] as? String == number }?["waits_for"] as? String
        }
        #expect(waitsFor("H-1") == "credit limit 10.00 exceeded: open 0.00 + order 17.80 = 17.80")
        #expect(waitsFor("V-1") == "payment of 8.80")
        #expect(waitsFor("S-2") == "goods: 2 × POT")
        #expect(waitsFor("S-1") == nil)

        // Goods for S-2 arrive: the list of orders awaiting stock is empty again.
        try root.write("inbox/shop/07-receipt.csv", "sku,received\nPOT,10\n", done: true)
        try run(root)
        #expect(try list("awaiting-stock.csv") == "order_number,order_date,age_days,customer,sku,missing\n")
    }

    /// An order held for an unknown article keeps its discounts: released once the article
    /// is known, it is invoiced at what the customer was charged.
    @Test func anOrderHeldForAttentionKeepsItsDiscounts() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price,line_discount,order_discount,coupon_code
            N-2,2025-03-03,paypal,true,0.00,TEA,1,8.90,,2.00,WILLKOMMEN
            N-2,2025-03-03,paypal,true,,MUG,2,12.00,4.00,,

            """, done: true)
        try run(root)
        #expect(try way("N-2", in: root).state == "held")
        try root.write("inbox/shop/04-mug.csv", "sku,name,price,vat_rate,weight_kg\nMUG,Becher,12.00,19,0.4\n", done: true)
        try root.write("inbox/shop/05-count.csv", "sku,counted\nMUG,10\n", done: true)
        try run(root)
        #expect(try way("N-2", in: root).state == "shipped")
        // 8.90 + 2 × 12.00 − 4.00 − 2.00 = 26.90, what PayPal took.
        #expect(try sql(root, "SELECT gross FROM invoices WHERE order_number = 'N-2'") == "2690")
        #expect(try sql(root, "SELECT total_gross FROM orders WHERE order_number = 'N-2'") == "2690")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400") == "0")
        #expect(try sql(root, "SELECT SUM(discount) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.order_number = 'N-2'") == "600")
    }

    /// A PayPal payout that collected the money of an order waiting for it releases the order:
    /// invoiced on the payout's date and shipped; the fees go to 4970, and the bank line that
    /// brings the payout clears the clearing account.
    @Test func aPayoutReleasesTheOrderWhoseMoneyItCollected() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            Q-1,2025-03-03,paypal,false,4.90,TEA,2,8.90

            """, done: true)
        try run(root)
        #expect(try way("Q-1", in: root).state == "awaiting_payment")
        try root.write("inbox/shop/04-payout.csv", """
            payout_id,date,method,gross,fees,net,order_number,amount
            PP-9,2025-03-05,paypal,22.70,0.70,22.00,Q-1,22.70

            """, done: true)
        try run(root)
        let q1 = try way("Q-1", in: root)
        #expect(q1.state == "shipped")
        #expect(q1.history.dropFirst().first == "released: payout PP-9 covered the order")
        #expect(try sql(root, "SELECT date || ':' || gross FROM invoices WHERE order_number = 'Q-1'") == "2025-03-05:2270")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1400") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 4970") == "70")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360") == "2200")
        try root.write("inbox/shop/05-bank.csv", "reference,amount,date\nPP-9,22.00,2025-03-06\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1360") == "0")
        #expect(try sql(root, "SELECT SUM(debit) - SUM(credit) FROM journal_lines WHERE account = 1200") == "2200")
    }

    /// Goods that arrive serve the waiting orders by the date they were placed: an order of
    /// 5 March whose file came after one of 10 March is served first.
    @Test func waitingOrdersAreServedByTheDateTheyWerePlaced() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-count.csv", "sku,counted\nPOT,0\n", done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            L-10,2025-03-10,cod,false,4.90,POT,5,24.90

            """, done: true)
        try root.write("inbox/shop/05-orders-late.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            L-05,2025-03-05,cod,false,4.90,POT,5,24.90

            """, done: true)
        try run(root)
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "L-05:awaiting_stock L-10:awaiting_stock")
        try root.write("inbox/shop/06-receipt.csv", "sku,received\nPOT,5\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "L-05:shipped L-10:awaiting_stock")
        // Three pots come, too few for L-10; a new order placed before it takes them.
        try root.write("inbox/shop/07-receipt.csv", "sku,received\nPOT,3\n", done: true)
        try root.write("inbox/shop/08-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            L-07,2025-03-07,cod,false,4.90,POT,3,24.90

            """, done: true)
        try run(root)
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "L-05:shipped L-07:shipped L-10:awaiting_stock")
        #expect(try sql(root, "SELECT on_hand || '/' || reserved FROM stock_balances WHERE sku = 'POT'") == "0/5")
    }
}
