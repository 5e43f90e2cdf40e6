import GRDB
import KontorAccounting
import KontorCore
import KontorStore
import Testing

/// Discounts in the invoice's figures and on the revenue reduction accounts.
@Suite struct DiscountBookingTests {
    /// An order discount of 6.07 over 2 × 12.90 at 7 % (net 24.11) and 34.90 at 19 % (net
    /// 29.33) is split by net value: 6.07 × 2411 / 5344 = 2.7385…, 6.07 × 2933 / 5344 =
    /// 3.3314…; 2.73 + 3.33 = 6.06, the last cent to the larger remainder: 2.74 and 3.33.
    @Test func anOrderDiscountIsSpreadByNetValue() {
        let goods = [TaxableAmount(gross: 2580, rate: .reduced), TaxableAmount(gross: 3490, rate: .standard)]
        let spread = InvoiceCalculator.spread(607, over: goods)
        #expect(spread.map(\.discount) == [274, 333])
        #expect(spread.map(\.amount) == [2306, 3157])
    }

    /// Gross 25.80 less 2.74 at 7 %: VAT on 23.06 is 1.51 (1.5086), net 21.55; before the
    /// discount net was 24.11, so 2.56 is the reduction. Gross 34.90 less 3.33 at 19 %: VAT on
    /// 31.57 is 5.04 (5.0406), net 26.53; before 29.33, so 2.80.
    @Test func theReductionIsTheNetTheDiscountTookOff() {
        let goods = [TaxableAmount(amount: 2306, rate: .reduced, basis: .gross, discount: 274),
                     TaxableAmount(amount: 3157, rate: .standard, basis: .gross, discount: 333)]
        #expect(InvoiceCalculator.totals(goods: goods) == [
            RateTotal(rate: .standard, gross: 3157, net: 2653, vat: 504, discount: 280),
            RateTotal(rate: .reduced, gross: 2306, net: 2155, vat: 151, discount: 256),
        ])
    }

    /// Net prices: the reduction is the discount itself, VAT is on what is charged.
    @Test func aNetDiscountIsItsOwnReduction() {
        let goods = [TaxableAmount(amount: 2700, rate: .standard, basis: .net, discount: 300)]
        #expect(InvoiceCalculator.totals(goods: goods, basis: .net) == [RateTotal(rate: .standard, gross: 3213, net: 2700, vat: 513, discount: 300)])
    }

    /// Shipping is split by the goods as charged: a free article draws none of it.
    @Test func shippingFollowsTheGoodsAsCharged() {
        let goods = [TaxableAmount(amount: 0, rate: .reduced, basis: .gross, discount: 890),
                     TaxableAmount(amount: 2490, rate: .standard, basis: .gross)]
        let lines = InvoiceCalculator.taxableLines(goods: goods, shipping: 490)
        #expect(lines.suffix(1) == [TaxableAmount(gross: 490, rate: .standard)])
    }

    /// The invoice posts revenue before discounts, the reduction on 8710 / 8720, VAT and the
    /// receivable as charged: 1400 debit 54.63, 8720 debit 2.80, 8710 debit 2.56; 8400 credit
    /// 29.33, 8300 credit 24.11, 1776 credit 5.04, 1771 credit 1.51.
    @Test func anInvoicePostsItsDiscountsToTheRevenueReductionAccounts() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let goods = [TaxableAmount(amount: 2306, rate: .reduced, basis: .gross, discount: 274),
                         TaxableAmount(amount: 3157, rate: .standard, basis: .gross, discount: 333)]
            let invoice = try Ledger(db).postInvoice(shop: "shop", orderNumber: "1046", customerKey: "K",
                                                     date: CalendarDate(year: 2025, month: 3, day: 13)!, dueDays: 0, goods: goods,
                                                     shipping: 0, batch: batch)
            #expect(invoice.gross == 5463 && invoice.net == 4808 && invoice.vat == 655)
            let rows = try String.fetchAll(db, sql: "SELECT account || ':' || debit || ':' || credit FROM journal_lines ORDER BY id")
            #expect(rows == ["1400:5463:0", "8400:0:2933", "8720:280:0", "1776:0:504", "8300:0:2411", "8710:256:0", "1771:0:151"])
        }
    }
}
