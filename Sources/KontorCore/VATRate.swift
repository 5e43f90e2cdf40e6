/// A German VAT rate in whole percent: 19 (standard), 7 (reduced) or 0 (exempt).
public struct VATRate: Hashable, Sendable, Comparable, Codable {
    /// The rate in percent.
    public let percent: Int

    /// The rates Kontor books.
    public static let standard = VATRate(uncheckedPercent: 19)
    public static let reduced = VATRate(uncheckedPercent: 7)
    public static let zero = VATRate(uncheckedPercent: 0)
    public static let all: [VATRate] = [.standard, .reduced, .zero]

    private init(uncheckedPercent: Int) { percent = uncheckedPercent }

    /// A known rate, or nil for a rate Kontor does not book.
    public init?(percent: Int) {
        guard [19, 7, 0].contains(percent) else { return nil }
        self.percent = percent
    }

    public static func < (lhs: VATRate, rhs: VATRate) -> Bool { lhs.percent < rhs.percent }

    /// Splits a gross amount into net and VAT: VAT = gross × rate / (100 + rate), rounded
    /// half away from zero; net = gross − VAT, so net + VAT is always the gross.
    public func split(gross: Int) -> (net: Int, vat: Int) {
        let vat = Rounding.divide(gross * percent, by: 100 + percent)
        return (gross - vat, vat)
    }
}

/// Kontor's one rounding rule: half away from zero.
public enum Rounding {
    /// `numerator / denominator` rounded half away from zero (denominator > 0).
    public static func divide(_ numerator: Int, by denominator: Int) -> Int {
        precondition(denominator > 0)
        let q = numerator.magnitude / UInt(denominator)
        let r = numerator.magnitude % UInt(denominator)
        let rounded = Int(r * 2 >= UInt(denominator) ? q + 1 : q)
        return numerator < 0 ? -rounded : rounded
    }

    /// Splits `total` over `weights` in proportion, so that the parts add up to `total`
    /// exactly (largest remainder; ties go to the earlier weight).
    ///
    /// `total × weight` is computed in 128 bits: two amounts within ``Limits`` (10^11 each)
    /// multiply to 10^22, beyond `Int`. With weights of one sign each part is at most `total`;
    /// weights of mixed signs whose parts would not fit in `Int` are treated like weights that
    /// sum to zero: the first takes all.
    public static func allocate(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        let shares = sum == 0 ? nil : weights.map { share(total, $0, of: sum) }
        guard let shares, shares.allSatisfy({ $0 != nil }) else {
            var parts = Array(repeating: 0, count: weights.count)
            if !parts.isEmpty { parts[0] = total }
            return parts
        }
        var parts = shares.map { $0!.quotient }
        var rest = total - parts.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = shares[a]!.remainder, rb = shares[b]!.remainder
            return ra != rb ? ra > rb : a < b
        }
        var i = 0
        while rest != 0, !order.isEmpty {
            let step = rest > 0 ? 1 : -1
            parts[order[i % order.count]] += step
            rest -= step
            i += 1
        }
        return parts
    }

    /// `total × weight / sum` rounded toward zero, and the magnitude of the remainder; nil when
    /// the quotient does not fit in `Int`.
    private static func share(_ total: Int, _ weight: Int, of sum: Int) -> (quotient: Int, remainder: UInt)? {
        let product = total.magnitude.multipliedFullWidth(by: weight.magnitude)
        guard product.high < sum.magnitude else { return nil }
        let (quotient, remainder) = sum.magnitude.dividingFullWidth(product)
        guard quotient <= UInt(Int.max) else { return nil }
        let negative = ((total < 0) != (weight < 0)) != (sum < 0)
        return (negative ? -Int(quotient) : Int(quotient), remainder)
    }
}
