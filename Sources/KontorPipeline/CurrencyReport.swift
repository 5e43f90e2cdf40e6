import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorOrders
import KontorOutput
import KontorStore

/// `credit/currencies.csv`: what the shop holds in each currency other than EUR, valued at
/// the latest reference rate up to the day asked for (today, or `--to`): the open part of
/// its invoices in that currency and the closing balances of its bank accounts in it,
/// against the limit per currency from `[shops.<name>.currency_limits]`, with a warning
/// when the position is worth more.
enum CurrencyReport {
    static let columns = ["currency", "rate_date", "rate", "receivables", "bank", "position", "receivables_booked_eur",
                          "receivables_eur", "bank_eur", "value_eur", "unrealised_eur", "limit_eur", "warning"]

    /// A currency's position on a day.
    struct Position {
        var currency: String
        var rate: (date: CalendarDate, perEuro: Int)?
        /// The open part of the invoices in the currency, in it, and the euros it is booked at.
        var receivables = 0, receivablesBooked = 0
        /// The latest closing balances of the bank accounts in the currency.
        var bank = 0
        /// The limit in euro cents, if the settings set one.
        var limit: Int?

        var position: Int { receivables + bank }
        var receivablesEuros: Int? { rate.map { CurrencyConversion.euros(receivables, perEuro: $0.perEuro) } }
        var bankEuros: Int? { rate.map { CurrencyConversion.euros(bank, perEuro: $0.perEuro) } }
        var value: Int? { rate.map { CurrencyConversion.euros(position, perEuro: $0.perEuro) } }

        /// Why a person should look: over the limit, or no rate to value it at.
        var warning: String? {
            guard let value else { return "no reference rate of \(currency) known: the position cannot be valued" }
            guard let limit, value > limit else { return nil }
            return "worth \(Money.decimalString(value)) EUR, \(Money.decimalString(value - limit)) over the limit of \(Money.decimalString(limit)) EUR"
        }
    }

    /// The report, reading each shop's limits from `settings`.
    static func report(settings: Settings) -> Report {
        Report(name: "currencies", title: "Positions in foreign currencies at the latest reference rate, against their limits",
               takesPeriod: true) { shop, period, db in
            let day = period?.to ?? .today
            let rows = try positions(shop: shop, on: day, limits: settings.shop(shop).currencyLimits, in: db)
            var w = CSVWriter(header: columns)
            for p in rows {
                func amount(_ value: Int?) -> CSVWriter.Cell { .number(value.map { Money.decimalString($0) } ?? "") }
                w.appendRow([.text(p.currency), .text(p.rate?.date.description ?? ""),
                             .number(p.rate.map { ExchangeRate.decimalString($0.perEuro) } ?? ""),
                             amount(p.receivables), amount(p.bank), amount(p.position), amount(p.receivablesBooked),
                             amount(p.receivablesEuros), amount(p.bankEuros), amount(p.value),
                             amount(p.receivablesEuros.map { $0 - p.receivablesBooked }), amount(p.limit), .text(p.warning ?? "")])
            }
            return ReportFile(path: period == nil ? "credit/currencies.csv" : "credit/currencies_\(day).csv", bytes: w.bytes)
        }.onDemand().asOfDay()
    }

    /// Every currency the shop booked in or holds an account in, with its position on `day`.
    static func positions(shop: String, on day: CalendarDate, limits: [String: Int], in db: Database) throws -> [Position] {
        let rates = ExchangeRates(db), ledger = Ledger(db), orders = OrderBook(db)
        let balances = try Liquidity(db).latestBalances(shop: shop)
        var result: [Position] = []
        for currency in Set(try rates.currencies(shop: shop)).union(limits.keys).sorted() {
            var p = Position(currency: currency, rate: try rates.latest(shop: shop, currency: currency, onOrBefore: day),
                             limit: limits[currency])
            for booking in try rates.bookings(shop: shop, currency: currency, kind: .order) {
                guard booking.perEuro != nil, let euros = booking.euros, euros != 0, let number = booking.orderNumber,
                      let invoice = try orders.order(shop: shop, number: number)?.invoiceNumber else { continue }
                let open = try ledger.openAmount(shop: shop, document: invoice)
                guard open > 0 else { continue }
                p.receivablesBooked += open
                p.receivables += CurrencyConversion.share(open, of: euros, scaledTo: booking.amount)
            }
            p.bank = balances.filter { $0.currency == currency }.reduce(0) { $0 + $1.amount }
            result.append(p)
        }
        return result
    }
}
