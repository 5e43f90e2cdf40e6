import Foundation
import KontorTestSupport
import Testing

/// Coupons and line discounts of each orders format, booked by the `kontor` binary: the
/// invoice is what the customer pays, revenue shows the goods at their prices, and the
/// discounts are on the revenue reduction accounts 8710 (7 %) and 8720 (19 %).
///
/// Kontor's rule (docs/formats.md, "Discounts"): an order's discount is spread over its
/// lines by their net value; each line's VAT is computed on what it is charged; the
/// reduction of a rate is the net before the discount less the net after it; shipping
/// follows the goods as charged.
@Suite struct DiscountEndToEndTests {
    /// `account:debit:credit` of every posting of the invoice of `order`, by account.
    static func postings(_ root: TemporaryRoot, order: String) throws -> String {
        try sql(root, """
            SELECT group_concat(account || ':' || debit || ':' || credit, ' ') FROM (
                SELECT l.account, SUM(l.debit) AS debit, SUM(l.credit) AS credit FROM journal_lines l
                JOIN invoices i ON i.shop = l.shop AND i.number = l.document AND i.kind = 'invoice'
                JOIN journal_entries e ON e.id = l.entry_id AND e.document = i.number
                WHERE i.order_number = '\(order)' AND l.account NOT IN (1200, 1360) AND e.text LIKE 'Rechnung%'
                GROUP BY l.account ORDER BY l.account)
            """)
    }

    /// `gross:net:vat` of the invoice of `order`.
    static func invoice(_ root: TemporaryRoot, order: String) throws -> String {
        try sql(root, "SELECT gross || ':' || net || ':' || vat FROM invoices WHERE kind = 'invoice' AND order_number = '\(order)'")
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/" + path))
    }

