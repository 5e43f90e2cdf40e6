import Foundation
import KontorTestSupport
import Testing

/// The credit check beyond the limit: a customer with an invoice dunned at the shop's level,
/// or blocked, gets new orders on account held with the reason; paying the dunned invoice,
/// or lifting the block with a customers file, releases them.
@Suite struct CreditHoldTests {
    func state(_ order: String, in root: TemporaryRoot) throws -> (state: String?, history: [String]) {
        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        let entry = orders.first { $0["order_number"] as? String == order }
        let history = (entry?["history"] as? [[String: Any]] ?? []).map { "\($0["state"] ?? ""): \($0["cause"] ?? "")" }
        return (entry?["state"] as? String, history)
    }

    func run(_ root: TemporaryRoot) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func anInvoiceAtTheFirstDunningHoldsNewOrdersOnAccountUntilItIsPaid() throws {
        let dunning = DunningEndToEndTests()
        let root = try dunning.overdueInvoices()
        #expect(try dunning.dun(root, "2025-06-23").status == 0)
        // After the reminder alone, a new order on account still goes (the level is the first dunning).
        try root.write("inbox/shop/orders-2.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            C-1,2025-06-24,K-2,invoice,false,0,TEA,1,8.90

            """, done: true)
        try run(root)
        #expect(try state("C-1", in: root).state == "shipped")
        #expect(try dunning.dun(root, "2025-07-08").status == 0)
        try root.write("inbox/shop/orders-3.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            C-2,2025-07-09,K-2,invoice,false,0,TEA,1,8.90
            C-3,2025-07-09,K-2,paypal,true,0,TEA,1,8.90

            """, done: true)
        try run(root)
        #expect(try state("C-2", in: root).history == ["held: overdue and dunned: RE2025-00002 (1. Mahnung)"])
        #expect(try state("C-3", in: root).state == "shipped", "an order paid in advance carries no credit risk")
        #expect(root.read("outbox/shop/orders/held.csv")?.contains("C-2") == true)
        #expect(root.read("outbox/shop/credit/holds.csv")?.contains("C-2,K-2,8.90,") == true)
        #expect(root.read("outbox/shop/credit/holds.csv")?.contains("overdue and dunned: RE2025-00002 (1. Mahnung)") == true)

        // The dunned invoice paid in full, fees, interest and flat fee included: C-2 goes.
        try root.write("inbox/shop/payments.csv", "reference,amount,date\nRE2025-00002,1045.05,2025-07-10\n", done: true)
        try run(root)
        let c2 = try state("C-2", in: root)
        #expect(c2.state == "shipped", "\(c2.history)")
        #expect(try sql(root, "SELECT status FROM credit_holds WHERE order_number = 'C-2'") == "released")
        #expect(root.read("outbox/shop/credit/holds.csv")?.contains("C-2") == false)
    }

    @Test func aBlockedCustomerIsHeldUntilACustomersFileLiftsTheBlock() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/01-customers.csv", """
            customer_id,name,email,credit_limit,blocked
            K-3,Hofladen Meyer,info@hofladen.example,1000.00,true

