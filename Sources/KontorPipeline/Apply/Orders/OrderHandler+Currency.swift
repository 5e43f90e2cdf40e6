import KontorCore
import KontorCredit

extension OrderHandler {
    /// An order in another currency than EUR. With a reference rate for its day, `order`
    /// becomes the order in euros, and the booking returned notes the rate (the intake adds
    /// its total in its currency, under the order's VAT case); without one, `order` stays as it is and the booking waits for the rate
    /// (`perEuro` nil). nil, with an error in `log`, for a currency that is no ISO code or
    /// an order whose euros would pass the limits.
    func inEuros(_ order: inout Order, in context: inout BatchContext, log: inout DiagnosticLog) throws -> CurrencyBooking? {
        let number = order.orderNumber, currency = order.currency
        guard ExchangeRate.isCurrencyCode(currency) else {
            log.append(Diagnostic("order.currency", "order \(number) names \"\(currency)\" as its currency, which is no currency code",
                                  de: "Bestellung \(number) nennt \"\(currency)\" als Währung, das ist kein Währungscode",
                                  hint: "Give the currency as its ISO 4217 code, such as EUR or CHF.", at: order.location))
            return nil
        }
        var booking = CurrencyBooking(kind: .order, document: number, orderNumber: number, date: order.orderDate,
                                      currency: currency, amount: 0, shipping: order.shipping, perEuro: nil, euros: nil)
        guard let rate = try context.rates.rate(shop: context.shop, currency: currency, on: order.orderDate) else { return booking }
        let converted = order.converted(perEuro: rate.perEuro)
        guard converted.isWithinLimits else {
            log.append(Diagnostic("order.currency-limit",
                                  "order \(number) in \(currency) comes to more than 1,000,000,000.00 EUR at the rate \(ExchangeRate.decimalString(rate.perEuro)) of \(rate.date)",
                                  de: "Bestellung \(number) in \(currency) ergibt zum Kurs \(ExchangeRate.decimalString(rate.perEuro)) vom \(rate.date) mehr als 1.000.000.000,00 EUR",
                                  hint: "Check the order's amounts and currency.", at: order.location))
            return nil
        }
        booking.perEuro = rate.perEuro
        order = converted
        return booking
    }
}
