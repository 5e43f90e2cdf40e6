import KontorCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        (11900, "119.00"), (5, "0.05"), (-5, "-0.05"), (0, "0.00"), (123_456_789, "1234567.89"), (-100, "-1.00"),
    ])
    func decimalString(minor: Int, text: String) {
        #expect(Money(minorUnits: minor).decimalString == text)
    }

    @Test(arguments: [
        ("119", 11900), ("119.5", 11950), ("119.00", 11900), ("-3.20", -320), ("+1.01", 101), (" 7.10 ", 710), ("0.001", nil),
        ("12,90", nil), ("abc", nil), ("", nil), ("1.2.3", nil), ("1e5", nil),
    ] as [(String, Int?)])
    func parsePoint(text: String, expected: Int?) {
        let result = try? DecimalParser.parse(text).get()
        #expect(result == expected)
    }

    @Test(arguments: [("12,90", 1290), ("1.234,56", 123_456), ("-0,5", -50), ("3", 300), ("1,234", nil)] as [(String, Int?)])
    func parseComma(text: String, expected: Int?) {
        #expect((try? DecimalParser.parse(text, decimalComma: true).get()) == expected)
    }

    @Test(arguments: [("1.234.567,00", 123_456_700), ("12.345.678", 1_234_567_800), ("-1.000,5", -100_050)] as [(String, Int)])
    func pointsBetweenGroupsOfThreeAreThousandsSeparators(text: String, expected: Int) {
        #expect(DecimalParser.parse(text, decimalComma: true) == .success(expected))
    }

    /// A single point and no comma may be a decimal point: `8.90` was booked as 890.00.
    @Test(arguments: ["8.90", "49.65", "1.234", "-0.5"])
    func aLonePointIsAmbiguousWithADecimalComma(text: String) {
        #expect(DecimalParser.parse(text, decimalComma: true) == .failure(.ambiguousSeparator))
    }

    /// `1.2.3` was booked as 123.00.
    @Test(arguments: ["1.2.3", "12.34,56", "1.2345,00", "1,234.5", "1..234,00", ".123,00"])
    func pointsOutsideGroupsOfThreeAreNotANumber(text: String) {
        #expect(DecimalParser.parse(text, decimalComma: true) == .failure(.notANumber))
    }

    @Test func trailingZerosBeyondPlacesAreAccepted() {
        #expect((try? DecimalParser.parse("12.500").get()) == 1250)
        #expect(DecimalParser.parse("12.505") == .failure(.tooManyDecimals(2)))
    }
}

@Suite struct RoundingTests {
    @Test(arguments: [(5, 10, 1), (4, 10, 0), (15, 10, 2), (-5, 10, -1), (-15, 10, -2), (-14, 10, -1), (0, 7, 0)])
    func halfAwayFromZero(numerator: Int, denominator: Int, expected: Int) {
        #expect(Rounding.divide(numerator, by: denominator) == expected)
    }

    @Test func allocationAddsUpExactly() {
        #expect(Rounding.allocate(490, weights: [6000, 4000]) == [294, 196])
        #expect(Rounding.allocate(100, weights: [1, 1, 1]) == [34, 33, 33])
        #expect(Rounding.allocate(-100, weights: [1, 1, 1]).reduce(0, +) == -100)
        #expect(Rounding.allocate(7, weights: [0, 0]) == [7, 0])
        for total in [1, 99, 490, 12345] {
            #expect(Rounding.allocate(total, weights: [3, 7, 11]).reduce(0, +) == total)
        }
    }

    /// Shipping times a rate's goods overflowed Int for amounts within Kontor's limits.
    @Test func allocationOfLargeAmountsDoesNotOverflow() {
        #expect(Rounding.allocate(100_000_000_000, weights: [60_000_000_000, 40_000_000_000]) == [60_000_000_000, 40_000_000_000])
        #expect(Rounding.allocate(-100_000_000_001, weights: [1, 1]) == [-50_000_000_001, -50_000_000_000])
        #expect(Rounding.allocate(Int.max, weights: [Int.max / 2, Int.max / 2]).reduce(0, +) == Int.max)
        #expect(Rounding.allocate(100, weights: [Int.max, -Int.max + 1]) == [100, 0])
        let totals = InvoiceCalculator.totals(goods: [TaxableAmount(gross: 99_999_999_999, rate: .standard),
                                                      TaxableAmount(gross: 1, rate: .reduced)], shipping: 99_000_000_000)
        #expect(totals.reduce(0) { $0 + $1.gross } == 199_000_000_000)
    }

    @Test(arguments: [(11900, 19, 1900), (10700, 7, 700), (100, 19, 16), (1, 19, 0), (3, 19, 0), (6, 19, 1), (890, 7, 58), (-11900, 19, -1900)])
    func vatSplitFromGross(gross: Int, rate: Int, vat: Int) throws {
        let split = try #require(VATRate(percent: rate)).split(gross: gross)
        #expect(split.vat == vat)
        #expect(split.net + split.vat == gross)
    }

    @Test func onlyGermanRatesExist() {
        #expect(VATRate(percent: 16) == nil)
        #expect(VATRate(percent: 19) == .standard)
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: ["2025-03-14", "2025-03-14T10:22:00Z", "14.03.2025", " 2025-03-14 "])
    func parses(text: String) {
        #expect(CalendarDate(parsing: text) == CalendarDate(year: 2025, month: 3, day: 14))
    }

    @Test(arguments: ["2025-02-30", "2025-13-01", "31.04.2025", "2025/03/14", "", "zwei", "2024-02-30"])
    func refusesImpossibleDates(text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func leapDay() {
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2100-02-29") == nil)
    }

    @Test func dayArithmetic() throws {
        let d = try #require(CalendarDate(year: 2025, month: 2, day: 20))
        #expect(d.adding(days: 14).description == "2025-03-06")
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(d.adding(days: 365).adding(days: -365) == d)
    }
}

@Suite struct DiagnosticTests {
    @Test func readsLikeACompilerMessage() {
        let d = Diagnostic("field.invalid", "quantity \"zwei\" is not a whole number",
                           at: SourceLocation(file: "orders.csv", line: 14, column: 5))
        #expect(d.description == "orders.csv:14:5: quantity \"zwei\" is not a whole number")
        let j = Diagnostic("json.syntax", "expected a value", at: SourceLocation(file: "o.json", line: 7, path: "/2/quantity"))
        #expect(j.description == "o.json:7 /2/quantity: expected a value")
    }

    @Test func logStopsAtItsCapButCounts() {
        var log = DiagnosticLog(cap: 3)
        for i in 0..<5 { log.append(Diagnostic("x", "problem \(i)", at: SourceLocation(file: "f"))) }
        #expect(log.diagnostics.count == 3)
        #expect(log.errorCount == 5)
        #expect(log.isFull)
    }
}
