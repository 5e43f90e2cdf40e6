import KontorCore

/// The base rate (Basiszinssatz, § 247 BGB) with the days from which each value applies, in
/// basis points (3.62 % is 362; the rate may be negative).
public struct BaseRateTable: Sendable, Equatable {
    /// One value and the day from which it applies.
    public struct Entry: Sendable, Equatable {
        public var validFrom: CalendarDate
        public var basisPoints: Int

        /// A value from `validFrom` on.
        public init(validFrom: CalendarDate, basisPoints: Int) {
            self.validFrom = validFrom
            self.basisPoints = basisPoints
        }
    }

    /// The values, oldest first.
    public private(set) var entries: [Entry]

    /// A table of these values, in any order.
    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.validFrom < $1.validFrom }
    }

    /// Sets the value from `date` on, replacing one given for that day.
    public mutating func set(_ basisPoints: Int, from date: CalendarDate) {
        entries.removeAll { $0.validFrom == date }
        entries.append(Entry(validFrom: date, basisPoints: basisPoints))
        entries.sort { $0.validFrom < $1.validFrom }
    }

    /// The value on `date`; nil before the first entry.
    public func basisPoints(on date: CalendarDate) -> Int? {
        entries.last { $0.validFrom <= date }?.basisPoints
    }

    /// The embedded values, as the project's reference lists them (changed by the
    /// Bundesbank on 1 January and 1 July): 3.62 % from 2024-01-01, 3.37 % from 2024-07-01,
    /// 2.27 % from 2025-01-01, 1.27 % from 2025-07-01. Later values are added in
    /// `[kontor.base_rates]` of `kontor.toml`; days before 2024 have no rate here.
    public static let embedded = BaseRateTable([
        Entry(validFrom: CalendarDate(year: 2024, month: 1, day: 1)!, basisPoints: 362),
        Entry(validFrom: CalendarDate(year: 2024, month: 7, day: 1)!, basisPoints: 337),
        Entry(validFrom: CalendarDate(year: 2025, month: 1, day: 1)!, basisPoints: 227),
        Entry(validFrom: CalendarDate(year: 2025, month: 7, day: 1)!, basisPoints: 127),
    ])
}
