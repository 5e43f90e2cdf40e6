import KontorCore
import KontorFormats
import Testing

@Suite struct ShopwareOrdersJSONTests {
    private func at(_ index: Int, line: Int) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: "orders.json", line: line, path: "/data/\(index)")
    }

    private func item(_ order: Int, _ item: Int, line: Int) -> KontorCore.SourceLocation {
        KontorCore.SourceLocation(file: "orders.json", line: line, path: "/data/\(order)/lineItems/\(item)")
    }

    private func date(_ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: 3, day: day)! }

    @Test func mapsTheFixtureExactly() throws {
        let outcome = try readShopOrdersJSON(ShopwareOrdersJSON.self, shopOrdersFixture("shopware6-orders-json/orders.json"), file: "orders.json")
        #expect(outcome.diagnostics == [])
        #expect(outcome.orders == [
            Order(orderNumber: "10031", orderDate: date(3), customerID: "10017", customerEmail: "anna.schaefer@example.de",
                  customerName: "Anna Schäfer",
                  shipTo: Address(name: "Anna Schäfer", street: "Rheinuferstraße 14", zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .paypal, paid: true, shipping: 490, priceBasis: .gross, lines: [
                      OrderLine(sku: "GEW-101", quantity: 2, unitPrice: 590, vatRate: .reduced, location: item(0, 0, line: 4)),
                      OrderLine(sku: "MUE-010", quantity: 1, unitPrice: 2990, vatRate: .standard, location: item(0, 1, line: 4)),
                  ], location: at(0, line: 4)),
            // A guest; the spring discount of 1.97 (code FRUEHLING10) is shared by the two 7 % articles
            // in proportion to their totals: 13.50 bears 1.35, 6.20 bears 0.62 (3 × 4.05 and 5.58 charged).
            Order(orderNumber: "10032", orderDate: date(4), customerID: nil, customerEmail: "j.weiss@cafe-rheinblick.example",
                  customerName: "Jürgen Weiß",
                  shipTo: Address(name: "Café Rheinblick GmbH & Co. KG", addition: "Jürgen Weiß, Hinterhaus", street: "Am Deutschen Eck 3",
                                  zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .prepaid, paid: false, shipping: 490, priceBasis: .gross, couponCode: "FRUEHLING10", lines: [
                      OrderLine(sku: "GEW-204", quantity: 3, unitPrice: 450, vatRate: .reduced, discount: 135, location: item(1, 0, line: 594)),
                      OrderLine(sku: "GEW-310", quantity: 1, unitPrice: 620, vatRate: .reduced, discount: 62, location: item(1, 1, line: 594)),
                  ], location: at(1, line: 594)),
            Order(orderNumber: "10033", orderDate: date(4), customerID: "10023", customerEmail: "m.yilmaz@example.com",
                  customerName: "Mehmet Yılmaz",
                  shipTo: Address(name: "Mehmet Yılmaz", street: "Löhrstraße 88", zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .card, paid: false, shipping: 0, priceBasis: .gross, cancelled: true, lines: [
                      OrderLine(sku: "GES-020", quantity: 1, unitPrice: 4900, vatRate: .standard, location: item(2, 0, line: 1215)),
                  ], location: at(2, line: 1215)),
            Order(orderNumber: "10034", orderDate: date(6), customerID: "20031", customerEmail: "einkauf@feinkost-albers.example",
                  customerName: "Heike Albers",
                  shipTo: Address(name: "Feinkost Albers OHG", addition: "Heike Albers, Lager, Tor 2", street: "Marktstraße 7", zip: "56626",
                                  city: "Andernach", country: "DE"),
                  paymentMethod: .invoice, paid: false, shipping: 500, priceBasis: .net, lines: [
                      OrderLine(sku: "GEW-101", quantity: 10, unitPrice: 551, vatRate: .reduced, location: item(3, 0, line: 1699)),
                      OrderLine(sku: "GES-020", quantity: 2, unitPrice: 4118, vatRate: .standard, location: item(3, 1, line: 1699)),
                  ], location: at(3, line: 1699)),
            Order(orderNumber: "10035", orderDate: date(6), customerID: "10052", customerEmail: "paul.kraemer@example.de",
                  customerName: "Paul Krämer",
                  shipTo: Address(name: "Paul Krämer", street: "Schloßstraße 21", zip: "56068", city: "Koblenz", country: "DE"),
                  paymentMethod: .cod, paid: false, shipping: 590, priceBasis: .gross, lines: [
                      OrderLine(sku: "MUE-010", quantity: 1, unitPrice: 2990, vatRate: .standard, location: item(4, 0, line: 2320)),
                  ], location: at(4, line: 2320)),
        ])
    }

    @Test func invoiceTotalsEqualShopwaresTotals() throws {
        let outcome = try readShopOrdersJSON(ShopwareOrdersJSON.self, shopOrdersFixture("shopware6-orders-json/orders.json"), file: "orders.json")
        #expect(outcome.orders.map(kontorGrossTotal) == [4660, 2263, 4900, 16268, 3580])
    }

    @Test(arguments: [1, 7, 4096])
    func everyChunkSizeGivesTheSameRecords(chunkSize: Int) throws {
        let bytes = try shopOrdersFixture("shopware6-orders-json/orders.json")
        let whole = try readShopOrdersJSON(ShopwareOrdersJSON.self, bytes, file: "orders.json", chunkSize: bytes.count)
        let chunked = try readShopOrdersJSON(ShopwareOrdersJSON.self, bytes, file: "orders.json", chunkSize: chunkSize)
        #expect(chunked == whole)
        #expect(chunked.orders.count == 5)
    }

    @Test func recognisesShopwareOrdersOnly() throws {
        var reader = JSONRecordReader(source: MemoryByteSource(try shopOrdersFixture("shopware6-orders-json/orders.json")), fileName: "o.json")
        let first = try #require(try reader.next())
        #expect(first.pointer == "/data/0")
        #expect(ShopwareOrdersJSON.recognizes(first: first.value, header: reader.header))
        #expect(!WooCommerceOrdersJSON.recognizes(first: first.value, header: reader.header))
        #expect(KindDetector.detect(columns: first.value.objectValue!.map(\.key)) == nil)
        #expect(ShopwareOrdersJSON(file: "o.json").dialect == "shopware6-orders-json")
        #expect(ShopwareOrdersJSON(file: "o.json").kind == .orders)
    }

    /// A small gross order with the given line items, transaction state and payment handler.
    private func order(_ number: Int, items: String?, state: String = "open", payment: String = "paid",
                       handler: String = #"Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\PrePayment"#,
                       total: String = "24.9") -> String {
        """
        {"orderNumber": "\(number)", "orderDateTime": "2025-03-10T09:00:00.000+00:00",
         "price": {"netPrice": 20.92, "totalPrice": \(total), "taxStatus": "gross"}, "shippingCosts": {"totalPrice": 0.0},
         "orderCustomer": {"email": "ute@example.de", "firstName": "Ute", "lastName": "Brandt", "customerNumber": "10090"},
         "stateMachineState": {"technicalName": "\(state)"},
         "transactions": [{"stateMachineState": {"technicalName": "\(payment)"}, "paymentMethod": {"handlerIdentifier": "\(handler)"}}],\(items.map { "\n \"lineItems\": \($0)," } ?? "")
         "deliveries": []}
        """
    }

    private let mill = #"[{"label": "Pfeffermühle Buche & Keramik", "type": "product", "quantity": 1, "unitPrice": 24.9, "totalPrice": 24.9, "payload": {"productNumber": "MUE-010"}, "price": {"calculatedTaxes": [{"tax": 3.98, "taxRate": 19.0, "price": 24.9}], "taxRules": [{"taxRate": 19.0, "percentage": 100.0}]}}]"#

    private func read(_ orders: String...) throws -> ShopOrdersJSONOutcome {
        try readShopOrdersJSON(ShopwareOrdersJSON.self, Array(("{\"total\": \(orders.count), \"data\": [\n" + orders.joined(separator: ",\n") + "\n]}").utf8),
                               file: "orders.json")
    }

    @Test func anOrderWithoutLineItemsIsAnError() throws {
        let outcome = try read(order(10101, items: mill), order(10102, items: nil))
        #expect(outcome.orders.map(\.orderNumber) == ["10101"])
        #expect(outcome.diagnostics == [#"orders.json:9 /data/1: order 10102 has no "lineItems"; Kontor needs the articles of each order"#])
        #expect(outcome.diagnosticsDE == [#"Bestellung 10102 hat keine "lineItems"; Kontor braucht die Artikel jeder Bestellung"#])
    }

    @Test func aLineWithoutProductNumberIsAnError() throws {
        let outcome = try read(order(10103, items: mill.replacing(#""payload": {"productNumber": "MUE-010"}"#, with: #""payload": {}"#)))
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == [#"orders.json:2 /data/0/lineItems/0/payload/productNumber: line item "Pfeffermühle Buche & Keramik" has no product number"#])
        #expect(outcome.diagnosticsDE == [#"Position "Pfeffermühle Buche & Keramik" hat keine Artikelnummer (productNumber)"#])
    }

    @Test func aCustomLineIsNamedByItsType() throws {
        let custom = #"[{"label": "Geschenkverpackung", "type": "custom", "quantity": 1, "totalPrice": 2.5, "payload": []}]"#
        let outcome = try read(order(10104, items: custom))
        #expect(outcome.diagnostics == [#"orders.json:2 /data/0/lineItems/0/payload/productNumber: line item "Geschenkverpackung" of type "custom" has no product number"#])
    }

    @Test func anAmountThatIsNotANumberIsAnError() throws {
        let outcome = try read(order(10105, items: mill.replacing(#""totalPrice": 24.9"#, with: #""totalPrice": "24,9O""#)))
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == [#"orders.json:2 /data/0/lineItems/0/totalPrice: totalPrice "24,9O" is not a number"#])
        #expect(outcome.diagnosticsDE == [#"totalPrice "24,9O" ist keine Zahl"#])
    }

    @Test func aFloatWithMoreThanTwoDecimalsIsRefusedNotRounded() throws {
        let outcome = try read(order(10106, items: mill.replacing(#""totalPrice": 24.9"#, with: #""totalPrice": 24.900000000000002"#)))
        #expect(outcome.orders == [])
        #expect(outcome.diagnostics == ["orders.json:2 /data/0/lineItems/0/totalPrice: totalPrice 24.900000000000002 has more than 2 decimal places"])
        // Trailing zeros are no decimals.
        let zeros = try read(order(10107, items: mill.replacing(#""totalPrice": 24.9"#, with: #""totalPrice": 24.9000"#)))
        #expect(zeros.diagnostics == [] && zeros.orders.first?.lines.first?.unitPrice == 2490)
    }

    @Test func statesAndPaymentMethods() throws {
        let cases: [(String, String, String, Bool, Bool, PaymentMethod)] = [
            ("open", "open", #"Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\PrePayment"#, false, false, .prepaid),
            ("in_progress", "paid", #"Swag\\PayPal\\Checkout\\Payment\\PayPalPaymentHandler"#, true, false, .paypal),
            ("completed", "paid", #"Stripe\\ShopwarePayment\\Payment\\CardPaymentHandler"#, true, false, .card),
            ("open", "authorized", #"Stripe\\ShopwarePayment\\Payment\\CardPaymentHandler"#, true, false, .card),
            ("in_progress", "open", #"Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\InvoicePayment"#, false, false, .invoice),
            ("open", "open", #"Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\CashPayment"#, false, false, .cod),
            ("open", "open", #"Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\DebitPayment"#, false, false, .prepaid),
            ("cancelled", "paid", #"Swag\\PayPal\\Checkout\\Payment\\PayPalPaymentHandler"#, false, true, .paypal),
            ("completed", "refunded", #"Swag\\PayPal\\Checkout\\Payment\\PayPalPaymentHandler"#, false, true, .paypal),
        ]
        for (state, payment, handler, paid, cancelled, method) in cases {
            let outcome = try read(order(10200, items: mill, state: state, payment: payment, handler: handler))
            #expect(outcome.diagnostics == [], "\(state) \(payment)")
            let mapped = try #require(outcome.orders.first)
            #expect(mapped.paid == paid && mapped.cancelled == cancelled && mapped.paymentMethod == method, "\(state) \(payment) \(handler)")
        }
    }

    @Test func theLastTransactionThatWasNotAbandonedCounts() throws {
        let text = order(10201, items: mill).replacing(
            #""transactions": [{"stateMachineState": {"technicalName": "paid"}, "paymentMethod": {"handlerIdentifier": "Shopware\\Core\\Checkout\\Payment\\Cart\\PaymentHandler\\PrePayment"}}]"#,
            with: #""transactions": [{"stateMachineState": {"technicalName": "paid"}, "paymentMethod": {"technicalName": "swag_paypal_paypal"}}, {"stateMachineState": {"technicalName": "cancelled"}, "paymentMethod": {"technicalName": "payment_prepayment"}}]"#)
        let outcome = try read(text)
        #expect(outcome.orders.first?.paid == true && outcome.orders.first?.paymentMethod == .paypal)
    }

    @Test func aDiscountIsTakenOffTheArticlesOfItsRateInWholeCents() throws {
        let items = #"""
        [{"label": "Curry Madras – mild 80 g", "type": "product", "quantity": 3, "totalPrice": 13.5, "payload": {"productNumber": "GEW-204"}, "price": {"calculatedTaxes": [{"tax": 0.88, "taxRate": 7, "price": 13.5}]}},
         {"label": "Pfeffermühle Buche & Keramik", "type": "product", "quantity": 1, "totalPrice": 24.9, "payload": {"productNumber": "MUE-010"}, "price": {"calculatedTaxes": [{"tax": 3.98, "taxRate": 19, "price": 24.9}]}},
         {"label": "Gutschein 5 €", "type": "promotion", "quantity": 1, "totalPrice": -5.0, "payload": {"code": "RHEIN5"}, "price": {"calculatedTaxes": [{"tax": -0.12, "taxRate": 7, "price": -1.76}, {"tax": -0.52, "taxRate": 19, "price": -3.24}]}}]
        """#
        let outcome = try read(order(10202, items: items, total: "33.4"))
        #expect(outcome.diagnostics == [])
        let lines = try #require(outcome.orders.first?.lines)
        // Curry: 13.50 less 1.76, 11.74 charged for 3; the mill: 24.90 less 3.24, 21.66 charged.
        #expect(lines.map { [$0.sku, "\($0.quantity)", "\($0.unitPrice)", "\($0.discount)"] }
            == [["GEW-204", "3", "450", "176"], ["MUE-010", "1", "2490", "324"]])
        #expect(outcome.orders.first?.couponCode == "RHEIN5")
        #expect(kontorGrossTotal(outcome.orders[0]) == 3340)
    }

    @Test func aPlainArrayOfOrdersIsReadToo() throws {
        let text = "[" + order(10203, items: mill) + "]"
        let outcome = try readShopOrdersJSON(ShopwareOrdersJSON.self, Array(text.utf8), file: "orders.json")
        #expect(outcome.diagnostics == [])
        #expect(outcome.orders.first?.location == KontorCore.SourceLocation(file: "orders.json", line: 1, path: "/0"))
    }

    @Test func aTotalKontorCannotReproduceIsAWarning() throws {
        let outcome = try read(order(10204, items: mill, total: "25.9"))
        #expect(outcome.orders.count == 1)
        #expect(outcome.diagnostics == ["orders.json:2 /data/0/price/totalPrice: warning: order 10204: Kontor's invoice total 24.90 differs from Shopware's total 25.90"])
    }

    @Test func aRateThatIsNotGermanIsAnError() throws {
        let outcome = try read(order(10205, items: mill.replacing("19.0", with: "20.0")))
        #expect(outcome.diagnostics == [#"orders.json:2 /data/0/lineItems/0/price/calculatedTaxes/0/taxRate: line item "Pfeffermühle Buche & Keramik" is taxed at 20.0 %, not a German VAT rate"#])
    }
}
