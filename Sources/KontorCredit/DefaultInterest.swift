import KontorCore

/// Default interest under § 288 BGB, as a pure function of values: the base rate plus 5
/// percentage points (a consumer is party) or 9 points (between businesses), per day:
/// amount × rate in basis points × days / (365 × 10 000), the days of each base rate
/// summed before one rounding, half away from zero, to whole cents.
public enum DefaultInterest {
    /// Points above the base rate, in basis points: 500 for consumers, 900 between businesses.
    public static func surcharge(business: Bool) -> Int { business ? 900 : 500 }

    /// The days of one rate within the period.
    public struct Span: Sendable, Equatable {
        public var from: CalendarDate
        public var through: CalendarDate
        public var days: Int
        /// Base rate plus the surcharge.
        public var basisPoints: Int
    }

    /// What is owed for a period.
    public struct Charge: Sendable, Equatable {
        /// The interest in minor units.
        public var amount: Int
        /// The spans of each rate, oldest first.
        public var spans: [Span]
        /// The days of the period.
        public var days: Int { spans.reduce(0) { $0 + $1.days } }

        /// A charge of `amount` over `spans`.
        public init(amount: Int, spans: [Span]) {
            self.amount = amount
            self.spans = spans
        }
    }

    /// Why interest cannot be computed.
    public struct MissingRate: Error, Sendable, Equatable {
        /// The first day without a base rate.
        public var day: CalendarDate

        /// No rate for `day`.
        public init(day: CalendarDate) { self.day = day }
    }

    /// The interest on `amount` (minor units) for the days `from` through `through`, both
    /// included; nothing for an empty period or an amount not above zero. Throws when the
    /// table has no base rate for a day of the period.
    public static func charge(on amount: Int, from: CalendarDate, through: CalendarDate, business: Bool,
                              rates: BaseRateTable) throws -> Charge {
        guard amount > 0, from <= through else { return Charge(amount: 0, spans: []) }
        var spans: [Span] = []
        var day = from
        while day <= through {
            guard let base = rates.basisPoints(on: day) else { throw MissingRate(day: day) }
            let next = rates.entries.first { $0.validFrom > day }?.validFrom
            let end = next.map { min($0.adding(days: -1), through) } ?? through
            spans.append(Span(from: day, through: end, days: end.dayNumber - day.dayNumber + 1,
                              basisPoints: base + surcharge(business: business)))
            day = end.adding(days: 1)
        }
        let numerator = spans.reduce(0) { $0 + amount * $1.basisPoints * $1.days }
        return Charge(amount: roundHalfAwayFromZero(numerator, 365 * 10_000), spans: spans)
    }

    /// `numerator / denominator` (denominator > 0) rounded half away from zero.
    public static func roundHalfAwayFromZero(_ numerator: Int, _ denominator: Int) -> Int {
        let q = (2 * numerator.magnitude + denominator.magnitude) / (2 * denominator.magnitude)
        return numerator < 0 ? -Int(q) : Int(q)
    }
}
