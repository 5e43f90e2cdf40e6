/// The largest figures Kontor reads from a file.
///
/// Anything larger is a typing or export error, or an attack, and is refused where it is
/// read, naming the field, the value and the limit. The limits also keep every computation
/// Kontor does on the figures it books within `Int` (64 bits, Int.max ≈ 9.2 × 10^18):
/// - a line's total is quantity × unit price ≤ 10^6 × 10^11 = 10^17;
/// - an order has at most 10^4 lines, and its lines and shipping add up to at most 10^11 in
///   absolute value (`Order.isWithinLimits`, checked as the order is read), so every sum of
///   its amounts is at most 10^4 × 10^17 = 10^21 before that check and 10^11 after it: the
///   books only ever see the latter;
/// - VAT on an amount multiplies it by at most 19: 19 × 10^17 < 2 × 10^18;
/// - an order's weight is at most 10^4 lines × 10^6 units × 10^6 g = 10^16 g.
public enum Limits {
    /// The most units of one article on one line: an order, receipt, count or return line,
    /// a stock level or a reorder point.
    public static let maxQuantity = 1_000_000
    /// The largest amount, in absolute value, in minor units: 1,000,000,000.00 EUR.
    public static let maxAmountMinor = 100_000_000_000
    /// The heaviest article, in grams: 1,000 kg.
    public static let maxWeightGrams = 1_000_000
    /// The most lines of one order.
    public static let maxOrderLines = 10_000
}