            """, done: true)
        try root.write("inbox/shop/02-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            D-1,2025-03-03,K-3,invoice,false,4.90,TEA,2,8.90

            """, done: true)
        try run(root)
        #expect(try state("D-1", in: root).history == ["held: the customer is blocked from buying on account"])
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "0")
        // A customers file that names the customer without the column keeps the block.
        try root.write("inbox/shop/03-customers.csv", "customer_id,name,email,credit_limit\nK-3,Hofladen Meyer,info@hofladen.example,1000.00\n",
                       done: true)
        try run(root)
        #expect(try state("D-1", in: root).state == "held")
        try root.write("inbox/shop/04-customers.csv", "customer_id,name,email,blocked\nK-3,Hofladen Meyer,info@hofladen.example,false\n",
                       done: true)
        try run(root)
        #expect(try state("D-1", in: root).state == "shipped")
    }

    /// Cash on delivery carries credit risk: the open cash-on-delivery invoice counts in what
    /// the customer owes, and a second order that would take them over their limit is held
    /// with the figures; the carrier's money for the first releases it. A customer without a
    /// limit still gets cash on delivery as before.
    @Test func cashOnDeliveryOverTheLimitIsHeldWithTheReason() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/01-customers.csv", """
            customer_id,name,email,credit_limit
            K-4,Teestube Hansen,info@teestube.example,30.00

            """, done: true)
        try root.write("inbox/shop/02-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            N-1,2025-03-03,K-4,cod,false,4.90,TEA,1,8.90
            N-9,2025-03-03,,cod,false,4.90,TEA,5,8.90

            """, done: true)
        try run(root)
        #expect(try state("N-1", in: root).state == "shipped")
        #expect(try state("N-9", in: root).state == "shipped", "cash on delivery without a limit goes as before")
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            N-2,2025-03-04,K-4,cod,false,0.00,TEA,2,8.90

            """, done: true)
        try run(root)
        #expect(try state("N-2", in: root).history
                == ["held: credit limit 30.00 exceeded: open 13.80 + order 17.80 = 31.60"])
        #expect(root.read("outbox/shop/credit/holds.csv")?.contains("N-2,K-4,17.80,13.80,30.00,") == true)
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("03-orders") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order N-2 (K-4): credit limit 30.00 exceeded"))

        // The carrier pays the first parcel's money: the customer is under the limit again.
        let invoice = try sql(root, "SELECT invoice_number FROM orders WHERE order_number = 'N-1'")
        try root.write("inbox/shop/04-payments.csv", "reference,amount,date\n\(invoice),13.80,2025-03-06\n", done: true)
        try run(root)
        #expect(try state("N-2", in: root).state == "shipped")
    }

    /// `kontor customers --json` shows each customer's risk score with its factors: the business
    /// whose invoice of June 2025 is open, long overdue and at the first dunning scores the
    /// full 35 for days late, 20 for the share late, 5 for the letter and 3 for 1,045.05 of a
    /// 5,000.00 limit; the relationship is over a year old.
    @Test func theRiskScoreOfADunnedCustomer() throws {
        let dunning = DunningEndToEndTests()
        let root = try dunning.overdueInvoices()
        #expect(try dunning.dun(root, "2025-06-23").status == 0)
        #expect(try dunning.dun(root, "2025-07-08").status == 0)
        let customers = try jsonArray(KontorBinary.run(["customers", "--json"], root: root.path))
        let k2 = try #require(customers.first { $0["customer_id"] as? String == "K-2" })
        #expect(k2["risk_score"] as? Int == 63, "\(k2["risk_factors"] ?? "")")
        let factors = k2["risk_factors"] as? [String] ?? []
        #expect(factors.count == 5)
        #expect(factors.contains("dunning letters: 1 → 5/20"))
        #expect(factors.contains("exposure against limit: 1045.05 of 5000.00 → 3/15"))
        let explained = try KontorBinary.run(["customers", "--explain"], root: root.path)
        #expect(explained.stdout.contains("shop/K-2 Café Ahrens GmbH: risk 63"))
    }

    /// `kontor report risk` writes the same per customer into `credit/risk.csv`: K-2's limit,
    /// what they owe with the charges of the letter, no held orders, the score of 63 and its
    /// points (35 days late, 20 share late, 5 for the letter, 3 for the exposure, 0 for a
    /// relationship of over a year).
    @Test func theRiskReportFileListsEachCustomer() throws {
        let dunning = DunningEndToEndTests()
        let root = try dunning.overdueInvoices()
        #expect(try dunning.dun(root, "2025-06-23").status == 0)
        #expect(try dunning.dun(root, "2025-07-08").status == 0)
        let report = try KontorBinary.run(["report", "risk", "--shop", "shop"], root: root.path)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        #expect(report.stdout.contains("wrote outbox/shop/credit/risk.csv"))
        let text = try #require(root.read("outbox/shop/credit/risk.csv"))
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "customer,name,credit_limit,exposure,on_hold,held_amount,risk_score,suggested_limit,"
                + "days_late_points,paid_late_points,dunning_points,exposure_points,relationship_points,factors")
        let k2 = try #require(lines.first { $0.hasPrefix("K-2,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(k2[..<7] == ["K-2", "Café Ahrens GmbH", "5000.00", "1045.05", "false", "0.00", "63"])
        #expect(k2[8..<13] == ["35", "20", "5", "3", "0"])
        #expect(k2[13...].joined(separator: ",").contains("dunning letters: 1 → 5/20; exposure against limit: 1045.05 of 5000.00 → 3/15"))
        #expect(lines.count == 3, "the header, K-1 and K-2")
    }
}
