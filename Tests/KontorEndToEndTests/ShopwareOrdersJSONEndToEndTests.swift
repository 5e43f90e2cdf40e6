import Foundation
import KontorTestSupport
import Testing

/// A Shopware 6 Admin API search response of five orders (PayPal paid, a guest's open
/// prepayment with a discount, cancelled, a net-priced B2B order on account, cash on
/// delivery) booked by the `kontor` binary.
@Suite struct ShopwareOrdersJSONEndToEndTests {
    /// The B2B customer may buy on account.
    private let customers = """
        customer_id,name,email,credit_limit,payment_terms_days,country,street,zip,city
        20031,Feinkost Albers OHG,einkauf@feinkost-albers.example,500.00,14,DE,Marktstraße 7,56626,Andernach

        """

    @Test func paidOrdersShipAndInvoicesEqualShopwaresTotals() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/rheinblick/01-products.csv", spiceCatalogueCSV, done: true)
        try root.write("inbox/rheinblick/02-stock-count.csv", spiceCountCSV, done: true)
        try root.write("inbox/rheinblick/03-customers.csv", customers, done: true)
        let orders = try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/shopware6-orders-json/orders.json"))
        try root.write("inbox/rheinblick/04-shopware-orders.json", orders, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT kind || ':' || dialect || ':' || status || ':' || records FROM batches WHERE file = '04-shopware-orders.json'")
                == "orders:shopware6-orders-json:applied:5")

        // Invoice gross equals Shopware's price.totalPrice; the cancelled order 10033 gets none,
        // and 10032, awaiting its prepayment, none yet.
        #expect(try sql(root, "SELECT order_number || ':' || gross FROM invoices WHERE shop = 'rheinblick' AND kind = 'invoice' ORDER BY number")
                == "10031:4660\n10034:16268\n10035:3580")
        #expect(try sql(root, "SELECT order_number || ':' || status || ':' || price_basis FROM orders WHERE shop = 'rheinblick' ORDER BY order_number")
                == "10031:shipped:gross\n10032:awaiting_payment:gross\n10033:cancelled:gross\n10034:shipped:net\n10035:shipped:gross")
        // The net order's VAT: 7 % of 55.10 and of its 2.00 shipping share, 19 % of 82.36 and of 3.00.
        #expect(try sql(root, "SELECT net || ':' || vat FROM invoices WHERE order_number = '10034'") == "14246:2022")

        // Only the PayPal order is paid at once.
        #expect(try sql(root, "SELECT coalesce(SUM(debit), 0) FROM journal_lines WHERE shop = 'rheinblick' AND account IN (1200, 1360)") == "4660")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")

        // Stock was issued for 10031, 10034 and 10035; the guest's prepayment waits with its reservation.
        #expect(try sql(root, "SELECT sku || ':' || on_hand || ':' || reserved FROM stock_balances WHERE shop = 'rheinblick' ORDER BY sku")
                == "GES-020:3:0\nGEW-101:38:0\nGEW-204:30:3\nGEW-310:30:1\nMUE-010:8:0")
    }
}
