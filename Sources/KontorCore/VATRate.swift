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
    public static func allocate(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum != 0 else {
            var parts = Array(repeating: 0, count: weights.count)
            if !parts.isEmpty { parts[0] = total }
            return parts
        }
        var parts = weights.map { total * $0 / sum }
        var rest = total - parts.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = (total * weights[a]) % sum, rb = (total * weights[b]) % sum
            return ra.magnitude != rb.magnitude ? ra.magnitude > rb.magnitude : a < b
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
}
