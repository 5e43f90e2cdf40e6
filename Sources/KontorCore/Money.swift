/// An exact amount of money in integer minor units (cents) of one currency.
///
/// Kontor never stores money as a floating point number. Amounts are parsed from
/// decimal text, computed in minor units, and printed back as decimal text.
///
/// The operators use `Int` arithmetic without overflow checks of their own: every amount
/// Kontor reads is at most 10^11 in absolute value and every quantity at most 10^6
/// (``Limits``), so a product is at most 10^17 and sums of such figures stay below Int.max
/// (≈ 9.2 × 10^18) by a wide margin.
public struct Money: Hashable, Sendable, Comparable, Codable {
    /// The amount in minor units, for example 11900 for 119.00 EUR.
    public var minorUnits: Int
    /// The ISO 4217 code, for example `EUR`.
    public var currency: String

    /// Creates an amount from minor units.
    public init(minorUnits: Int, currency: String = "EUR") {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: String = "EUR") -> Money { Money(minorUnits: 0, currency: currency) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(minorUnits: lhs.minorUnits - rhs.minorUnits, currency: lhs.currency)
    }

    public static func * (lhs: Money, rhs: Int) -> Money {
        Money(minorUnits: lhs.minorUnits * rhs, currency: lhs.currency)
    }

    public static prefix func - (value: Money) -> Money {
        Money(minorUnits: -value.minorUnits, currency: value.currency)
    }

    /// The amount as a decimal string with two places and a point, `"119.00"`, as the
    /// command line's JSON and Kontor's CSV outputs print it.
    public var decimalString: String { Money.decimalString(minorUnits) }

    /// Prints minor units as a decimal string with two places.
    public static func decimalString(_ minorUnits: Int, separator: Character = ".") -> String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100)\(separator)\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Money: CustomStringConvertible {
    public var description: String { "\(decimalString) \(currency)" }
}
