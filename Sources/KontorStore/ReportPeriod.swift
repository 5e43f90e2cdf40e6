import KontorCore

/// The days a report covers, both ends included.
public struct ReportPeriod: Sendable, Equatable {
    /// The first day.
    public var from: CalendarDate
    /// The last day.
    public var to: CalendarDate

    /// The days from `from` to `to`, both included.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// Whether `date` lies in the period.
    public func contains(_ date: CalendarDate) -> Bool {
        from <= date && date <= to
    }

    /// `2025-01-01_2025-03-31`, for file names.
    public var slug: String { "\(from)_\(to)" }
}
