import KontorCore

/// How a payment in another currency is booked against an order in that currency, as a
/// pure function of values: the part that settles what is still open of the order is booked
/// off the receivable at the euros it was booked at (the last part clears exactly what is
/// left, earlier parts their share); the rest is an overpayment, converted at the payment's
/// rate. What the money received is worth at that rate beyond (or below) those euros is
/// the exchange difference: a gain (2660) or a loss (2150).
public struct ForeignPayment: Sendable, Equatable {
    /// The euros the money received is worth at the payment day's rate.
    public var received: Int
    /// How much of the order's open amount it settles, in the currency.
    public var settled: Int
    /// The euros of the receivable that part clears.
    public var settledEuros: Int
    /// The euros of what it pays beyond the open amount, at the payment's rate.
    public var excessEuros: Int
    /// `received` − `settledEuros` − `excessEuros`: positive a gain, negative a loss.
    public var difference: Int

    public init(received: Int, settled: Int, settledEuros: Int, excessEuros: Int, difference: Int) {
        self.received = received
        self.settled = settled
        self.settledEuros = settledEuros
        self.excessEuros = excessEuros
        self.difference = difference
    }

    /// The euros booked as the customer's payment: the receivable cleared and the overpayment.
    public var paidEuros: Int { settledEuros + excessEuros }

    /// The payment of `amount` (> 0, in the order's currency) at `perEuro`, for an order of
    /// `orderAmount` in that currency booked at `orderEuros`, of which earlier payments
    /// settled `settledBefore` (their part of the euros: `settledEurosBefore`).
    public static func split(amount: Int, perEuro: Int, orderAmount: Int, orderEuros: Int, settledBefore: Int,
                             settledEurosBefore: Int) -> ForeignPayment {
        let received = CurrencyConversion.euros(amount, perEuro: perEuro)
        let open = max(orderAmount - settledBefore, 0)
        let settled = min(amount, open)
        let settledEuros: Int
        if settled == 0 || orderAmount == 0 {
            settledEuros = 0
        } else if settled == open {
            settledEuros = orderEuros - settledEurosBefore
        } else {
            settledEuros = CurrencyConversion.share(settled, of: orderAmount, scaledTo: orderEuros)
        }
        let excess = amount - settled
        let excessEuros = excess == 0 ? 0 : CurrencyConversion.euros(excess, perEuro: perEuro)
        return ForeignPayment(received: received, settled: settled, settledEuros: settledEuros, excessEuros: excessEuros,
                              difference: received - settledEuros - excessEuros)
    }
}
