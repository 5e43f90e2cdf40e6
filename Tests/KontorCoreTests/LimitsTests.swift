import KontorCore
import Testing

@Suite struct LimitsTests {
    func order(_ lines: [OrderLine], shipping: Int = 0) -> Order {
        Order(orderNumber: "1", orderDate: CalendarDate(year: 2025, month: 3, day: 3)!, shipping: shipping, lines: lines,
              location: SourceLocation(file: "o.csv"))
    }

    func line(_ quantity: Int, _ price: Int) -> OrderLine {
        OrderLine(sku: "A", quantity: quantity, unitPrice: price, location: SourceLocation(file: "o.csv"))
    }

    @Test func anOrderIsWithinLimitsUpToTheLargestAmount() {
        #expect(order([line(1_000_000, 100_000)]).isWithinLimits)
        #expect(order([line(1, Limits.maxAmountMinor - 490)], shipping: 490).isWithinLimits)
        #expect(!order([line(1, Limits.maxAmountMinor - 490)], shipping: 491).isWithinLimits)
        #expect(!order(Array(repeating: line(1_000_000, 100_000_000_000), count: 93)).isWithinLimits)
        #expect(!order([line(Int.max, Int.max), line(Int.max, Int.max)]).isWithinLimits)
        #expect(!order(Array(repeating: line(1, 0), count: Limits.maxOrderLines + 1)).isWithinLimits)
        #expect(order(Array(repeating: line(1, 0), count: Limits.maxOrderLines)).isWithinLimits)
    }
}
