import Foundation
import KontorTestSupport
import Testing

/// A WooCommerce REST API export of four orders (paid by PayPal, waiting for a bank
/// transfer, cancelled, cash on delivery) booked by the `kontor` binary.
@Suite struct WooCommerceOrdersJSONEndToEndTests {
    private func root() throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        try root.write("inbox/rheinblick/01-products.csv", spiceCatalogueCSV, done: true)
        try root.write("inbox/rheinblick/02-stock-count.csv", spiceCountCSV, done: true)
        let orders = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/woocommerce-orders-json/orders.json"))
        try root.write("inbox/rheinblick/03-woocommerce-orders.json", orders, done: true)
        return root
    }

    @Test func paidOrdersShipAndInvoicesEqualWooCommercesTotals() throws {
        let root = try root()
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT kind || ':' || dialect || ':' || status || ':' || records FROM batches WHERE file = '03-woocommerce-orders.json'")
                == "orders:woocommerce-orders-json:applied:4")

        // Invoice gross equals WooCommerce's `total`; the cancelled order 4713 gets none, and
        // 4712, awaiting its bank transfer, none yet.
        #expect(try sql(root, "SELECT order_number || ':' || gross FROM invoices WHERE shop = 'rheinblick' AND kind = 'invoice' ORDER BY number")
                == "4711:4660\n4714:4400")
        #expect(try sql(root, "SELECT order_number || ':' || status FROM orders WHERE shop = 'rheinblick' ORDER BY order_number")
                == "4711:shipped\n4712:awaiting_payment\n4713:cancelled\n4714:shipped")
        // The coupon line of 4712 (3 × Curry at 4.50, 10.07 after the coupon) is booked at its price
        // with the coupon's 3.43 as its discount.
        #expect(try sql(root, """
            SELECT group_concat(l.quantity || 'x' || l.unit_price || '-' || l.discount, ' ') FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.order_number = '4712' AND l.sku = 'GEW-204'
            """) == "3x450-343")

        // Only the PayPal order is paid at once (money in transit, 1360); cash on delivery is not.
        #expect(try sql(root, "SELECT coalesce(SUM(debit), 0) FROM journal_lines WHERE shop = 'rheinblick' AND account = 1360") == "4660")
        #expect(try sql(root, "SELECT coalesce(SUM(debit), 0) FROM journal_lines WHERE shop = 'rheinblick' AND account = 1200") == "0")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")

        // Stock was issued for 4711 and 4714; 4712 waits with its reservation; 4713 touched nothing.
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances WHERE shop = 'rheinblick' ORDER BY sku")
                == "GES-020:5:0\nGEW-101:48:0\nGEW-204:30:3\nGEW-310:29:1\nMUE-010:8:0")
    }

    @Test func theBankTransferOfAnOnHoldOrderReleasesIt() throws {
        let root = try root()
        try root.write("inbox/rheinblick/04-payments.csv", "reference,amount,date\n4712,19.60,2025-03-07\n", done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT status FROM orders WHERE shop = 'rheinblick' AND order_number = '4712'") == "shipped")
        #expect(try sql(root, "SELECT number || ':' || gross || ':' || date FROM invoices WHERE order_number = '4712'") == "RE2025-00003:1960:2025-03-07")
        #expect(try sql(root, "SELECT coalesce(SUM(debit), 0) FROM journal_lines WHERE shop = 'rheinblick' AND account = 1200") == "1960")
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances WHERE shop = 'rheinblick' AND sku IN ('GEW-204', 'GEW-310') ORDER BY sku")
                == "GEW-204:27:0\nGEW-310:28:0")
    }
}
