import KontorCredit
import Testing

/// How a payment in another currency settles an order in that currency, worked by hand: an
/// order of 500.00 CHF booked at 0.9599 CHF per euro, 520.89 EUR (50,000 × 10^6 / 959,900 =
/// 52,088.76 cents).
@Suite struct ForeignPaymentTests {
    static let order = (amount: 500_00, euros: 520_89)

    /// Paid in full at 0.9400: 531.91 EUR received, 11.02 EUR gain.
    @Test func paidInFullAtABetterRateIsAGain() {
        let p = ForeignPayment.split(amount: 500_00, perEuro: 940_000, orderAmount: Self.order.amount, orderEuros: Self.order.euros,
                                     settledBefore: 0, settledEurosBefore: 0)
        #expect(p == ForeignPayment(received: 531_91, settled: 500_00, settledEuros: 520_89, excessEuros: 0, difference: 11_02))
    }

    /// 200.00 CHF at 0.9400 clear 200/500 of 520.89 = 208.36 EUR; the remaining 300.00 CHF at
    /// 0.9700 clear the 312.53 EUR left, whatever their share: 309.28 EUR received, a loss.
    @Test func paidInPartsTheLastClearsExactlyWhatIsLeft() {
        let first = ForeignPayment.split(amount: 200_00, perEuro: 940_000, orderAmount: 500_00, orderEuros: 520_89,
                                         settledBefore: 0, settledEurosBefore: 0)
        #expect(first == ForeignPayment(received: 212_77, settled: 200_00, settledEuros: 208_36, excessEuros: 0, difference: 4_41))
        let last = ForeignPayment.split(amount: 300_00, perEuro: 970_000, orderAmount: 500_00, orderEuros: 520_89,
                                        settledBefore: 200_00, settledEurosBefore: 208_36)
        #expect(last == ForeignPayment(received: 309_28, settled: 300_00, settledEuros: 312_53, excessEuros: 0, difference: -3_25))
        #expect(first.settledEuros + last.settledEuros == 520_89)
    }

    /// 510.00 CHF at 0.9400: 500.00 CHF clear the invoice, 10.00 CHF are an overpayment of
    /// 10.64 EUR; the gain is what the settled part is worth more.
    @Test func anOverpaymentIsConvertedAtThePaymentsRate() {
        let p = ForeignPayment.split(amount: 510_00, perEuro: 940_000, orderAmount: 500_00, orderEuros: 520_89,
                                     settledBefore: 0, settledEurosBefore: 0)
        #expect(p == ForeignPayment(received: 542_55, settled: 500_00, settledEuros: 520_89, excessEuros: 10_64, difference: 11_02))
        #expect(p.paidEuros == 531_53)
        let after = ForeignPayment.split(amount: 10_00, perEuro: 940_000, orderAmount: 500_00, orderEuros: 520_89,
                                         settledBefore: 500_00, settledEurosBefore: 520_89)
        #expect(after == ForeignPayment(received: 10_64, settled: 0, settledEuros: 0, excessEuros: 10_64, difference: 0))
    }
}
