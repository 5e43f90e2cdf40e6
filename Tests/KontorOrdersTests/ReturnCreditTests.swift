import KontorCore
import KontorOrders
import Testing

@Suite struct ReturnCreditTests {
    /// A line split by a shop into 1 × 3.35 and 2 × 3.36 is credited unit by unit at the
    /// price each unit was invoiced at, never above it.
    @Test func unitsAreCreditedAtTheirLinesPrices() {
        let lines = [BookedLine(sku: "A", quantity: 1, unitPrice: 335, rate: .reduced),
                     BookedLine(sku: "A", quantity: 2, unitPrice: 336, rate: .reduced)]
        #expect(ReturnCredit.credited(1, after: 0, of: lines, basis: .gross).map(\.amount) == [335])
        #expect(ReturnCredit.credited(2, after: 0, of: lines, basis: .gross).map(\.amount) == [335, 336])
        #expect(ReturnCredit.credited(2, after: 1, of: lines, basis: .gross).map(\.amount) == [672])
        #expect(ReturnCredit.credited(3, after: 0, of: lines, basis: .net).map(\.amount) == [335, 672])
        #expect(ReturnCredit.credited(3, after: 0, of: lines, basis: .net).allSatisfy { $0.basis == .net && $0.rate == .reduced })
    }
}
