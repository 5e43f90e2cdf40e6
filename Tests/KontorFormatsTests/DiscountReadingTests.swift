import Foundation
import KontorCore
import KontorFormats
import Testing

/// Line and order discounts as each orders format states them.
@Suite struct DiscountReadingTests {
    // MARK: - Kontor's own formats

    /// The same order in CSV, JSON and XML: a line discount on the teapot, an order discount
    /// with its coupon code on the first line.
    static let csv = """
        order_number,order_date,sku,quantity,unit_price,line_discount,shipping,order_discount,coupon_code
        2001,2025-03-07,TEA,2,8.90,,4.90,3.00,FRUEHLING
        2001,2025-03-07,POT,1,24.90,2.49,,,

        """

    static let json = """
        [{"order_number": "2001", "order_date": "2025-03-07", "sku": "TEA", "quantity": 2, "unit_price": "8.90",
          "shipping": "4.90", "order_discount": "3.00", "coupon_code": "FRUEHLING"},
         {"order_number": "2001", "order_date": "2025-03-07", "sku": "POT", "quantity": 1, "unit_price": "24.90",
          "line_discount": "2.49"}]
        """

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orders xmlns="urn:kontor:formats:1">
          <line>
            <order_number>2001</order_number><order_date>2025-03-07</order_date>
            <sku>TEA</sku><quantity>2</quantity><unit_price>8.90</unit_price>
            <shipping>4.90</shipping><order_discount>3.00</order_discount><coupon_code>FRUEHLING</coupon_code>
          </line>
          <line>
            <order_number>2001</order_number><order_date>2025-03-07</order_date>
            <sku>POT</sku><quantity>1</quantity><unit_price>24.90</unit_price><line_discount>2.49</line_discount>
          </line>
        </orders>
        """

    @Test(arguments: [("orders.csv", csv), ("orders.json", json), ("orders.xml", xml)])
    func kontorsFormatsReadLineAndOrderDiscounts(file: String, text: String) throws {
        let (records, log) = try readDocument(text, file: file)
        #expect(log.diagnostics.map(\.description) == [])
        let orders = records.compactMap { if case .order(let o) = $0 { o } else { nil } }
        #expect(orders.count == 1)
        let order = try #require(orders.first)
        #expect(order.discount == 300)
        #expect(order.couponCode == "FRUEHLING")
        #expect(order.shipping == 490)
        #expect(order.lines.map(\.discount) == [0, 249])
        #expect(order.lines.map(\.charged) == [1780, 2241])
        // 17.80 + 22.41 − 3.00 + 4.90 = 42.11, whatever the rates.
        #expect(InvoiceCalculator.grossTotal(lines: order.lines, shipping: order.shipping, discount: order.discount, basis: .gross) == 4211)
    }

    @Test func aLineDiscountAboveWhatTheLineCostsIsAnError() throws {
        let text = "order_number,order_date,sku,quantity,unit_price,line_discount\n2001,2025-03-07,TEA,2,8.90,17.81\n"
        let (records, log) = try readDocument(text, file: "orders.csv")
        #expect(log.diagnostics.map(\.description)
            == ["orders.csv:2:6: line_discount 17.81 is more than the line costs (2 × 8.90 = 17.80)"])
        #expect(log.diagnostics.first?.messageDE == "line_discount 17.81 ist mehr, als die Position kostet (2 × 8.90 = 17.80)")
        #expect(log.hasErrors)
        _ = records
    }

    @Test func anOrderDiscountOnTwoLinesIsAnError() throws {
        let text = """
            order_number,order_date,sku,quantity,unit_price,order_discount
            2001,2025-03-07,TEA,2,8.90,1.00
            2001,2025-03-07,POT,1,24.90,2.00

