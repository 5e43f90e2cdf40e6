import KontorCore
import KontorCredit
import KontorOrders

/// A euro reference rate: kept for the bookings in its currency. A rate known already for
/// the day is passed over; another rate for a day already known is a warning, and the
/// known one stays (bookings may have used it). Once the file is through, the orders that
/// waited for a rate of its currencies are looked at again.
struct ExchangeRateHandler: RecordHandler {
    let kind = RecordKind.exchangeRate

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .exchangeRate(let rate) = record else { return }
        switch try context.rates.receive(rate, shop: context.shop, batch: context.batch) {
        case .added:
            context.summary.exchangeRates += 1
            context.ratesReceived.insert(rate.currency)
        case .known:
            break
        case .differs(let known):
            let (given, kept) = (rate.decimalString, ExchangeRate.decimalString(known))
            log.append(Diagnostic("rate.differs",
                                  "the rate of \(rate.currency) on \(rate.date) is \(given) here, but \(kept) was received before; \(kept) stays",
                                  de: "Der Kurs von \(rate.currency) am \(rate.date) ist hier \(given), empfangen wurde vorher \(kept); \(kept) bleibt",
                                  hint: "The ECB does not revise its reference rates: check where this file comes from.",
                                  at: rate.location, severity: .warning))
        }
    }

    func finish(in context: inout BatchContext, log: inout DiagnosticLog) throws {
        for currency in context.ratesReceived.sorted() {
            try context.releaseWaiting(for: .currency, of: currency, because: "the reference rates of \(currency) arrived", log: &log)
        }
    }
}
