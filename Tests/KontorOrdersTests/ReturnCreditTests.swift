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

    /// The shipping charge is split over the rates as the invoice split it: 4.90 over goods of
    /// 24.90 at 19 % and 17.80 at 7 % gives 2.86 and 2.04 (largest remainder).
    @Test func aWithdrawalCreditsTheShippingSplitAsTheInvoiceSplitIt() {
        let lines = [BookedLine(sku: "TEA", quantity: 2, unitPrice: 890, rate: .reduced),
                     BookedLine(sku: "POT", quantity: 1, unitPrice: 2490, rate: .standard)]
        let shipping = ReturnCredit.shipping(490, of: lines, basis: .gross)
        #expect(shipping == [TaxableAmount(gross: 286, rate: .standard), TaxableAmount(gross: 204, rate: .reduced)])
        let goods = lines.map { TaxableAmount(gross: $0.quantity * $0.unitPrice, rate: $0.rate) }
        #expect(InvoiceCalculator.totals(goods: goods + shipping) == InvoiceCalculator.totals(goods: goods, shipping: 490))
        #expect(ReturnCredit.shipping(0, of: lines, basis: .gross).isEmpty)
    }

    /// A goodwill amount follows the goods' value per rate, or the rate given.
    @Test func aGoodwillRefundIsSplitByValueUnlessARateIsGiven() {
        let lines = [BookedLine(sku: "TEA", quantity: 2, unitPrice: 890, rate: .reduced),
                     BookedLine(sku: "POT", quantity: 1, unitPrice: 2490, rate: .standard)]
        #expect(ReturnCredit.goodwill(1000, rate: nil, of: lines, basis: .gross)
                == [TaxableAmount(gross: 583, rate: .standard), TaxableAmount(gross: 417, rate: .reduced)])
        #expect(ReturnCredit.goodwill(1000, rate: .standard, of: lines, basis: .net) == [TaxableAmount(net: 1000, rate: .standard)])
    }
}

@Suite struct ReturnCreditDiscountTests {
    /// 3 × 4.50 with a discount of 1.76 charged 11.74: the first unit bears 0.59 (1.76 / 3 =
    /// 0.5867), the first two 1.17 (1.1733), all three 1.76. So units come back at 3.91, 3.92
    /// and 3.91, and any way they come back adds up to 11.74 and the discount to 1.76.
    @Test func aDiscountedLineIsCreditedAtWhatItWasCharged() {
        let lines = [BookedLine(sku: "A", quantity: 3, unitPrice: 450, rate: .reduced, discount: 176)]
        #expect(ReturnCredit.credited(1, after: 0, of: lines, basis: .gross) == [TaxableAmount(amount: 391, rate: .reduced, basis: .gross, discount: 59)])
        #expect(ReturnCredit.credited(1, after: 1, of: lines, basis: .gross) == [TaxableAmount(amount: 392, rate: .reduced, basis: .gross, discount: 58)])
        #expect(ReturnCredit.credited(1, after: 2, of: lines, basis: .gross) == [TaxableAmount(amount: 391, rate: .reduced, basis: .gross, discount: 59)])
        #expect(ReturnCredit.credited(3, after: 0, of: lines, basis: .gross) == [TaxableAmount(amount: 1174, rate: .reduced, basis: .gross, discount: 176)])
    }
}
