/// A euro reference rate: how many units of a currency one euro bought on a day, as the
/// European Central Bank publishes it (`CHF 0.9599` on 2024-03-13).
public struct ExchangeRate: Sendable, Equatable {
    /// The ISO 4217 code, upper case: `CHF`.
    public var currency: String
    /// The day the rate is for.
    public var date: CalendarDate
    /// Units of the currency per euro, scaled by 10^6 (`0.9599` is 959_900): the ECB
    /// publishes at most five significant digits, so six places keep every rate exact.
    public var perEuro: Int
    public var location: SourceLocation

    /// The scale of `perEuro`.
    public static let scale = 1_000_000
    /// The most units of a currency per euro Kontor accepts (scaled): 1,000,000.
    public static let maxPerEuro = 1_000_000 * scale

    public init(currency: String, date: CalendarDate, perEuro: Int, location: SourceLocation) {
        self.currency = currency
        self.date = date
        self.perEuro = perEuro
        self.location = location
    }

    /// The rate as people read it: `0.9599`, trailing zeros dropped, at least two places.
    public var decimalString: String { Self.decimalString(perEuro) }

    /// A scaled rate as people read it: `0.9599`, `161.64`, `1.00`.
    public static func decimalString(_ perEuro: Int) -> String {
        var fraction = String(perEuro % scale)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.count > 2, fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(perEuro / scale).\(fraction)"
    }

    /// Whether `code` looks like an ISO 4217 currency code: three letters A to Z.
    public static func isCurrencyCode(_ code: some StringProtocol) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (65...90).contains($0) }
    }
}

/// Converting amounts between a currency and euros at a reference rate, in integer minor
/// units, rounded half away from zero: never through floating point.
public enum CurrencyConversion {
    /// The euros, in cents, that `minorUnits` of a currency are worth at `perEuro` units per
    /// euro (scaled by 10^6): 100.00 CHF at 0.9599 is 104.18 EUR.
    ///
    /// Both the amount and the rate are bounded as read (10^11 minor units, 10^12 scaled),
    /// so the product stays below 10^17.
    public static func euros(_ minorUnits: Int, perEuro: Int) -> Int {
        Rounding.divide(minorUnits * ExchangeRate.scale, by: perEuro)
    }

    /// The amount of a currency, in its minor units, that `cents` are worth at `perEuro`.
    public static func foreign(_ cents: Int, perEuro: Int) -> Int {
        Rounding.divide(cents * perEuro, by: ExchangeRate.scale)
    }

    /// `part` of `whole` scaled to `total`, rounded: the euro share of a part paid of a
    /// foreign amount. `whole` is not zero.
    public static func share(_ part: Int, of whole: Int, scaledTo total: Int) -> Int {
        // part and whole ≤ 10^11 and total ≤ 10^11: the product may reach 10^22, so the
        // division goes through a double-width product.
        let (high, low) = part.magnitude.multipliedFullWidth(by: total.magnitude)
        let (quotient, remainder) = whole.magnitude.dividingFullWidth((high, low))
        var result = quotient
        if remainder * 2 >= whole.magnitude { result += 1 }
        let negative = ((part < 0) != (total < 0)) != (whole < 0)
        return negative ? -Int(result) : Int(result)
    }
}

extension Order {
    /// The order with its prices, discounts and shipping converted into euros at `perEuro`
    /// units of its currency per euro, each amount on its own (a unit price as a unit
    /// price), and its currency EUR.
    public func converted(perEuro: Int) -> Order {
        var order = self
        order.shipping = CurrencyConversion.euros(shipping, perEuro: perEuro)
        order.discount = CurrencyConversion.euros(discount, perEuro: perEuro)
        order.lines = lines.map { $0.converted(perEuro: perEuro) }
        order.currency = "EUR"
        return order
    }
}

extension OrderLine {
    /// The line with its unit price and discount converted into euros at `perEuro`.
    public func converted(perEuro: Int) -> OrderLine {
        var line = self
        line.unitPrice = CurrencyConversion.euros(unitPrice, perEuro: perEuro)
        line.discount = CurrencyConversion.euros(discount, perEuro: perEuro)
        return line
    }
}
