import Foundation
import KontorTestSupport
import Testing

/// Limits by customer group and their history: a consumer without a limit of their own
/// gets the shop's consumer limit, a business the default limit; each limit a customers
/// file gives is kept with the batch that brought it.
@Suite struct CreditLimitTests {
    @Test func consumersAndBusinessesGetTheirGroupsLimitAndEveryChangeIsKept() throws {
        let root = try stockedRoot()
        try root.write("kontor.toml", """
            [kontor]
            default_credit_limit = "1000.00"
            consumer_credit_limit = "50.00"

            """)
        try root.write("inbox/shop/01-customers.csv", """
            customer_id,name,email,business,vat_id,credit_limit
            K-B,Hofladen Meyer KG,info@hofladen.example,true,,
            K-V,Teehaus Nord GmbH,info@teehaus-nord.example,,DE123456789,
            K-C,Kai Neumann,kai@example.de,,,

            """, done: true)
        // 6 × 8.90 + 4.90 = 58.30 each: within 1,000.00, over 50.00.
        try root.write("inbox/shop/02-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            L-1,2025-03-03,K-B,invoice,false,4.90,TEA,6,8.90
            L-2,2025-03-03,K-V,invoice,false,4.90,TEA,6,8.90
            L-3,2025-03-03,K-C,invoice,false,4.90,TEA,6,8.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT order_number || ' ' || status FROM orders ORDER BY order_number") == """
            L-1 shipped
            L-2 shipped
            L-3 held
            """)
        #expect(try sql(root, "SELECT reason FROM credit_holds WHERE order_number = 'L-3'")
            == "credit limit 50.00 exceeded: open 0.00 + order 58.30 = 58.30")

        // A limit of their own for the consumer releases the order; raised once more, the
        // history holds both changes.
        try root.write("inbox/shop/03-customers.csv", "customer_id,name,email,credit_limit\nK-C,Kai Neumann,kai@example.de,100.00\n",
                       done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'L-3'") == "shipped")
        try root.write("inbox/shop/04-customers.csv", "customer_id,name,email,credit_limit\nK-C,Kai Neumann,kai@example.de,250.00\n",
                       done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        // The same limit again changes nothing.
        try root.write("inbox/shop/05-customers.csv", "customer_id,name,email,credit_limit\nK-C,Kai Neumann,kai@example.de,250.00\n",
                       done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let customers = try jsonArray(KontorBinary.run(["customers", "--json"], root: root.path))
        let kai = try #require(customers.first { $0["customer_id"] as? String == "K-C" })
        let history = (kai["limit_history"] as? [String] ?? []).map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? $0 }
        let batches = try sql(root, "SELECT id FROM batches WHERE file IN ('03-customers.csv', '04-customers.csv') ORDER BY id")
            .split(separator: "\n")
        #expect(history == ["batch \(batches[0]): none → 100.00", "batch \(batches[1]): 100.00 → 250.00"])
        let business = try #require(customers.first { $0["customer_id"] as? String == "K-B" })
        #expect((business["limit_history"] as? [String]) == [])
    }
}
