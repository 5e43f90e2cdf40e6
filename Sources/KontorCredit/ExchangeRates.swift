import GRDB
import KontorCore

/// A booking made in another currency than EUR: what it was in that currency, the rate it
/// was converted at, and the euros booked.
public struct CurrencyBooking: Sendable, Equatable {
    /// What was booked: an order, a customer's payment, another bank movement.
    public enum Kind: String, Sendable {
        case order, payment, bank
    }

    public var kind: Kind
    /// The order number, payment reference or bank reference.
    public var document: String
    /// The order it belongs to: the order itself, or the order a payment settled.
    public var orderNumber: String?
    public var date: CalendarDate
    /// ISO code of the currency.
    public var currency: String
    /// The amount in minor units of the currency: an order's gross total.
    public var amount: Int
    /// For an order: its shipping charge in the currency, converted when its rate comes.
    public var shipping: Int
    /// The rate it was converted at (units per euro, scaled by 10^6); nil while an order
    /// waits for the rate of its day.
    public var perEuro: Int?
    /// The euros booked for it.
    public var euros: Int?
    /// For a payment of an order in its currency: how much of the order's amount it settled
    /// (what it paid beyond that is an overpayment), and the euros that part of the
    /// receivable was booked at.
    public var settled: Int?
    public var settledEuros: Int?
    /// The exchange difference posted: a gain positive, a loss negative.
    public var difference: Int

    public init(kind: Kind, document: String, orderNumber: String? = nil, date: CalendarDate, currency: String, amount: Int,
                shipping: Int = 0, perEuro: Int?, euros: Int?, settled: Int? = nil, settledEuros: Int? = nil, difference: Int = 0) {
        self.shipping = shipping
        self.settled = settled
        self.kind = kind
        self.document = document
        self.orderNumber = orderNumber
        self.date = date
        self.currency = currency
        self.amount = amount
        self.perEuro = perEuro
        self.euros = euros
        self.settledEuros = settledEuros
        self.difference = difference
    }
}

/// The euro reference rates a shop received, and the bookings it made in other currencies,
/// in the caller's transaction.
///
/// The rate of a day is the ECB's rate of that day; on a day without one (a weekend, a
/// TARGET holiday) it is the last rate published before, at most `lookbackDays` earlier.
/// Further back Kontor does not look: a booking without a rate waits, it is never
/// converted at a guessed one.
public struct ExchangeRates {
    private let db: Database

    /// How many days before a booking's day its rate may have been published: Good Friday
    /// to Easter Monday is the longest gap of the ECB's calendar.
    public static let lookbackDays = 4

    public init(_ db: Database) { self.db = db }

    /// What became of a rate received.
    public enum Received: Equatable, Sendable {
        /// It is new.
        case added
        /// The same rate for the day was known already.
        case known
        /// Another rate for the day was known already and stays: bookings may have used it.
        case differs(known: Int)
    }

