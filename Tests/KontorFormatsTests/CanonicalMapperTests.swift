import KontorCore
import KontorFormats
import Testing

/// A flat record as a CSV row would give it: field n at column n.
func row(_ line: Int, _ pairs: [(String, String)], file: String = "f.csv") -> FlatRecord {
    FlatRecord(location: SourceLocation(file: file, line: line), fields: pairs.enumerated().map { i, p in
        (name: p.0, value: FieldValue(text: p.1, location: SourceLocation(file: file, line: line, column: i + 1)))
    })
}

@Suite struct KindDetectorTests {
    @Test(arguments: [
        (["sku", "name", "price", "vat_rate"], DocumentKind.products),
        (["SKU", "Counted", "warehouse"], .stockCount),
        (["sku", "received", "cost"], .goodsReceipt),
        (["customer_id", "name", "email"], .customers),
        (["order_number", "order_date", "sku", "quantity", "unit_price"], .orders),
        (["reference", "amount", "date"], .payments),
        (["order_number", "sku", "quantity", "reason"], .returns),
        (["Order Number", "order-date", "sku", "quantity", "unit_price"], .orders),
        (["order_number", "reason"], .cancellations),
        (["order_number"], .cancellations),
    ] as [([String], DocumentKind)])
    func detects(columns: [String], kind: DocumentKind) {
        #expect(KindDetector.detect(columns: columns) == kind)
    }

    /// A file of another kind that lacks a column is never taken for cancellations.
    @Test(arguments: [
        ["order_number", "order_date", "sku", "quantity"], ["order_number", "amount", "date"], ["order_number", "sku", "quantity", "condition"],
        ["order_number", "reason", "customer_id"],
    ])
    func anIncompleteFileOfAnotherKindIsNoCancellations(columns: [String]) {
        #expect(KindDetector.detect(columns: columns) != .cancellations)
    }

    @Test func aCancellationIsMapped() {
        var mapper = CanonicalMapper(kind: .cancellations)
        var log = DiagnosticLog()
        let records = mapper.map(row(2, [("order_number", "1003"), ("reason", "Kunde hat storniert")]), log: &log)
        #expect(log.diagnostics.isEmpty)
        #expect(records == [.cancellation(Cancellation(orderNumber: "1003", reason: "Kunde hat storniert",
                                                       location: SourceLocation(file: "f.csv", line: 2)))])
    }

    @Test func explainsWhatIsMissing() {
        #expect(KindDetector.detect(columns: ["sku", "name", "price"]) == nil)
        let d = KindDetector.explainNoMatch(columns: ["sku", "name", "price"], foundDescription: "the header line has sku, name, price",
                                            at: SourceLocation(file: "p.csv", line: 1))
        #expect(d.description == "p.csv:1: cannot tell what kind of document this is: the header line has sku, name, price; it looks like products but lacks vat_rate")
        #expect(d.hint?.contains("orders (order_number, order_date, sku, quantity, unit_price)") == true)
    }
}

@Suite struct CanonicalMapperTests {
    @Test func productWithGermanDecimalComma() {
        var mapper = CanonicalMapper(kind: .products, decimalComma: true)
        var log = DiagnosticLog()
        let records = mapper.map(row(2, [("sku", "TEE-1"), ("name", "Assam"), ("price", "8,90"), ("vat_rate", "7 %"), ("weight_kg", "0,25")]), log: &log)
        #expect(log.diagnostics.isEmpty)
        guard case .product(let p) = records.first else { Issue.record("no product"); return }
        #expect(p.priceGross == 890 && p.vatRate == .reduced && p.weightGrams == 250)
    }

