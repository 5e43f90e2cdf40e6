/// Moving weighted average cost in whole minor units: what a stock movement is worth, so
/// that the value of a stock is always the sum of its movements' values.
public enum StockValue {
    /// How a movement is priced.
    public enum Pricing: Sendable, Equatable {
        /// Goods received: at the receipt's unit cost, else the article's cost, else the
        /// current average, else nothing.
        case receipt(cost: Int?)
        /// Any other change: an increase at the current average (the article's cost while
        /// nothing is on hand), a decrease at its share of the stock's value.
        case average
        /// A fixed value: a reversal takes back exactly what the reversed movement was worth.
        case exactly(Int)
    }

    /// The value of a movement of `quantity` units into (positive) or out of (negative) a
    /// stock of `onHand` units worth `value`, priced by `pricing`; `articleCost` is the
    /// article's unit cost from the catalogue, if it has one. A decrease that takes all that
    /// is on hand takes exactly the stock's value, so an empty stock is worth nothing.
    /// Throws when the value does not fit in an integer.
    public static func of(_ quantity: Int, pricing: Pricing, onHand: Int, value: Int, articleCost: Int?) throws -> Int {
        if case .exactly(let fixed) = pricing { return fixed }
        if quantity == 0 { return 0 }
        if quantity < 0 {
            if onHand + quantity == 0 { return -value }
            if onHand > 0 { return -scaled(value, times: -quantity, over: onHand) }
            return try product(quantity, articleCost ?? 0)
        }
        let unit: Int
        switch pricing {
        case .receipt(let cost): unit = cost ?? articleCost ?? average(value: value, onHand: onHand) ?? 0
        default: unit = average(value: value, onHand: onHand) ?? articleCost ?? 0
        }
        return try product(quantity, unit)
    }

    /// The average cost per unit of a stock of `onHand` units worth `value`, rounded half
    /// away from zero; nil when nothing is on hand.
    public static func average(value: Int, onHand: Int) -> Int? {
        onHand > 0 ? scaled(value, times: 1, over: onHand) : nil
    }

    /// `value × units / divisor`, rounded half away from zero, without overflow on the way.
    static func scaled(_ value: Int, times units: Int, over divisor: Int) -> Int {
        let (quotient, remainder) = divisor.dividingFullWidth(value.multipliedFullWidth(by: units))
        guard remainder != 0, remainder.magnitude * 2 >= divisor.magnitude else { return quotient }
        return quotient + ((remainder < 0) == (divisor < 0) ? 1 : -1)
    }

    private static func product(_ quantity: Int, _ unit: Int) throws -> Int {
        let (result, overflow) = quantity.multipliedReportingOverflow(by: unit)
        if overflow { throw OutOfRange(quantity: quantity, unit: unit) }
        return result
    }

    /// A movement whose value does not fit in an integer.
    public struct OutOfRange: Error, CustomStringConvertible, Sendable {
        public var quantity: Int
        public var unit: Int
        public var description: String { "stock value out of range: \(quantity) units at \(unit) minor units each" }
    }
}
