import Foundation
import KontorTestSupport
import Testing

/// Shopify's orders exports, old (72 columns) and current (79 columns), through the `kontor` binary.
@Suite struct ShopifyOrdersCSVEndToEndTests {
    static let fixtures = packageRoot + "/Tests/Fixtures/shopify-orders-csv/"

    /// The café buys on account (`manual` payment in Shopify) and may owe up to 300.00.
    static let customers = """
        customer_id,name,email,credit_limit
        K-2002,Café Ahrens GmbH,info@cafe-ahrens.example,300.00

        """

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: fixtures + name))
    }

    /// A root with the articles, their stock and the café's credit limit.
    static func preparedRoot() throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", teaCatalogueCSV, done: true)
        try root.write("inbox/shop/02-count.csv", teaCountCSV, done: true)
        try root.write("inbox/shop/03-customers.csv", customers, done: true)
        return root
    }

    @Test func oldAndNewExportsAreBooked() throws {
        let root = try Self.preparedRoot()
        try root.write("inbox/shop/04-orders_export_72.csv", Self.fixture("orders_export_72.csv"), done: true)
        try root.write("inbox/shop/05-orders_export_79.csv", Self.fixture("orders_export_79.csv"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")

        #expect(try sql(root, "SELECT file || ':' || status || ':' || kind || ':' || dialect || ':' || records FROM batches WHERE dialect = 'shopify-orders-csv' ORDER BY id") == """
            04-orders_export_72.csv:applied:orders:shopify-orders-csv:3
            05-orders_export_79.csv:applied:orders:shopify-orders-csv:5
            """)
        #expect(try sql(root, "SELECT code FROM batch_diagnostics WHERE severity = 'warning'") == "shopify.partially-refunded")

        // Paid, cash on delivery and on-account orders ship; refunded and voided ones are only recorded.
        #expect(try sql(root, "SELECT order_number || ':' || status || ':' || payment_method || ':' || total_gross || ':' || coalesce(invoice_number, '-') FROM orders ORDER BY id") == """
            1001:shipped:paypal:3160:RE2025-00001
            1002:shipped:card:5470:RE2025-00002
            1003:shipped:cod:1980:RE2025-00003
            1041:shipped:card:6560:RE2025-00004
            1042:shipped:invoice:4550:RE2025-00005
            1043:cancelled:paypal:1380:-
            1044:cancelled:card:1790:-
            1045:shipped:paypal:3720:RE2025-00006
            """)
        #expect(try sql(root, "SELECT ship_zip FROM orders WHERE order_number = '1001'") == "21335")
        #expect(try sql(root, "SELECT customer_key FROM orders WHERE order_number = '1042'") == "K-2002")

        // Six invoices; the four paid ones are paid at once (PayPal and card: 1360), 1003 and 1042 stay open.
        #expect(try sql(root, "SELECT count(*) || ':' || sum(gross) FROM invoices WHERE kind = 'invoice'") == "6:25440")
        #expect(try sql(root, "SELECT sum(debit) FROM journal_lines WHERE account = 1360") == "18910")
        #expect(try sql(root, "SELECT count(*) FROM journal_lines WHERE account = 1200") == "0")
        #expect(try sql(root, "SELECT sum(debit) - sum(credit) FROM journal_lines WHERE account = 1400") == "6530")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")

        // The tax labels decide the rate where an order has one; mixed orders take the articles' rates.
        #expect(try sql(root, """
            SELECT o.order_number || ':' || group_concat(l.sku || '@' || l.vat_rate, ' ')
            FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.order_number IN ('1002', '1041')
            GROUP BY o.id ORDER BY o.id
            """) == "1002:KAN-001@19 TAS-001@19\n1041:TEE-002@7 KAN-001@19")
        #expect(try sql(root, """
            SELECT count(DISTINCT l.account) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE e.document = 'RE2025-00004' AND l.account IN (8300, 8400)
            """) == "2")

        // Shipped goods left the stock; cancelled orders reserved nothing.
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances ORDER BY sku") == """
            KAN-001:48:0
            SIE-001:49:0
            TAS-001:44:0
            TEE-001:45:0
            TEE-002:46:0
            """)
        #expect(try sql(root, "SELECT count(*) FROM reservations WHERE order_number IN ('1043', '1044')") == "0")
        #expect(try sql(root, "SELECT count(*) FROM shipments") == "6")
    }

    /// Orders in another currency wait, held with the reason, until the reference rates of
    /// their days come; nothing is converted at a guessed rate.
    @Test func anExportInAnotherCurrencyWaitsForItsRates() throws {
        let root = try Self.preparedRoot()
        let text = String(decoding: try Self.fixture("orders_export_72.csv"), as: UTF8.self)
            .replacingOccurrences(of: ",EUR,", with: ",CHF,")
        try root.write("inbox/shop/04-orders.csv", text, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0)
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE status != 'held'") == "0")
        #expect(try sql(root, "SELECT DISTINCT need || ' ' || subject FROM order_holds WHERE status = 'held'") == "currency CHF")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
        #expect(try sql(root, "SELECT count(*) FROM currency_bookings WHERE per_euro IS NULL") == (try sql(root, "SELECT count(*) FROM orders")))
    }
}
