import Foundation
import KontorTestSupport
import Testing

/// Random sequences of orders, payments, goods receipts, stock counts, cancellations and
/// returns, each a
/// file through the `kontor` binary. After every file: no order waits for something that is
/// already there, no stock is below zero, on hand is the sum of the movements, and debits
/// equal credits. Each seed gives the same sequence, so a failure repeats.
@Suite struct OrderPropertyTests {
    static let products = """
        sku,name,price,vat_rate,weight_kg
        TEA,Assam Tee 250 g,8.90,7,0.3
        POT,Teekanne 1 l,24.90,19,1.2
        CUP,Teeschale,6.50,19,0.2

        """

    /// The shop's articles with their prices in cents.
    static let articles: [(sku: String, price: Int)] = [("TEA", 890), ("POT", 2490), ("CUP", 650)]

    @Test(arguments: 1...6)
    func noOrderWaitsForWhatIsThere(seed: Int) throws {
        var g = SeededGenerator(seed: UInt64(seed) &* 104_729)
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", Self.products, done: true)
        try root.write("inbox/shop/02-count.csv", "sku,counted\nTEA,20\nPOT,5\nCUP,0\n", done: true)
        try root.write("inbox/shop/03-customers.csv", """
            customer_id,name,email,credit_limit
            K-1,Anna Petersen,anna@example.de,60.00
            K-2,Café Rosengarten,einkauf@rosengarten.example,200.00

            """, done: true)
        try run(root, "master data")
        var orders = 0
        var history: [String] = []
        for step in 1...12 {
            let name = String(format: "%02d", step + 3)
            let (file, text, what) = try nextFile(step: name, orders: &orders, root: root, using: &g)
            history.append(what)
            try root.write("inbox/shop/" + file, text, done: true)
            try run(root, "seed \(seed), step \(step): \(what)\n\(text)")
            try checkInvariants(root, "seed \(seed) after \(history.joined(separator: "; "))")
        }
    }