            """
        let (_, log) = try readDocument(text, file: "orders.csv")
        #expect(log.diagnostics.map(\.description) == ["orders.csv:3:6: the order discount of order 2001 is given on more than one line"])
        #expect(log.diagnostics.first?.code == "order.discount-twice")
    }

    @Test func aNegativeDiscountIsAnError() throws {
        let text = "order_number,order_date,sku,quantity,unit_price,order_discount\n2001,2025-03-07,TEA,2,8.90,-1.00\n"
        let (_, log) = try readDocument(text, file: "orders.csv")
        #expect(log.hasErrors)
        #expect(log.diagnostics.first?.description.hasPrefix("orders.csv:2:6: order_discount") == true)
    }

    // MARK: - Shopify

    /// WILLKOMMEN10: 10 % off 2 × 12.90 (7 %) and 34.90 (19 %) = 60.70, so 6.07; plus 4.90
    /// shipping Total is 59.53. Order 1047's discount is allocated to its line by Shopify
    /// (`Lineitem discount` 4.95 = `Discount Amount`): 4 × 9.90 + 5.90 = 45.50, Total 40.55.
    @Test func shopifyCouponExportIsRead() throws {
        let file = "orders_export_coupon.csv"
        let run = try CSVDialectRun.read(ShopifyOrdersCSV.self, DialectFixtures.bytes("shopify-orders-csv", file), file: file)
        #expect(run.problems == [])
        #expect(run.orders.map(\.orderNumber) == ["1046", "1047"])
        #expect(run.orders.map(\.couponCode) == ["WILLKOMMEN10", "WILLKOMMEN10"])
        #expect(run.orders.map(\.discount) == [607, 0])
        #expect(run.orders.map { $0.lines.map(\.discount) } == [[0, 0], [495]])
        // Gross prices: the books' total is the lines less their discounts plus shipping, whatever the rates.
        #expect(run.orders.map { InvoiceCalculator.grossTotal(lines: $0.lines, shipping: $0.shipping, discount: $0.discount, basis: .gross) }
            == [5953, 4055])
    }

    @Test func shopifyDiscountAmountIsTakenOffTheOrder() throws {
        let run = try ShopifyOrdersCSVTests.run([
            ShopifyOrdersCSVTests.orderRow("#1", price: "12.90", total: "16.51",
                                           extra: ["Discount Code": "FRUEHLING10", "Discount Amount": "1.29"]),
        ])
        #expect(run.problems == [])
        #expect(run.orders.map(\.discount) == [129])
        #expect(run.orders.map(\.couponCode) == ["FRUEHLING10"])
    }

    @Test func shopifyLineitemDiscountIsTheLinesOwnAndNotCountedTwice() throws {
        let run = try ShopifyOrdersCSVTests.run([
            ShopifyOrdersCSVTests.orderRow("#1", quantity: "2", price: "12.90", total: "28.10",
                                           extra: ["Discount Amount": "2.60", "Lineitem discount": "2.58"]),
        ])
        // 2 × 12.90 − 2.58 + 4.90 − (2.60 − 2.58) = 28.10.
        #expect(run.problems == [])
        #expect(run.orders.first?.lines.map(\.discount) == [258])
        #expect(run.orders.first?.discount == 2)
    }

    @Test func shopifyTotalThatDiffersAfterTheDiscountNamesItInTheHint() throws {
        let run = try ShopifyOrdersCSVTests.run([
            ShopifyOrdersCSVTests.orderRow("#1", price: "12.90", total: "15.61", extra: ["Discount Amount": "1.29"]),
        ])
        #expect(run.problems == ["orders.csv:2: order #1: the lines and shipping add up to 17.80, but Total is 15.61"])
        #expect(run.diagnostics.first?.hint?.contains("Kontor took off the discounts of 1.29 (Discount Amount and Lineitem discount), which gives 16.51.") == true)
    }

    @Test func shopifyLineitemDiscountAboveTheLineIsAnError() throws {
        let run = try ShopifyOrdersCSVTests.run([
            ShopifyOrdersCSVTests.orderRow("#1", price: "8.90", total: "4.80", extra: ["Lineitem discount": "9.00"]),
        ])
        #expect(run.orders.isEmpty)
        #expect(run.diagnostics.map(\.message) == ["Lineitem discount 9.00 is more than the line costs (1 × 8.90)"])
    }

    // MARK: - WooCommerce

    /// The coupon fruehling10, 10 % off: pepper 2 × 5.90 = 11.80 (net 11.03 + 0.77) less 1.18
    /// (9.93 + 0.69), the mill 29.90 (25.13 + 4.77) less 2.99 (22.62 + 4.29); shipping 4.90;
    /// WooCommerce's total 42.43.
    @Test func wooCommerceCouponIsTheLinesDiscount() throws {
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, shopOrdersFixture("woocommerce-orders-json/orders-coupon.json"),
                                             file: "orders-coupon.json")
        #expect(outcome.diagnostics == [])
        let order = try #require(outcome.orders.first)
        #expect(order.couponCode == "fruehling10")
        #expect(order.priceBasis == .gross)
        #expect(order.lines.map { [$0.sku, "\($0.quantity)", "\($0.unitPrice)", "\($0.discount)"] }
            == [["GEW-101", "2", "590", "118"], ["MUE-010", "1", "2990", "299"]])
        #expect(kontorGrossTotal(order) == 4243)
    }

    @Test func wooCommerceDiscountTotalThatTheLinesDoNotExplainIsAWarning() throws {
        let text = String(decoding: try shopOrdersFixture("woocommerce-orders-json/orders-coupon.json"), as: UTF8.self)
            .replacingOccurrences(of: #""discount_total": "3.61""#, with: #""discount_total": "4.61""#)
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.orders.count == 1)
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.hasSuffix(
            "warning: order 4720: the line items' coupons (subtotal less total) add up to 3.61, but discount_total is 4.61") == true)
    }

    /// Net prices: 3 × 10.00 net at 19 % with a coupon of 3.00 net: unit price 10.00, discount
    /// 3.00, VAT 19 % of 27.00 = 5.13, total 32.13.
    @Test func wooCommerceNetOrderKeepsItsCouponNet() throws {
        let text = #"""
            [{"id": 1, "number": "1", "status": "processing", "date_created_gmt": "2025-03-07T10:00:00", "prices_include_tax": false,
              "billing": {"email": "a@example.de"}, "payment_method": "bacs", "total": "32.13", "discount_total": "3.00",
              "coupon_lines": [{"code": "b2b3"}],
              "tax_lines": [{"rate_id": 1, "rate_percent": 19}],
              "line_items": [{"name": "Mühle", "sku": "MUE-010", "quantity": 3, "subtotal": "30.00", "subtotal_tax": "5.70",
                              "total": "27.00", "total_tax": "5.13", "taxes": [{"id": 1, "total": "5.13", "subtotal": "5.70"}]}]}]
            """#
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.diagnostics == [])
        let order = try #require(outcome.orders.first)
        #expect(order.priceBasis == .net)
        #expect(order.lines.map { [$0.unitPrice, $0.discount] } == [[1000, 300]])
        #expect(order.couponCode == "b2b3")
        #expect(InvoiceCalculator.grossTotal(lines: order.lines, shipping: 0, basis: .net) == 3213)
    }

    // MARK: - Shopware

    /// The promotion "Gutschein 5 €" (RHEIN5) at 1.56 (7 %) and 3.44 (19 %): Curry 3 × 4.50
    /// bears 1.56, the mill 29.90 bears 3.44; 13.50 + 29.90 − 5.00 + 4.90 = 43.30.
    @Test func shopwarePromotionIsTheLinesDiscount() throws {
        let outcome = try readShopOrdersJSON(ShopwareOrdersJSON.self, shopOrdersFixture("shopware6-orders-json/orders-promotion.json"),
                                             file: "orders-promotion.json")
        #expect(outcome.diagnostics == [])
        let order = try #require(outcome.orders.first)
        #expect(order.couponCode == "RHEIN5")
        #expect(order.lines.map { [$0.sku, "\($0.quantity)", "\($0.unitPrice)", "\($0.discount)"] }
            == [["GEW-204", "3", "450", "156"], ["MUE-010", "1", "2990", "344"]])
        #expect(kontorGrossTotal(order) == 4330)
    }
}
