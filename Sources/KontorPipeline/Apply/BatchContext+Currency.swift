import KontorAccounting
import KontorCore
import KontorCredit

extension BatchContext {
    /// The shop's reference rates and bookings in other currencies.
    var rates: ExchangeRates { ExchangeRates(db) }

    /// The rate of `currency` for `date` (`ExchangeRates.rate`); nil, with an error in `log`
    /// that rejects the file, when there is none: `what` names the booking.
    func rate(of currency: String, on date: CalendarDate, for what: String, _ whatDE: String, at location: SourceLocation,
              log: inout DiagnosticLog) throws -> Int? {
        if let rate = try rates.rate(shop: shop, currency: currency, on: date) { return rate.perEuro }
        log.append(Diagnostic("currency.no-rate",
                              "no reference rate for \(currency) on \(date) or the \(ExchangeRates.lookbackDays) days before: \(what) cannot be booked in euros",
                              de: "Kein Referenzkurs für \(currency) am \(date) oder den \(ExchangeRates.lookbackDays) Tagen davor: \(whatDE) kann nicht in Euro gebucht werden",
                              hint: "Put the ECB's reference rates (eurofxref-hist.csv, or eurofxref-daily.xml of that day) into the shop's inbox, then send this file again or rerun its batch with kontor rerun.",
                              at: location))
        return nil
    }

    /// A payment in another currency as Kontor books it: in euros, with what to record of
    /// it. Paying an order in the same currency, the part that settles the order clears the
    /// euros its receivable was booked at and the difference to the money received is the
    /// exchange difference (`ForeignPayment`); any other payment is converted at its day's
    /// rate. nil, with an error in `log`, without a rate for its day.
    func inEuros(_ payment: Payment, order orderNumber: String?, log: inout DiagnosticLog) throws -> (Payment, CurrencyBooking)? {
        guard let perEuro = try rate(of: payment.currency, on: payment.date,
                                     for: "the payment \(payment.reference) of \(Money.decimalString(payment.amount)) \(payment.currency)",
                                     "die Zahlung \(payment.reference) über \(Money.decimalString(payment.amount)) \(payment.currency)",
                                     at: payment.location, log: &log) else { return nil }
        var euros = payment
        euros.currency = "EUR"
        var booking = CurrencyBooking(kind: .payment, document: payment.reference, orderNumber: orderNumber, date: payment.date,
                                      currency: payment.currency, amount: payment.amount, perEuro: perEuro,
                                      euros: CurrencyConversion.euros(payment.amount, perEuro: perEuro))
        if payment.amount > 0, let orderNumber, let order = try rates.order(shop: shop, number: orderNumber),
           order.currency == payment.currency, order.perEuro != nil, let orderEuros = order.euros {
            let before = try rates.settled(shop: shop, order: orderNumber)
            let split = ForeignPayment.split(amount: payment.amount, perEuro: perEuro, orderAmount: order.amount,
                                             orderEuros: orderEuros, settledBefore: before.amount, settledEurosBefore: before.euros)
            euros.amount = split.paidEuros
            booking.settled = split.settled
            booking.settledEuros = split.settledEuros
            booking.difference = split.difference
        } else {
            euros.amount = booking.euros ?? 0
        }
        return (euros, booking)
    }

    /// Records a payment made in another currency and posts its exchange difference on
    /// `document`, on the account the money is on.
    func book(_ booking: CurrencyBooking, of payment: Payment, document: String) throws {
        try rates.record(booking, shop: shop, batch: batch)
        try ledger.postExchangeDifference(shop: shop, document: document, difference: booking.difference, currency: booking.currency,
                                          date: payment.date, account: moneyAccount(of: payment), batch: batch)
    }

    /// A bank movement in another currency in euros, recorded with its rate; nil, with an
    /// error in `log`, without a rate for its day.
    func inEuros(_ t: BankTransaction, log: inout DiagnosticLog) throws -> BankTransaction? {
        let document = t.reference ?? "Bank \(t.date)"
        guard let perEuro = try rate(of: t.currency, on: t.date,
                                     for: "the bank movement \(document) of \(Money.decimalString(t.amount)) \(t.currency)",
                                     "die Kontobewegung \(document) über \(Money.decimalString(t.amount)) \(t.currency)",
                                     at: t.location, log: &log) else { return nil }
        var euros = t
        euros.amount = CurrencyConversion.euros(t.amount, perEuro: perEuro)
        euros.currency = "EUR"
        try rates.record(CurrencyBooking(kind: .bank, document: document, date: t.date, currency: t.currency, amount: t.amount,
                                         perEuro: perEuro, euros: euros.amount), shop: shop, batch: batch)
        return euros
    }

    /// For an order held for the rate of its day (`pending`): its lines, order discount and
    /// shipping in euros at that rate, and the booking that records it; nil while no rate
    /// is known.
    func converted(_ lines: [OrderLine], discount: Int, pending: CurrencyBooking, on date: CalendarDate) throws
        -> (lines: [OrderLine], discount: Int, shipping: Int, booking: CurrencyBooking)? {
        guard let rate = try rates.rate(shop: shop, currency: pending.currency, on: date) else { return nil }
        var booking = pending
        booking.perEuro = rate.perEuro
        return (lines.map { $0.converted(perEuro: rate.perEuro) }, CurrencyConversion.euros(discount, perEuro: rate.perEuro),
                CurrencyConversion.euros(pending.shipping, perEuro: rate.perEuro), booking)
    }
}