    /// Keeps a reference rate, unless one for its currency and day is known.
    public func receive(_ rate: ExchangeRate, shop: String, batch: Int64) throws -> Received {
        if let known = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT per_euro FROM exchange_rates WHERE shop = ? AND currency = ? AND date = ? AND reverted = 0
            """), arguments: [shop, rate.currency, rate.date.description]) {
            return known == rate.perEuro ? .known : .differs(known: known)
        }
        try db.cachedStatement(sql: """
            INSERT INTO exchange_rates (shop, currency, date, per_euro, batch_id) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [shop, rate.currency, rate.date.description, rate.perEuro, batch])
        return .added
    }

    /// The rate of `currency` for `date`: the day's, or the last before it within
    /// `lookbackDays`; nil if there is none.
    public func rate(shop: String, currency: String, on date: CalendarDate) throws -> (date: CalendarDate, perEuro: Int)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT date, per_euro FROM exchange_rates
            WHERE shop = ? AND currency = ? AND date <= ? AND date >= ? AND reverted = 0
            ORDER BY date DESC LIMIT 1
            """), arguments: [shop, currency, date.description, date.adding(days: -Self.lookbackDays).description]),
            let day = CalendarDate(parsing: row["date"]) else { return nil }
        return (day, row["per_euro"])
    }

    /// The latest rate of `currency` on or before `date`, however old; nil if none.
    public func latest(shop: String, currency: String, onOrBefore date: CalendarDate) throws -> (date: CalendarDate, perEuro: Int)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT date, per_euro FROM exchange_rates WHERE shop = ? AND currency = ? AND date <= ? AND reverted = 0
            ORDER BY date DESC LIMIT 1
            """), arguments: [shop, currency, date.description]),
            let day = CalendarDate(parsing: row["date"]) else { return nil }
        return (day, row["per_euro"])
    }

    /// Records a booking made in another currency.
    public func record(_ booking: CurrencyBooking, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO currency_bookings (shop, kind, document, order_number, date, currency, amount, shipping, per_euro, euros,
                                           settled, settled_euros, difference, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, booking.kind.rawValue, booking.document, booking.orderNumber, booking.date.description,
                                     booking.currency, booking.amount, booking.shipping, booking.perEuro, booking.euros, booking.settled, booking.settledEuros,
                                     booking.difference, batch])
    }

    /// The latest live booking of order `number` in another currency: converted, or
    /// waiting for its rate (`perEuro` nil); nil for an order in EUR.
    public func order(shop: String, number: String) throws -> CurrencyBooking? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM currency_bookings WHERE shop = ? AND order_number = ? AND kind = 'order' AND reverted = 0
            ORDER BY id DESC LIMIT 1
            """), arguments: [shop, number]).flatMap(Self.booking)
    }

    /// What the live payments of order `number` in its currency settled so far: the amount
    /// in the currency, and the euros of the receivable they cleared.
    public func settled(shop: String, order number: String) throws -> (amount: Int, euros: Int) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(settled), 0) AS amount, coalesce(sum(settled_euros), 0) AS euros FROM currency_bookings
            WHERE shop = ? AND order_number = ? AND kind = 'payment' AND settled IS NOT NULL AND reverted = 0
            """), arguments: [shop, number])
        return (row?["amount"] ?? 0, row?["euros"] ?? 0)
    }

    /// Every live booking of a shop in `currency` of `kind`, oldest first.
    public func bookings(shop: String, currency: String, kind: CurrencyBooking.Kind) throws -> [CurrencyBooking] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM currency_bookings WHERE shop = ? AND currency = ? AND kind = ? AND reverted = 0 ORDER BY id
            """), arguments: [shop, currency, kind.rawValue]).compactMap(Self.booking)
    }

    /// The currencies a shop booked in, or holds a bank account in, besides EUR.
    public func currencies(shop: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT currency FROM currency_bookings WHERE shop = ?1 AND reverted = 0
            UNION SELECT currency FROM bank_balances WHERE shop = ?1 AND reverted = 0 AND currency != 'EUR'
            ORDER BY currency
            """), arguments: [shop])
    }

    /// Sets aside the rates and bookings of `batch`.
    public func reverse(batch: Int64) throws {
        try db.execute(sql: "UPDATE exchange_rates SET reverted = 1 WHERE batch_id = ?", arguments: [batch])
        try db.execute(sql: "UPDATE currency_bookings SET reverted = 1 WHERE batch_id = ?", arguments: [batch])
    }

    private static func booking(_ row: Row) -> CurrencyBooking? {
        guard let kind = CurrencyBooking.Kind(rawValue: row["kind"]), let date = CalendarDate(parsing: row["date"]) else { return nil }
        return CurrencyBooking(kind: kind, document: row["document"], orderNumber: row["order_number"], date: date,
                               currency: row["currency"], amount: row["amount"], shipping: row["shipping"], perEuro: row["per_euro"], euros: row["euros"],
                               settled: row["settled"], settledEuros: row["settled_euros"], difference: row["difference"])
    }
}
