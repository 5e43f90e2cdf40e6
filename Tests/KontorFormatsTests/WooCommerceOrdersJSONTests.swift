import KontorCore
import KontorFormats
import Testing

@Suite struct WooCommerceOrdersJSONTests {
    private func at(_ index: Int, line: Int) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: "orders.json", line: line, path: "/\(index)")
    }

    private func item(_ order: Int, _ item: Int, line: Int) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: "orders.json", line: line, path: "/\(order)/line_items/\(item)")
    }

    @Test func mapsTheFixtureExactly() throws {
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, shopOrdersFixture("woocommerce-orders-json/orders.json"), file: "orders.json")
        #expect(outcome.diagnostics == [])
        #expect(outcome.orders == [
            Order(orderNumber: "4711", orderDate: CalendarDate(year: 2025, month: 3, day: 3)!, customerID: "17",
                  customerEmail: "anna.schaefer@example.de", customerName: "Anna Schäfer",
                  shipTo: Address(name: "Anna Schäfer", street: "Rheinuferstraße 14", zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .paypal, paid: true, shipping: 490, priceBasis: .gross, lines: [
                      OrderLine(sku: "GEW-101", quantity: 2, unitPrice: 590, vatRate: .reduced, location: item(0, 0, line: 2)),
                      OrderLine(sku: "MUE-010", quantity: 1, unitPrice: 2990, vatRate: .standard, location: item(0, 1, line: 2)),
                  ], location: at(0, line: 2)),
            Order(orderNumber: "4712", orderDate: CalendarDate(year: 2025, month: 3, day: 4)!, customerID: nil,
                  customerEmail: "j.weiss@cafe-rheinblick.example", customerName: "Jürgen Weiß",
                  shipTo: Address(name: "Café Rheinblick GmbH & Co. KG", addition: "Jürgen Weiß, Hinterhaus", street: "Am Deutschen Eck 3",
                                  zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .prepaid, paid: false, shipping: 490, priceBasis: .gross, couponCode: "rhein5", lines: [
                      // The coupon rhein5: 3 × Curry at 12.62 + 0.88 = 13.50 before it, 9.41 + 0.66 = 10.07
                      // after it, a discount of 3.43; Zimt at 5.79 + 0.41 = 6.20, 4.33 + 0.30 = 4.63 after.
                      OrderLine(sku: "GEW-204", quantity: 3, unitPrice: 450, vatRate: .reduced, discount: 343, location: item(1, 0, line: 191)),
                      OrderLine(sku: "GEW-310", quantity: 1, unitPrice: 620, vatRate: .reduced, discount: 157, location: item(1, 1, line: 191)),
                  ], location: at(1, line: 191)),
            Order(orderNumber: "4713", orderDate: CalendarDate(year: 2025, month: 3, day: 4)!, customerID: "23",
                  customerEmail: "m.yilmaz@example.com", customerName: "Mehmet Yılmaz",
                  shipTo: Address(name: "Mehmet Yılmaz", street: "Löhrstraße 88", zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .card, paid: false, shipping: 0, priceBasis: .gross, cancelled: true, lines: [
                      OrderLine(sku: "GES-020", quantity: 1, unitPrice: 4900, vatRate: .standard, location: item(2, 0, line: 377)),
                  ], location: at(2, line: 377)),
            Order(orderNumber: "4714", orderDate: CalendarDate(year: 2025, month: 3, day: 5)!, customerID: "17",
                  customerEmail: "anna.schaefer@example.de", customerName: "Anna Schäfer",
                  shipTo: Address(name: "Anna Schäfer", addition: "bei Müller", street: "Mainzer Straße 52", zip: "56112", city: "Lahnstein", country: "DE"),
                  paymentMethod: .cod, paid: false, shipping: 790, priceBasis: .gross, lines: [
                      OrderLine(sku: "GEW-310", quantity: 1, unitPrice: 620, vatRate: .reduced, location: item(3, 0, line: 522)),
                      OrderLine(sku: "MUE-010", quantity: 1, unitPrice: 2990, vatRate: .standard, location: item(3, 1, line: 522)),
                  ], location: at(3, line: 522)),
        ])
    }

    @Test func invoiceTotalsEqualWooCommercesTotals() throws {
        for (fixture, totals) in [("orders.json", [4660, 1960, 4900, 4400]), ("orders-net-prices.json", [10396, 16292])] {
            let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, shopOrdersFixture("woocommerce-orders-json/" + fixture), file: fixture)
            #expect(outcome.orders.map(kontorGrossTotal) == totals, "\(fixture)")
        }
    }

    @Test func netPricesAreBookedNetWhenThatGivesWooCommercesTotal() throws {
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, shopOrdersFixture("woocommerce-orders-json/orders-net-prices.json"),
                                             file: "orders-net-prices.json")
        #expect(outcome.diagnostics == [])
        let orders = outcome.orders
        try #require(orders.count == 2)
        // One rate: net unit prices, Kontor's VAT is WooCommerce's.
        #expect(orders[0].priceBasis == .net && orders[0].shipping == 500 && orders[0].paid && orders[0].paymentMethod == .prepaid)
        #expect(orders[0].lines.map { [$0.sku, "\($0.quantity)", "\($0.unitPrice)", "\($0.vatRate!.percent)"] } == [["GES-020", "2", "4118", "19"]])
        #expect(orders[0].shipTo?.name == "Feinkost Albers OHG")
        #expect(orders[0].shipTo?.addition == "Heike Albers")
        // Two rates: WooCommerce taxed all shipping at 19 %, Kontor would split it; gross keeps the total.
        #expect(orders[1].priceBasis == .gross && orders[1].shipping == 595)
        #expect(orders[1].lines.map { [$0.sku, "\($0.quantity)", "\($0.unitPrice)", "\($0.vatRate!.percent)"] } == [
            ["GEW-101", "4", "589", "7"], ["GEW-101", "6", "590", "7"], ["GES-020", "1", "4900", "19"], ["GES-020", "1", "4901", "19"],
        ])
    }

    @Test(arguments: [1, 7, 4096])
    func everyChunkSizeGivesTheSameRecords(chunkSize: Int) throws {
        for fixture in ["orders.json", "orders-net-prices.json"] {
            let bytes = try shopOrdersFixture("woocommerce-orders-json/" + fixture)
            let whole = try readShopOrdersJSON(WooCommerceOrdersJSON.self, bytes, file: fixture, chunkSize: bytes.count)
            let chunked = try readShopOrdersJSON(WooCommerceOrdersJSON.self, bytes, file: fixture, chunkSize: chunkSize)
            #expect(chunked == whole)
            #expect(chunked.orders.count == (fixture == "orders.json" ? 4 : 2))
        }
    }

    @Test func recognisesWooCommerceOrdersOnly() throws {
        var reader = JSONRecordReader(source: MemoryByteSource(try shopOrdersFixture("woocommerce-orders-json/orders.json")), fileName: "o.json")
        let first = try #require(try reader.next())
        #expect(WooCommerceOrdersJSON.recognizes(first: first.value, header: []))
        #expect(!ShopwareOrdersJSON.recognizes(first: first.value, header: []))
        #expect(KindDetector.detect(columns: first.value.objectValue!.map(\.key)) == nil)
        #expect(!WooCommerceOrdersJSON.recognizes(first: .object([("order_number", .string("1")), ("sku", .string("A"))]), header: []))
        #expect(WooCommerceOrdersJSON(file: "o.json").dialect == "woocommerce-orders-json")
        #expect(WooCommerceOrdersJSON(file: "o.json").kind == .orders)
    }

    /// A small order, with `line_items` as given.
    private func order(_ number: Int, items: String?, status: String = "processing", method: String = "bacs") -> String {
        """
        {"id": \(number), "number": "\(number)", "status": "\(status)", "currency": "EUR", "prices_include_tax": true,
         "date_created": "2025-03-10T10:00:00", "date_created_gmt": "2025-03-10T09:00:00", "total": "5.90",
         "customer_id": 0, "billing": {"first_name": "Ute", "last_name": "Brandt", "email": "ute@example.de"},
         "payment_method": "\(method)",\(items.map { "\n \"line_items\": \($0)," } ?? "")
         "tax_lines": [{"id": 7, "rate_id": 2, "rate_code": "DE-MWST ERMÄSSIGT-1", "rate_percent": 7, "tax_total": "0.39"}],
         "shipping_lines": []}
        """
    }

    private let pepper = #"[{"id": 1, "name": "Pfeffer schwarz, ganz 100 g", "sku": "GEW-101", "quantity": 1, "total": "5.51", "total_tax": "0.39", "taxes": [{"id": 2, "total": "0.385981", "subtotal": "0.385981"}], "price": 5.514019}]"#

    @Test func anOrderWithoutLineItemsIsAnError() throws {
        let text = "[\n" + order(4801, items: pepper) + ",\n" + order(4802, items: nil) + "\n]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.orders.map(\.orderNumber) == ["4801"])
        #expect(outcome.diagnostics == [#"orders.json:9 /1: order 4802 has no "line_items"; Kontor needs the articles of each order"#])
        #expect(outcome.diagnosticsDE == [#"Bestellung 4802 hat keine "line_items"; Kontor braucht die Artikel jeder Bestellung"#])
    }

    @Test func aLineWithoutSKUIsAnErrorNamedByItsDecodedName() throws {
        let items = #"[{"id": 1, "name": "Curry Madras &#8211; mild &amp; fein", "sku": "", "quantity": 1, "total": "5.51", "total_tax": "0.39", "taxes": [{"id": 2, "total": "0.39"}]}]"#
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(("[" + order(4803, items: items) + "]").utf8), file: "orders.json")
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == [#"orders.json:1 /0/line_items/0/sku: line item "Curry Madras – mild & fein" has no SKU"#])
        #expect(outcome.diagnosticsDE == [#"Position "Curry Madras – mild & fein" hat keine Artikelnummer (SKU)"#])
    }

    @Test func anAmountThatIsNotANumberIsAnError() throws {
        let items = pepper.replacing(#""total": "5.51""#, with: #""total": "5,5l""#)
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(("[" + order(4804, items: items) + "]").utf8), file: "orders.json")
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == [#"orders.json:1 /0/line_items/0/total: total "5,5l" is not a number"#])
        #expect(outcome.diagnosticsDE == [#"total "5,5l" ist keine Zahl"#])
    }

    @Test func figuresBeyondKontorsLimitsAreRefused() throws {
        let items = pepper.replacing(#""quantity": 1,"#, with: #""quantity": 100000000000000000,"#)
            .replacing(#""total_tax": "0.39""#, with: #""total_tax": "1000000000.01""#)
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(("[" + order(4806, items: items) + "]").utf8), file: "orders.json")
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == [
            "orders.json:1 /0/line_items/0/quantity: quantity 100000000000000000 is more than 1,000,000, the largest quantity Kontor books on one line",
            #"orders.json:1 /0/line_items/0/total_tax: total_tax "1000000000.01" is more than 1,000,000,000.00 EUR, the largest amount Kontor books"#,
        ])
    }

    @Test func statusesAndPaymentMethods() throws {
        let cases: [(String, String, Bool, Bool, PaymentMethod)] = [
            ("pending", "paypal", false, false, .paypal),
            ("processing", "ppcp-gateway", true, false, .paypal),
            ("completed", "stripe", true, false, .card),
            ("processing", "woocommerce_payments", true, false, .card),
            ("on-hold", "bacs", false, false, .prepaid),
            ("processing", "cod", false, false, .cod),
            ("processing", "german-market-purchase-on-account", false, false, .invoice),
            ("completed", "invoice", false, false, .invoice),
            ("cancelled", "bacs", false, true, .prepaid),
            ("refunded", "paypal", false, true, .paypal),
            ("failed", "stripe", false, true, .card),
        ]
        for (status, method, paid, cancelled, expected) in cases {
            let text = "[" + order(4900, items: pepper, status: status, method: method) + "]"
            let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
            #expect(outcome.diagnostics == [], "\(status) \(method)")
            let mapped = try #require(outcome.orders.first)
            #expect(mapped.paid == paid && mapped.cancelled == cancelled && mapped.paymentMethod == expected, "\(status) \(method)")
        }
    }

    @Test func anUnknownPaymentMethodIsAWarningAndBookedPrepaid() throws {
        let text = "[" + order(4901, items: pepper, method: "klarna_payments") + "]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.orders.first?.paymentMethod == .prepaid)
        #expect(outcome.diagnostics == [#"orders.json:1 /0/payment_method: warning: payment_method "klarna_payments" is not known to Kontor; the order is booked as prepaid"#])
    }

    @Test func aTotalKontorCannotReproduceIsAWarning() throws {
        let text = "[" + order(4902, items: pepper).replacing(#""total": "5.90""#, with: #""total": "6.90""#) + "]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.orders.count == 1)
        #expect(outcome.diagnostics == ["orders.json:1 /0/total: warning: order 4902: Kontor's invoice total 5.90 differs from WooCommerce's total 6.90"])
    }

    @Test func aRateThatIsNotGermanIsAnError() throws {
        let text = "[" + order(4903, items: pepper).replacing(#""rate_percent": 7"#, with: #""rate_percent": 20"#) + "]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.diagnostics == [#"orders.json:1 /0/line_items/0/taxes: line item "Pfeffer schwarz, ganz 100 g" is taxed at 20 %, not a German VAT rate"#])
    }

    @Test func withoutTaxLinesTheRateIsToldFromTheAmounts() throws {
        let text = "[" + order(4904, items: pepper).replacing(#""rate_percent": 7, "#, with: "") + "]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.diagnostics == [])
        #expect(outcome.orders.first?.lines.first?.vatRate == .reduced)
    }

    @Test func htmlEntitiesInNamesAndAddressesAreResolved() throws {
        let text = "[" + order(4905, items: pepper).replacing(
            #""billing": {"first_name": "Ute", "last_name": "Brandt", "email": "ute@example.de"}"#,
            with: #""billing": {"first_name": "J&uuml;rgen", "last_name": "Gro&szlig;", "company": "Gr&uuml;n &amp; Co &#8211; Tee &#x26; Gew&#252;rze", "address_1": "Stra&szlig;e 1", "postcode": "56068", "city": "K&ouml;ln", "country": "de", "email": "jg@example.de"}"#) + "]"
        let outcome = try readShopOrdersJSON(WooCommerceOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.diagnostics == [])
        let mapped = try #require(outcome.orders.first)
        #expect(mapped.customerName == "Jürgen Groß")
        #expect(mapped.shipTo == Address(name: "Grün & Co – Tee & Gewürze", addition: "Jürgen Groß", street: "Straße 1", zip: "56068", city: "Köln", country: "DE"))
    }
}
