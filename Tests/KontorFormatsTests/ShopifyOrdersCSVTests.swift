import KontorCore
import KontorFormats
import Testing

@Suite struct ShopifyOrdersCSVTests {
    static let dialect = "shopify-orders-csv"

    /// The 72 columns of an older export; current exports append seven more.
    static let header72 = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number"
        .split(separator: ",").map(String.init)

    /// A CSV row under `header` with the given values, the rest empty.
    static func csvRow(_ values: [String: String], header: [String] = header72) -> String {
        header.map { column in
            let value = values[column] ?? ""
            return value.contains(",") || value.contains("\"") ? "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    /// The first row of an order.
    static func orderRow(_ name: String, status: String = "paid", sku: String = "TEE-001", quantity: String = "1",
                         price: String = "8.90", shipping: String = "4.90", total: String = "13.80",
                         extra: [String: String] = [:]) -> [String: String] {
        var values = ["Name": name, "Email": "kundin@example.de", "Financial Status": status, "Currency": "EUR",
                      "Subtotal": price, "Shipping": shipping, "Total": total, "Created at": "2025-03-04 10:12:33 +0100",
                      "Lineitem quantity": quantity, "Lineitem name": "Assam", "Lineitem price": price, "Lineitem sku": sku,
                      "Lineitem taxable": "true", "Billing Name": "Greta Voss", "Shipping Name": "Greta Voss",
                      "Shipping Street": "Hafenstraße 3", "Shipping Zip": "'24103", "Shipping City": "Kiel",
                      "Shipping Country": "DE", "Payment Method": "PayPal Express Checkout", "Tax 1 Name": "DE MwSt 7%"]
        for (k, v) in extra { values[k] = v }
        return values
    }

    /// A continuation row: `Name`, `Email`, `Created at` and the line item only.
    static func lineRow(_ name: String, sku: String, quantity: String = "1", price: String = "8.90") -> [String: String] {
        ["Name": name, "Email": "kundin@example.de", "Created at": "2025-03-04 10:12:33 +0100", "Lineitem quantity": quantity,
         "Lineitem name": "Artikel", "Lineitem price": price, "Lineitem sku": sku, "Lineitem taxable": "true"]
    }

    static func file(_ rows: [[String: String]], header: [String] = header72) -> String {
        ([header.joined(separator: ",")] + rows.map { csvRow($0, header: header) }).joined(separator: "\n") + "\n"
    }

    static func run(_ rows: [[String: String]], header: [String] = header72) throws -> CSVDialectRun {
        try CSVDialectRun.read(ShopifyOrdersCSV.self, file(rows, header: header), file: "orders.csv")
    }

    static func at(_ file: String, _ line: Int) -> KontorCore.SourceLocation { KontorCore.SourceLocation(file: file, line: line) }

    // MARK: - Recognition

    @Test func recognisesOldAndNewExportsByTheirColumnsNotTheirPositions() throws {
        #expect(ShopifyOrdersCSV.recognizes(header: Self.header72))
        #expect(ShopifyOrdersCSV.recognizes(header: Self.header72 + ["Duties", "Billing Province Name", "Shipping Province Name",
                                                                     "Payment ID", "Payment Terms Name", "Next Payment Due At",
                                                                     "Payment References"]))
        #expect(ShopifyOrdersCSV.recognizes(header: Self.header72.reversed()))
        #expect(!ShopifyOrdersCSV.recognizes(header: ["order_number", "order_date", "sku", "quantity", "unit_price"]))
        #expect(!ShopifyOrdersCSV.recognizes(header: ["Name", "Email", "Total", "Created at"]))
    }

    // MARK: - Fixtures

    @Test func oldExportWith72Columns() throws {
        let file = "orders_export_72.csv"
        let run = try CSVDialectRun.read(ShopifyOrdersCSV.self, DialectFixtures.bytes(Self.dialect, file), file: file)
        #expect(run.dialect == "shopify-orders-csv" && run.kind == .orders)
        #expect(run.problems == [])
        #expect(run.orders == [
            Order(orderNumber: "1001", orderDate: CalendarDate(year: 2025, month: 3, day: 3)!,
                  customerEmail: "lena.schroeder@example.de", customerName: "Lena Schröder",
                  shipTo: Address(name: "Lena Schröder", street: "Am Sande 14", zip: "21335", city: "Lüneburg", country: "DE"),
                  paymentMethod: .paypal, paid: true, shipping: 490, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "TEE-001", quantity: 3, unitPrice: 890, vatRate: .reduced, location: Self.at(file, 2))],
                  location: Self.at(file, 2)),
            Order(orderNumber: "1002", orderDate: CalendarDate(year: 2025, month: 3, day: 3)!,
                  customerEmail: "joerg.baeumer@example.de", customerName: "Jörg Bäumer",
                  shipTo: Address(name: "Jörg Bäumer", street: "Bäckerstraße 3a", zip: "50667", city: "Köln", country: "DE"),
                  paymentMethod: .card, paid: true, shipping: 0, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "KAN-001", quantity: 1, unitPrice: 3490, vatRate: .standard, location: Self.at(file, 3)),
                          OrderLine(sku: "TAS-001", quantity: 2, unitPrice: 990, vatRate: .standard, location: Self.at(file, 4))],
                  location: Self.at(file, 3)),
            Order(orderNumber: "1003", orderDate: CalendarDate(year: 2025, month: 3, day: 4)!,
                  customerEmail: "m.oezdemir@example.de", customerName: "Mehmet Özdemir",
                  shipTo: Address(name: "Mehmet Özdemir", street: "Schillerstraße 22", zip: "01069", city: "Dresden", country: "DE"),
                  paymentMethod: .cod, paid: false, shipping: 690, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "TEE-002", quantity: 1, unitPrice: 1290, vatRate: .reduced, location: Self.at(file, 5))],
                  location: Self.at(file, 5)),
        ])
    }

    @Test func newExportWith79ColumnsRefundedCancelledAndPartiallyRefundedOrders() throws {
        let file = "orders_export_79.csv"
        let run = try CSVDialectRun.read(ShopifyOrdersCSV.self, DialectFixtures.bytes(Self.dialect, file), file: file)
        #expect(run.problems == [
            "orders_export_79.csv:7:3: warning: order #1045 is partially refunded (Refunded Amount 6.50): Kontor books it as paid in full",
        ])
        #expect(run.diagnostics.first?.messageDE == "Bestellung #1045 ist teilweise erstattet (Refunded Amount 6.50): Kontor bucht sie als voll bezahlt")
        #expect(run.diagnostics.first?.hint == "Send the refund as a payment with a negative amount, and goods that came back as a return.")
        let date = { (day: Int) in CalendarDate(year: 2025, month: 3, day: day)! }
        #expect(run.orders == [
            Order(orderNumber: "1041", orderDate: date(10), customerEmail: "anna.petersen@example.de", customerName: "Anna Petersen",
                  shipTo: Address(name: "Anna Petersen", street: "Heiligengeiststraße 12", zip: "21335", city: "Lüneburg", country: "DE"),
                  paymentMethod: .card, paid: true, shipping: 490, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "TEE-002", quantity: 2, unitPrice: 1290, vatRate: nil, location: Self.at(file, 2)),
                          OrderLine(sku: "KAN-001", quantity: 1, unitPrice: 3490, vatRate: nil, location: Self.at(file, 3))],
                  location: Self.at(file, 2)),
            Order(orderNumber: "1042", orderDate: date(10), customerEmail: "info@cafe-ahrens.example", customerName: "Café Ahrens GmbH",
                  shipTo: Address(name: "Café Ahrens GmbH, Tresen", street: "Große Bäckerstraße 9", zip: "21335", city: "Lüneburg", country: "DE"),
                  paymentMethod: .invoice, paid: false, shipping: 590, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "TAS-001", quantity: 4, unitPrice: 990, vatRate: .standard, location: Self.at(file, 4))],
                  location: Self.at(file, 4)),
            Order(orderNumber: "1043", orderDate: date(11), customerEmail: "k.wendt@example.de", customerName: "Katrin Wendt",
                  shipTo: Address(name: "Katrin Wendt", street: "Lindenallee 5", zip: "04109", city: "Leipzig", country: "DE"),
                  paymentMethod: .paypal, paid: false, shipping: 490, priceBasis: .gross, currency: "EUR", cancelled: true,
                  lines: [OrderLine(sku: "TEE-001", quantity: 1, unitPrice: 890, vatRate: .reduced, location: Self.at(file, 5))],
                  location: Self.at(file, 5)),
            Order(orderNumber: "1044", orderDate: date(12), customerEmail: "t.nguyen@example.de", customerName: "Thi Nguyen",
                  shipTo: Address(name: "Thi Nguyen", street: "Kantstraße 80", zip: "10627", city: "Berlin", country: "DE"),
                  paymentMethod: .card, paid: false, shipping: 490, priceBasis: .gross, currency: "EUR", cancelled: true,
                  lines: [OrderLine(sku: "SIE-001", quantity: 2, unitPrice: 650, vatRate: .standard, location: Self.at(file, 6))],
                  location: Self.at(file, 6)),
            Order(orderNumber: "1045", orderDate: date(12), customerEmail: "h.jansen@example.de", customerName: "Hauke Jansen",
                  shipTo: Address(name: "Hauke Jansen", street: "Deichstraße 21", zip: "26757", city: "Borkum", country: "DE"),
                  paymentMethod: .paypal, paid: true, shipping: 0, priceBasis: .gross, currency: "EUR", cancelled: false,
                  lines: [OrderLine(sku: "TEE-001", quantity: 2, unitPrice: 890, vatRate: nil, location: Self.at(file, 7)),
                          OrderLine(sku: "TEE-002", quantity: 1, unitPrice: 1290, vatRate: nil, location: Self.at(file, 8)),
                          OrderLine(sku: "SIE-001", quantity: 1, unitPrice: 650, vatRate: nil, location: Self.at(file, 9))],
                  location: Self.at(file, 7)),
        ])
    }

    @Test(arguments: ["orders_export_72.csv", "orders_export_79.csv"])
    func everyChunkSizeGivesTheSameRecords(file: String) throws {
        let bytes = try DialectFixtures.bytes(Self.dialect, file)
        let whole = try CSVDialectRun.read(ShopifyOrdersCSV.self, bytes, file: file)
        #expect(!whole.orders.isEmpty)
        for size in [1, 7, 4096] {
            #expect(try CSVDialectRun.read(ShopifyOrdersCSV.self, bytes, file: file, chunkSize: size) == whole, "chunk size \(size)")
        }
    }

    // MARK: - Values

    @Test(arguments: [
        ("PayPal Express Checkout", PaymentMethod.paypal), ("paypal", .paypal), ("Shopify Payments", .card),
        ("Credit card", .card), ("Kreditkarte", .card), ("Visa", .card), ("manual", .invoice), ("Rechnung", .invoice), ("Kauf auf Rechnung", .invoice),
        ("Invoice", .invoice), ("Cash on Delivery (COD)", .cod), ("Nachnahme", .cod), ("Bank Deposit", .prepaid),
        ("Vorkasse", .prepaid), ("Überweisung", .prepaid),
    ] as [(String, PaymentMethod)])
    func paymentMethods(text: String, method: PaymentMethod) throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Payment Method": text])])
        #expect(run.problems == [])
        #expect(run.orders.map(\.paymentMethod) == [method])
    }

    @Test(arguments: [
        ("paid", true, false), ("pending", false, false), ("authorized", false, false), ("partially_paid", false, false),
        ("refunded", false, true), ("voided", false, true),
    ] as [(String, Bool, Bool)])
    func financialStatus(status: String, paid: Bool, cancelled: Bool) throws {
        let run = try Self.run([Self.orderRow("#1", status: status)])
        #expect(run.problems == [])
        #expect(run.orders.map(\.paid) == [paid])
        #expect(run.orders.map(\.cancelled) == [cancelled])
    }

    @Test func aCancelledAtDateCancelsAPaidOrder() throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Cancelled at": "2025-03-05 08:00:00 +0100"])])
        #expect(run.orders.map(\.cancelled) == [true])
        #expect(run.orders.map(\.paid) == [false])
    }

    @Test(arguments: [
        (["Tax 1 Name": "MwSt 19%"], VATRate?.some(.standard)),
        (["Tax 1 Name": "USt 7 %"], .some(.reduced)),
        (["Tax 1 Name": "DE VAT 7%", "Tax 2 Name": "DE VAT 7%"], .some(.reduced)),
        (["Tax 1 Name": "MwSt 19,0 %"], .some(.standard)),
        (["Tax 1 Name": "DE MwSt 7%", "Tax 2 Name": "DE MwSt 19%"], nil),
        (["Tax 1 Name": ""], nil),
        (["Tax 1 Name": "Mehrwertsteuer"], nil),
    ] as [([String: String], VATRate?)])
    func lineRatesFromTheTaxLabels(taxes: [String: String], rate: VATRate?) throws {
        let run = try Self.run([Self.orderRow("#1", extra: taxes)])
        #expect(run.problems == [])
        #expect(run.orders.first?.lines.map(\.vatRate) == [rate])
    }

    @Test func aLineThatIsNotTaxableHasNoVAT() throws {
        var untaxed = Self.lineRow("#1", sku: "GUT-025", price: "25.00")
        untaxed["Lineitem taxable"] = "false"
        let run = try Self.run([Self.orderRow("#1", total: "38.80"), untaxed])
        #expect(run.orders.first?.lines.map(\.vatRate) == [.reduced, .zero])
    }

    @Test func apostrophesBeforeZipCodesAreRemoved() throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Shipping Zip": "'01067", "Shipping Phone": "'+49 351 1234"])])
        #expect(run.orders.first?.shipTo?.zip == "01067")
    }

    @Test func otherCurrenciesAreHandedToTheBooksWhichRefuseThem() throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Currency": "usd"])])
        #expect(run.orders.map(\.currency) == ["USD"])
    }

    // MARK: - Problems

    @Test func aMissingRequiredColumnIsReportedOnce() throws {
        let header = Self.header72.filter { $0 != "Lineitem sku" && $0 != "Created at" }
        let run = try Self.run([Self.orderRow("#1"), Self.orderRow("#2")], header: header)
        #expect(run.records.isEmpty)
        #expect(run.problems == [
            "orders.csv:1: the Shopify orders export has no column \"Created at\"",
            "orders.csv:1: the Shopify orders export has no column \"Lineitem sku\"",
        ])
        #expect(run.diagnostics.map(\.code) == ["shopify.missing-column", "shopify.missing-column"])
        #expect(run.diagnostics.first?.messageDE == "Im Shopify-Bestellexport fehlt die Spalte \"Created at\"")
        #expect(run.diagnostics.first?.hint == "Export the orders again in Shopify (Orders → Export) and upload the file unchanged; Kontor needs the columns Name, Financial Status, Created at, Lineitem quantity, Lineitem price, Lineitem sku.")
    }

    @Test func aHeaderWithoutRowsStillReportsItsMissingColumns() throws {
        let header = Self.header72.filter { $0 != "Financial Status" }
        let run = try Self.run([], header: header)
        #expect(run.problems == ["orders.csv:1: the Shopify orders export has no column \"Financial Status\""])
    }

    @Test func badNumbersAreReportedWithTheirColumns() throws {
        let run = try Self.run([
            Self.orderRow("#1", quantity: "zwei"),
            Self.lineRow("#1", sku: "TEE-002", price: "12,90"),
            Self.orderRow("#2", quantity: "0"),
            Self.orderRow("#3", price: "8.905"),
            Self.orderRow("#4", shipping: "-4.90"),
            Self.orderRow("#5", extra: ["Created at": "04.13.2025 10:00"]),
            Self.orderRow("#6", extra: ["Shipping Country": "Deutschland"]),
        ])
        #expect(run.records.isEmpty)
        #expect(run.problems == [
            "orders.csv:2:17: Lineitem quantity \"zwei\" is not a whole number",
            "orders.csv:3:19: Lineitem price \"12,90\" is not a number",
            "orders.csv:4:17: Lineitem quantity 0 is less than 1",
            "orders.csv:5:19: Lineitem price \"8.905\" has more than 2 decimal places",
            "orders.csv:6:10: Shipping -4.90 is negative",
            "orders.csv:7:16: Created at \"04.13.2025 10:00\" is not a valid date",
            "orders.csv:8:43: Shipping Country \"Deutschland\" is not a two-letter country code",
        ])
        #expect(run.diagnostics[1].hint == "Write an amount like 12.90, as Shopify exports it (a point before the cents, no currency sign).")
        #expect(run.diagnostics[0].messageDE == "Lineitem quantity \"zwei\" ist keine ganze Zahl")
    }

    /// A quantity of 10^17 trapped on overflow when the line's total was computed.
    @Test func figuresBeyondKontorsLimitsAreRefused() throws {
        let run = try Self.run([
            Self.orderRow("#1", quantity: "100000000000000000"),
            Self.orderRow("#2", price: "2000000000.00"),
        ])
        #expect(run.records.isEmpty)
        #expect(run.problems == [
            "orders.csv:2:17: Lineitem quantity 100000000000000000 is more than 1,000,000, the largest quantity Kontor books on one line",
            "orders.csv:3:19: Lineitem price \"2000000000.00\" is more than 1,000,000,000.00 EUR, the largest amount Kontor books",
        ])
        #expect(run.diagnostics.map(\.code) == ["field.out-of-range", "field.out-of-range"])
    }

    @Test func aSemicolonFileSavedByAGermanSpreadsheetMayHaveDecimalCommas() throws {
        let text = Self.file([Self.orderRow("#1", price: "8,90", shipping: "4,90", total: "13,80")])
            .replacingCommasOutsideQuotes(with: ";")
        let run = try CSVDialectRun.read(ShopifyOrdersCSV.self, text, file: "orders.csv")
        #expect(run.problems == [])
        #expect(run.orders.first?.lines.map(\.unitPrice) == [890])
        #expect(run.orders.first?.shipping == 490)
    }

    @Test func anEmptySkuAndAnEmptyName() throws {
        let run = try Self.run([Self.orderRow("#1", sku: ""), Self.orderRow("")])
        #expect(run.problems == ["orders.csv:2:21: Lineitem sku is empty", "orders.csv:3:1: Name is empty"])
        #expect(run.diagnostics.first?.hint == "Give every product variant a SKU in Shopify (Products → variant → SKU): Kontor finds articles by SKU.")
    }

    @Test func aContinuationRowWithoutItsOrderRowIsReportedOnce() throws {
        let run = try Self.run([
            Self.lineRow("#1007", sku: "TEE-001"), Self.lineRow("#1007", sku: "TEE-002"),
            Self.orderRow("#1008"),
        ])
        #expect(run.problems == ["orders.csv:2: the row continues order #1007, but the order's first row is not above it"])
        #expect(run.diagnostics.first?.code == "shopify.continuation")
        #expect(run.diagnostics.first?.messageDE == "Die Zeile setzt Bestellung #1007 fort, aber die erste Zeile der Bestellung fehlt darüber")
        #expect(run.orders.map(\.orderNumber) == ["1008"])
    }

    @Test func theRowsOfAnOrderMustFollowEachOther() throws {
        let run = try Self.run([Self.orderRow("#1"), Self.orderRow("#2"), Self.lineRow("#1", sku: "TEE-002")])
        #expect(run.problems == ["orders.csv:4: the rows of order #1 are not together: it appeared before, above other orders"])
        #expect(run.orders.map(\.orderNumber) == ["1", "2"])
    }

    @Test func aTotalThatDiffersFromLinesAndShippingIsAnError() throws {
        let run = try Self.run([
            Self.orderRow("#1", price: "12.90", total: "15.61", extra: ["Discount Code": "FRUEHLING10", "Discount Amount": "1.29"]),
            Self.orderRow("#2", status: "refunded", total: "1.00"),
        ])
        #expect(run.problems == ["orders.csv:2: order #1: the lines and shipping add up to 17.80, but Total is 15.61"])
        #expect(run.diagnostics.first?.code == "shopify.total")
        #expect(run.orders.map(\.orderNumber) == ["2"])
    }

    @Test func aForeignVATRateIsAnError() throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Tax 1 Name": "PT IVA 23%"])])
        #expect(run.records.isEmpty)
        #expect(run.problems == ["orders.csv:2:61: Tax 1 Name \"PT IVA 23%\" is not a German VAT rate; Kontor books 19 %, 7 % and 0 %"])
    }

    @Test func anUnknownFinancialStatusIsAnError() throws {
        let run = try Self.run([Self.orderRow("#1", status: "bezahlt"), Self.lineRow("#1", sku: "TEE-002")])
        #expect(run.records.isEmpty)
        #expect(run.problems == [
            "orders.csv:2:3: Financial Status \"bezahlt\" is not one of pending, authorized, partially_paid, paid, partially_refunded, refunded, voided",
        ])
    }

    @Test func anUnknownPaymentMethodIsBookedAsPrepaidWithAWarning() throws {
        let run = try Self.run([Self.orderRow("#1", extra: ["Payment Method": "Gift card"])])
        #expect(run.problems == ["orders.csv:2:48: warning: Payment Method \"Gift card\" is not known; the order is booked as prepaid (bank transfer)"])
        #expect(run.orders.map(\.paymentMethod) == [.prepaid])
        #expect(run.orders.map(\.paid) == [true])
    }
}

extension String {
    /// The CSV text with its delimiter changed, quotes respected.
    fileprivate func replacingCommasOutsideQuotes(with delimiter: Character) -> String {
        var quoted = false
        return String(map { ch in
            if ch == "\"" { quoted.toggle() }
            return ch == "," && !quoted ? delimiter : ch
        })
    }
}