    /// In a `;`-separated file `8.90` was booked as 890.00 EUR.
    @Test func aPointInASemicolonFileIsRefusedAsAmbiguous() throws {
        var mapper = CanonicalMapper(kind: .products, decimalComma: true)
        var log = DiagnosticLog()
        let records = mapper.map(row(2, [("sku", "TEE-1"), ("name", "Assam"), ("price", "8.90"), ("vat_rate", "7"),
                                         ("weight_kg", "1.250")], file: "artikel.csv"), log: &log)
        #expect(records.isEmpty)
        #expect(log.diagnostics.map(\.description) == [
            "artikel.csv:2:3: price \"8.90\" in a ;-separated file: the point could be a decimal point or a thousands separator",
            "artikel.csv:2:5: weight_kg \"1.250\" in a ;-separated file: the point could be a decimal point or a thousands separator",
        ])
        #expect(log.diagnostics.map(\.code) == ["field.ambiguous-separator", "field.ambiguous-separator"])
        #expect(log.diagnostics[0].hint == "Write 8,90 (a comma before the cents), as German spreadsheets do.")
        #expect(log.diagnostics[1].hint == "Write 1,250 (a decimal comma), as German spreadsheets do. If the point separates thousands, write 1.250,00.")
        #expect(log.diagnostics[0].messageDE == "price \"8.90\" in einer mit ; getrennten Datei: der Punkt kann Dezimalpunkt oder Tausendertrennzeichen sein")
    }

    /// A quantity of 10^17 trapped on overflow later; a receipt of Int.max corrupted the stock.
    @Test func figuresBeyondKontorsLimitsAreRefusedWithTheLimit() {
        func problems(_ kind: DocumentKind, _ pairs: [(String, String)]) -> [String] {
            var mapper = CanonicalMapper(kind: kind)
            var log = DiagnosticLog()
            #expect(mapper.map(row(2, pairs), log: &log).isEmpty)
            return log.diagnostics.map(\.description)
        }
        #expect(problems(.goodsReceipt, [("sku", "TEA"), ("received", "9223372036854775807")])
            == ["f.csv:2:2: received 9223372036854775807 is more than 1,000,000, the largest quantity Kontor books on one line"])
        #expect(problems(.stockCount, [("sku", "TEA"), ("counted", "99999999999999999999")])
            == ["f.csv:2:2: counted 99999999999999999999 is more than 1,000,000, the largest quantity Kontor books on one line"])
        #expect(problems(.returns, [("order_number", "1"), ("sku", "TEA"), ("quantity", "1000001")])
            == ["f.csv:2:3: quantity 1000001 is more than 1,000,000, the largest quantity Kontor books on one line"])
        #expect(problems(.payments, [("reference", "1"), ("amount", "-1000000000.01"), ("date", "2025-03-03")])
            == ["f.csv:2:2: amount \"-1000000000.01\" is less than -1,000,000,000.00 EUR, the largest amount Kontor books"])
        #expect(problems(.products, [("sku", "A"), ("name", "x"), ("price", "99999999999999.00"), ("vat_rate", "19"),
                                     ("weight_kg", "1000.001")]) == [
            "f.csv:2:3: price \"99999999999999.00\" is more than 1,000,000,000.00 EUR, the largest amount Kontor books",
            "f.csv:2:5: weight_kg \"1000.001\" is more than 1,000 kg, the heaviest article Kontor books",
        ])
        #expect(problems(.customers, [("customer_id", "K1"), ("name", "x"), ("email", "a@b.de"), ("credit_limit", "1000000000.01"),
                                      ("payment_terms_days", "3651")]) == [
            "f.csv:2:4: credit_limit \"1000000000.01\" is more than 1,000,000,000.00 EUR, the largest amount Kontor books",
            "f.csv:2:5: payment_terms_days 3651 is more than 3650",
        ])
        var mapper = CanonicalMapper(kind: .orders)
        var log = DiagnosticLog()
        _ = mapper.map(row(2, [("order_number", "1"), ("order_date", "2025-03-03"), ("sku", "A"), ("quantity", "100000000000000000"),
                               ("unit_price", "8.90")], file: "orders.csv"), log: &log)
        #expect(log.diagnostics.map(\.description)
            == ["orders.csv:2:4: quantity 100000000000000000 is more than 1,000,000, the largest quantity Kontor books on one line"])
        #expect(log.diagnostics.first?.messageDE
            == "quantity 100000000000000000 ist mehr als 1.000.000, die größte Menge, die Kontor in einer Zeile bucht")
    }

    /// A wrong check digit was accepted; a number a spreadsheet shortened was "not 8 to 14 digits".
    @Test func anEANIsCheckedByItsCheckDigit() {
        func problems(_ ean: String) -> [String] {
            var mapper = CanonicalMapper(kind: .products, decimalComma: true)
            var log = DiagnosticLog()
            _ = mapper.map(row(2, [("sku", "TEE-1"), ("name", "Assam"), ("price", "8,90"), ("vat_rate", "7"), ("ean", ean)]), log: &log)
            return log.diagnostics.map(\.description)
        }
        for valid in ["4260712340016", "96385074", "036000291452", "04260712340016", "123456789"] {
            #expect(problems(valid) == [], "\(valid)")
        }
        #expect(problems("4260712340017") == ["f.csv:2:5: ean \"4260712340017\" has the check digit 7, but the digits before it give 6"])
        #expect(problems("4,26071E+12") == ["f.csv:2:5: ean \"4,26071E+12\" is a number a spreadsheet wrote in scientific notation; its last digits are lost"])
        #expect(problems("42607-123") == ["f.csv:2:5: ean \"42607-123\" is not 8 to 14 digits"])
    }

    @Test func everyBadValueIsReportedWithItsPlace() {
        var mapper = CanonicalMapper(kind: .orders)
        var log = DiagnosticLog()
        let out = mapper.map(row(14, [("order_number", "1"), ("order_date", "2025-02-30"), ("sku", "A"), ("quantity", "zwei"),
                                      ("unit_price", "8.9x")], file: "orders.csv"), log: &log)
        #expect(out.isEmpty)
        #expect(log.diagnostics.map(\.description) == [
            "orders.csv:14:2: order_date \"2025-02-30\" is not a valid date",
            "orders.csv:14:4: quantity \"zwei\" is not a whole number",
            "orders.csv:14:5: unit_price \"8.9x\" is not a number",
        ])
    }

    @Test func orderLinesAreGroupedAndShippingTakenOnce() {
        var mapper = CanonicalMapper(kind: .orders)
        var log = DiagnosticLog()
        func line(_ n: Int, _ order: String, _ sku: String, shipping: String) -> FlatRecord {
            row(n, [("order_number", order), ("order_date", "2025-03-03"), ("sku", sku), ("quantity", "2"), ("unit_price", "8.90"),
                    ("shipping", shipping), ("payment_method", "invoice"), ("paid", "false")])
        }
        var orders: [Order] = []
        for r in [line(2, "1", "A", shipping: "4.90"), line(3, "1", "B", shipping: ""), line(4, "2", "A", shipping: "0")] {
            for case .order(let o) in mapper.map(r, log: &log) { orders.append(o) }
        }
        for case .order(let o) in mapper.finish() { orders.append(o) }
        #expect(log.diagnostics.isEmpty)
        #expect(orders.map(\.orderNumber) == ["1", "2"])
        #expect(orders[0].lines.map(\.sku) == ["A", "B"])
        #expect(orders[0].shipping == 490 && orders[0].paymentMethod == .invoice && !orders[0].paid)
        #expect(orders[0].lines.map(\.lineTotal) == [1780, 1780])
    }

    @Test func anOrderWhoseLinesAreNotTogetherIsAnError() {
        var mapper = CanonicalMapper(kind: .orders)
        var log = DiagnosticLog()
        for (n, order) in [(2, "1"), (3, "2"), (4, "1")] {
            _ = mapper.map(row(n, [("order_number", order), ("order_date", "2025-03-03"), ("sku", "A"), ("quantity", "1"),
                                   ("unit_price", "1.00")]), log: &log)
        }
        #expect(log.diagnostics.map(\.code) == ["order.split"])
        #expect(log.diagnostics.first?.location.line == 4)
    }

    @Test func unknownColumnsAreWarnedAboutOnce() {
        var mapper = CanonicalMapper(kind: .stockCount)
        var log = DiagnosticLog()
        _ = mapper.map(row(2, [("sku", "A"), ("counted", "3"), ("colour", "red")]), log: &log)
        _ = mapper.map(row(3, [("sku", "B"), ("counted", "4"), ("colour", "blue")]), log: &log)
        #expect(log.diagnostics.map(\.description) == ["f.csv:2:3: warning: column \"colour\" is not used for stock count and was ignored"])
        #expect(!log.hasErrors)
    }
}