    /// WILLKOMMEN10 on #1046: 2 × Darjeeling 12.90 (7 %) = 25.80 and a teapot 34.90 (19 %),
    /// Discount Amount 6.07, shipping 4.90, Total 59.53.
    /// - Net value as charged before the coupon: 25.80 − VAT 1.69 (1.6879) = 24.11;
    ///   34.90 − VAT 5.57 (5.5722) = 29.33. The coupon's shares: 6.07 × 2411 / 5344 = 2.7385,
    ///   6.07 × 2933 / 5344 = 3.3314; 2.73 + 3.33 leaves a cent for the larger remainder: 2.74 / 3.33.
    /// - 7 %: 25.80 − 2.74 = 23.06, VAT 1.51 (1.5086), net 21.55; reduction 24.11 − 21.55 = 2.56.
    /// - 19 %: 34.90 − 3.33 = 31.57, VAT 5.04 (5.0406), net 26.53; reduction 29.33 − 26.53 = 2.80.
    /// - Shipping 4.90 by the goods as charged, 31.57 : 23.06: 19 % 2.8318 → 2.83, 7 % 2.0682 →
    ///   2.06 + the remaining cent = 2.07. 2.83: VAT 0.45 (0.4518), net 2.38; 2.07: VAT 0.14
    ///   (0.1354), net 1.93.
    /// - Invoice: gross 59.53 = Total; 7 % net 21.55 + 1.93 = 23.48, VAT 1.65; 19 % net 26.53 +
    ///   2.38 = 28.91, VAT 5.49; net 52.39, VAT 7.14 (as Shopify's Taxes).
    /// - Revenue before the coupon: 8300 23.48 + 2.56 = 26.04, 8400 28.91 + 2.80 = 31.71.
    ///
    /// #1047: Lineitem discount 4.95 on 4 × Teetasse 9.90 (19 %) = 39.60, shipping 5.90, Total
    /// 40.55 (the lines and shipping add up to 45.50).
    /// - 39.60: VAT 6.32 (6.3227), net 33.28; charged 34.65: VAT 5.53 (5.5324), net 29.12;
    ///   reduction 4.16. Shipping 5.90: VAT 0.94 (0.9420), net 4.96.
    /// - Invoice: gross 40.55, net 34.08, VAT 6.47; 8400 29.12 + 4.96 + 4.16 = 38.24.
    @Test func aShopifyExportWithWILLKOMMEN10IsBookedToTheCent() throws {
        let root = try ShopifyOrdersCSVEndToEndTests.preparedRoot()
        try root.write("inbox/shop/04-orders_export.csv", Self.fixture("shopify-orders-csv/orders_export_coupon.csv"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try sql(root, "SELECT status || ':' || records FROM batches WHERE file = '04-orders_export.csv'") == "applied:2")

        #expect(try Self.invoice(root, order: "1046") == "5953:5239:714")
        #expect(try Self.postings(root, order: "1046") == "1400:5953:0 1771:0:165 1776:0:549 8300:0:2604 8400:0:3171 8710:256:0 8720:280:0")
        #expect(try Self.invoice(root, order: "1047") == "4055:3408:647")
        #expect(try Self.postings(root, order: "1047") == "1400:4055:0 1776:0:647 8400:0:3824 8720:416:0")

        // The discounts stay with the lines and the coupon code with the order.
        #expect(try sql(root, """
            SELECT o.order_number || ':' || o.coupon_code || ':' || group_concat(l.sku || '-' || l.discount, ' ')
            FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.order_number
            """) == "1046:WILLKOMMEN10:TEE-002-274 KAN-001-333\n1047:WILLKOMMEN10:TAS-001-495")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    /// The coupon fruehling10 on order 4720, prices with VAT: pepper 2 × 5.90 = 11.80 less
    /// 1.18, the mill 29.90 less 2.99, shipping 4.90; WooCommerce's total 42.43.
    /// - Pepper: 11.80 VAT 0.77 (0.7720), net 11.03; charged 10.62 VAT 0.69 (0.6948), net 9.93;
    ///   reduction 1.10 (WooCommerce's subtotal less total).
    /// - Mill: 29.90 VAT 4.77 (4.7739), net 25.13; charged 26.91 VAT 4.30 (4.2965), net 22.61;
    ///   reduction 2.52 (WooCommerce rounded the tax to 4.29 and the net to 22.62: Kontor's
    ///   rule computes VAT on the gross charged).
    /// - Shipping 4.90 by 26.91 : 10.62: 19 % 3.5134 → 3.51, 7 % 1.3866 → 1.38 + 1 cent = 1.39;
    ///   3.51: VAT 0.56 (0.5604), net 2.95; 1.39: VAT 0.09 (0.0909), net 1.30.
    /// - Invoice: gross 42.43, 7 % net 9.93 + 1.30 = 11.23 VAT 0.78, 19 % net 22.61 + 2.95 =
    ///   25.56 VAT 4.86; net 36.79, VAT 5.64. 8300 11.23 + 1.10 = 12.33, 8400 25.56 + 2.52 = 28.08.
    @Test func aWooCommerceOrderWithACouponIsBookedToTheCent() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/rheinblick/01-products.csv", spiceCatalogueCSV, done: true)
        try root.write("inbox/rheinblick/02-stock-count.csv", spiceCountCSV, done: true)
        try root.write("inbox/rheinblick/03-woocommerce-orders.json", Self.fixture("woocommerce-orders-json/orders-coupon.json"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try Self.invoice(root, order: "4720") == "4243:3679:564")
        #expect(try Self.postings(root, order: "4720") == "1400:4243:0 1771:0:78 1776:0:486 8300:0:1233 8400:0:2808 8710:110:0 8720:252:0")
        #expect(try sql(root, "SELECT coupon_code FROM orders WHERE order_number = '4720'") == "fruehling10")
    }

    /// The promotion RHEIN5 (5.00) on order 10040, Shopware's split 1.56 at 7 % and 3.44 at
    /// 19 %: Curry 3 × 4.50 = 13.50 less 1.56, the mill 29.90 less 3.44, shipping 4.90; total 43.30.
    /// - Curry: 13.50 VAT 0.88 (0.8832), net 12.62; charged 11.94 VAT 0.78 (0.7811), net 11.16;
    ///   reduction 1.46.
    /// - Mill: 29.90 VAT 4.77 (4.7739), net 25.13; charged 26.46 VAT 4.22 (4.2247), net 22.24;
    ///   reduction 2.89.
    /// - Shipping 4.90 by 26.46 : 11.94: 19 % 3.3764 → 3.37 + 1 cent = 3.38, 7 % 1.5236 → 1.52;
    ///   3.38: VAT 0.54 (0.5397), net 2.84; 1.52: VAT 0.10 (0.0994), net 1.42.
    /// - Invoice: gross 43.30, 7 % net 11.16 + 1.42 = 12.58 VAT 0.88, 19 % net 22.24 + 2.84 =
    ///   25.08 VAT 4.76; net 37.66, VAT 5.64 (as Shopware's). 8300 12.58 + 1.46 = 14.04,
    ///   8400 25.08 + 2.89 = 27.97.
    @Test func aShopwareOrderWithAPromotionIsBookedToTheCent() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/rheinblick/01-products.csv", spiceCatalogueCSV, done: true)
        try root.write("inbox/rheinblick/02-stock-count.csv", spiceCountCSV, done: true)
        try root.write("inbox/rheinblick/03-shopware-orders.json", Self.fixture("shopware6-orders-json/orders-promotion.json"), done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try Self.invoice(root, order: "10040") == "4330:3766:564")
        #expect(try Self.postings(root, order: "10040") == "1400:4330:0 1771:0:88 1776:0:476 8300:0:1404 8400:0:2797 8710:146:0 8720:289:0")
        #expect(try sql(root, "SELECT coupon_code FROM orders WHERE order_number = '10040'") == "RHEIN5")
    }

    /// Kontor's own CSV: 2 × Assam 8.90 (7 %) = 17.80, a teapot 24.90 (19 %) with a line
    /// discount of 2.49, an order discount of 3.00, shipping 4.90: 42.11 to pay.
    /// - Net value as charged: 17.80 VAT 1.16 (1.1645), net 16.64; 22.41 VAT 3.58 (3.5781),
    ///   net 18.83. The order discount: 3.00 × 1664 / 3547 = 1.4074, × 1883 / 3547 = 1.5926;
    ///   1.40 + 1.59 leaves a cent for the larger remainder: 1.41 and 1.59.
    /// - Assam: 17.80 − 1.41 = 16.39, VAT 1.07 (1.0723), net 15.32; reduction 16.64 − 15.32 = 1.32.
    /// - Teapot: discount 2.49 + 1.59 = 4.08, 20.82 charged, VAT 3.32 (3.3242), net 17.50; before
    ///   any discount 24.90 VAT 3.98, net 20.92; reduction 3.42.
    /// - Shipping 4.90 by 20.82 : 16.39: 19 % 2.7417 → 2.74, 7 % 2.1583 → 2.15 + 1 cent = 2.16;
    ///   2.74: VAT 0.44 (0.4375), net 2.30; 2.16: VAT 0.14 (0.1413), net 2.02.
    /// - Invoice: gross 42.11, 7 % net 17.34 VAT 1.21, 19 % net 19.80 VAT 3.76; net 37.14, VAT 4.97.
    ///
    /// The order is on account over the limit (20.00): held, with nothing posted. A customers
    /// file raising the limit releases it from the order book, with its discounts. A return of
    /// one Assam is credited at what it was charged: the first of the two units bears 0.71 of
    /// the 1.41 (0.705, half away from zero), so 8.90 − 0.71 = 8.19 gross, VAT 0.54 (0.5358),
    /// net 7.65; its net before the discount 8.32 (8.90 − VAT 0.58), so 0.67 goes back off 8710.
    @Test func aHeldOrderKeepsItsDiscountsAndAReturnCreditsWhatWasCharged() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-customers.csv", "customer_id,name,email,credit_limit\nK-7,Greta Voss,greta@example.de,20.00\n", done: true)
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price,line_discount,order_discount,coupon_code
            D-1,2025-03-07,K-7,invoice,false,4.90,TEA,2,8.90,,3.00,FRUEHLING
            D-1,2025-03-07,K-7,invoice,false,,POT,1,24.90,2.49,,

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status || ':' || total_gross || ':' || coupon_code FROM orders WHERE order_number = 'D-1'") == "held:4211:FRUEHLING")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")

        try root.write("inbox/shop/05-limit.csv", "customer_id,name,email,credit_limit\nK-7,Greta Voss,greta@example.de,100.00\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'D-1'") == "shipped")
        #expect(try Self.invoice(root, order: "D-1") == "4211:3714:497")
        #expect(try Self.postings(root, order: "D-1") == "1400:4211:0 1771:0:121 1776:0:376 8300:0:1866 8400:0:2322 8710:132:0 8720:342:0")

        try root.write("inbox/shop/06-returns.csv", "order_number,sku,quantity,date\nD-1,TEA,1,2025-03-12\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT gross || ':' || net || ':' || vat FROM invoices WHERE kind = 'credit_note'") == "-819:-765:-54")
        #expect(try sql(root, """
            SELECT group_concat(posting, ' ') FROM (
                SELECT l.account || ':' || l.debit || ':' || l.credit AS posting FROM journal_lines l
                JOIN invoices i ON i.number = l.document AND i.kind = 'credit_note' ORDER BY l.account)
            """) == "1400:0:819 1771:54:0 8300:832:0 8710:0:67")
        #expect(try sql(root, "SELECT SUM(debit) = SUM(credit) FROM journal_lines") == "1")
    }

    /// An order discount of 50.00 on 2 × 8.90 would make the tea cost 17.80 − 50.00 = −32.20:
    /// the file is refused, nothing booked.
    @Test func aDiscountAboveTheGoodsRefusesTheFile() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/04-orders.csv", """
            order_number,order_date,payment_method,paid,sku,quantity,unit_price,order_discount
            D-2,2025-03-07,paypal,true,TEA,2,8.90,50.00

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        let report = try #require(root.read("inbox/shop/rejected/04-orders.csv.errors.txt"))
        #expect(report.contains("04-orders.csv:2\n  EN: order D-2: its discounts make line TEA cost -32.20; the order discount 50.00 is taken off goods of 17.80"))
        #expect(report.contains("DE: Bestellung D-2: durch die Rabatte kostet die Position TEA -32.20; der Bestellrabatt 50.00 wird von Waren über 17.80 abgezogen"))
        #expect(try sql(root, "SELECT count(*) FROM orders") == "0")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
    }
}