    func run(_ root: TemporaryRoot, _ context: String) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(context)\n\(result.stdout)\(result.stderr)")
    }

    /// The next file of a sequence: mostly orders, then payments, goods, counts and returns.
    func nextFile(step: String, orders: inout Int, root: TemporaryRoot,
                  using g: inout SeededGenerator) throws -> (file: String, text: String, what: String) {
        let roll = Int(g.next() % 100)
        if roll < 40 || orders == 0 {
            var text = "order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price\n"
            for _ in 0..<(1 + Int(g.next() % 3)) {
                orders += 1
                let kind = Int(g.next() % 5)
                let (customer, method, paid) = [("", "prepaid", "true"), ("", "prepaid", "false"), ("", "paypal", "true"),
                                                ("K-1", "invoice", "false"), ("K-2", "invoice", "false")][kind]
                let date = String(format: "2025-03-%02d", 1 + orders % 28)
                for line in 0..<(1 + Int(g.next() % 2)) {
                    let article = Self.articles[Int(g.next() % 3)]
                    let quantity = 1 + Int(g.next() % 6)
                    text += "O-\(orders),\(date),\(customer),\(method),\(paid),\(line == 0 ? "4.90" : ""),\(article.sku),\(quantity),"
                    text += "\(article.price / 100).\(String(format: "%02d", article.price % 100))\n"
                }
            }
            return ("\(step)-orders.csv", text, "orders")
        }
        if roll < 58 {
            // A payment of what an order still owes, or of half of it, or of money nobody owes.
            let owed = try sql(root, """
                SELECT o.order_number || ':' || (CASE WHEN o.invoice_number IS NULL THEN o.total_gross ELSE 0 END
                    + coalesce((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l WHERE l.account = 1400
                                AND l.document IN (o.order_number, o.invoice_number)), 0))
                FROM orders o WHERE o.status IN ('awaiting_payment', 'held') ORDER BY o.id
                """).split(separator: "\n").map { $0.split(separator: ":").map(String.init) }.filter { $0.count == 2 }
            guard !owed.isEmpty else {
                return ("\(step)-payments.csv", "reference,amount,date\nX-\(step),12.00,2025-03-20\n", "payment that matches nothing")
            }
            let pick = owed[Int(g.next() % UInt64(owed.count))]
            let amount = (Int(pick[1]) ?? 0) / (g.next() % 3 == 0 ? 2 : 1)
            guard amount > 0 else { return ("\(step)-count.csv", "sku,counted\nCUP,3\n", "count") }
            return ("\(step)-payments.csv", "reference,amount,date\n\(pick[0]),\(amount / 100).\(String(format: "%02d", amount % 100)),2025-03-20\n",
                    "payment of \(pick[0])")
        }
        if roll < 70 {
            let article = Self.articles[Int(g.next() % 3)]
            return ("\(step)-receipt.csv", "sku,received\n\(article.sku),\(1 + Int(g.next() % 12))\n", "goods receipt of \(article.sku)")
        }
        if roll < 78 {
            let article = Self.articles[Int(g.next() % 3)]
            return ("\(step)-count.csv", "sku,counted\n\(article.sku),\(Int(g.next() % 15))\n", "count of \(article.sku)")
        }
        if roll < 88 {
            // A cancellation of an order that has not shipped.
            let open = try sql(root, """
                SELECT order_number FROM orders WHERE status IN ('held', 'awaiting_payment', 'awaiting_stock') ORDER BY id
                """).split(separator: "\n").map(String.init)
            guard !open.isEmpty else { return ("\(step)-receipt.csv", "sku,received\nTEA,3\n", "goods receipt of TEA") }
            let pick = open[Int(g.next() % UInt64(open.count))]
            return ("\(step)-cancellations.csv", "order_number,reason\n\(pick),storniert\n", "cancellation of \(pick)")
        }
        // A return of one unit of a shipped order's line that is not all back yet.
        let open = try sql(root, """
            SELECT o.order_number || ':' || l.sku FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.status = 'shipped' GROUP BY o.id, l.sku
            HAVING SUM(l.quantity) > (SELECT coalesce(SUM(r.quantity), 0) FROM order_returns r WHERE r.order_id = o.id AND r.sku = l.sku)
            ORDER BY o.id, l.sku
            """).split(separator: "\n").map { $0.split(separator: ":").map(String.init) }.filter { $0.count == 2 }
        guard !open.isEmpty else { return ("\(step)-receipt.csv", "sku,received\nPOT,2\n", "goods receipt of POT") }
        let pick = open[Int(g.next() % UInt64(open.count))]
        let condition = g.next() % 2 == 0 ? "resellable" : "damaged"
        return ("\(step)-returns.csv", "order_number,sku,quantity,condition\n\(pick[0]),\(pick[1]),1,\(condition)\n", "return from \(pick[0])")
    }

    func checkInvariants(_ root: TemporaryRoot, _ context: String) throws {
        // The journal matches its seals, and every running figure its ledger.
        let verify = try KontorBinary.run(["verify"], root: root.path)
        #expect(verify.status == 0, "\(context)\n\(verify.stdout)")
        #expect(try sql(root, "SELECT count(*) FROM stock_balances WHERE on_hand < 0") == "0", "\(context)")
        #expect(try sql(root, """
            SELECT count(*) FROM stock_balances b
            WHERE on_hand != (SELECT coalesce(SUM(quantity), 0) FROM stock_movements m WHERE m.shop = b.shop AND m.sku = b.sku)
            """) == "0", "\(context)")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1", "\(context)")
        // An order awaiting stock lacks an article: some article it reserved has less on hand
        // than is reserved of it. (Were every reservation coverable, no order would wait.)
        #expect(try sql(root, """
            SELECT group_concat(o.order_number) FROM orders o WHERE o.status = 'awaiting_stock' AND NOT EXISTS (
                SELECT 1 FROM reservations r JOIN stock_balances b ON b.shop = r.shop AND b.sku = r.sku AND b.warehouse = r.warehouse
                WHERE r.shop = o.shop AND r.order_number = o.order_number
                GROUP BY r.sku HAVING SUM(r.quantity) > 0 AND MAX(b.on_hand) < MAX(b.reserved))
            """) == "", "orders awaiting stock whose goods are there: \(context)")
        // An order awaiting payment still owes something.
        #expect(try sql(root, """
            SELECT group_concat(o.order_number) FROM orders o WHERE o.status = 'awaiting_payment'
              AND (CASE WHEN o.invoice_number IS NULL THEN o.total_gross ELSE 0 END
                   + coalesce((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l WHERE l.account = 1400
                               AND l.document IN (o.order_number, o.invoice_number)), 0)) <= 0
            """) == "", "orders awaiting a payment that came: \(context)")
        // The oldest held order of each customer does not fit the limit: what the customer owes,
        // with their orders on account waiting for goods, plus this order, exceeds it.
        #expect(try sql(root, """
            SELECT group_concat(o.order_number) FROM orders o JOIN customers c ON c.shop = o.shop AND c.customer_id = o.customer_key
            WHERE o.status = 'held' AND o.id = (SELECT min(h.id) FROM orders h WHERE h.shop = o.shop AND h.customer_key = o.customer_key AND h.status = 'held')
              AND coalesce((SELECT open FROM customer_balances b WHERE b.shop = o.shop AND b.customer_key = o.customer_key), 0)
                + coalesce((SELECT SUM(w.total_gross) FROM orders w WHERE w.shop = o.shop AND w.customer_key = o.customer_key
                            AND w.status = 'awaiting_stock' AND w.payment_method = 'invoice' AND w.invoice_number IS NULL), 0)
                + o.total_gross <= coalesce(c.credit_limit, 0)
            """) == "", "held orders that fit the limit: \(context)")
    }
}
