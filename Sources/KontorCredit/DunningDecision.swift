import KontorCore

/// Which dunning level an overdue invoice reaches on a day, as a pure function of values.
///
/// Levels are never skipped: an invoice first gets the first level, and the next one only
/// when it is at least that level's days past its due date and the previous letter's
/// deadline (its date plus its grace days) has passed. A level already issued is not
/// issued again, so a second run for the same day issues nothing.
public enum DunningDecision {
    /// The last letter an invoice got.
    public struct Issued: Sendable, Equatable {
        /// Index of its level in `DunningTerms.levels`.
        public var level: Int
        /// The day of the letter.
        public var date: CalendarDate

        /// A letter of `level` on `date`.
        public init(level: Int, date: CalendarDate) {
            self.level = level
            self.date = date
        }
    }

    /// The index of the level to issue on `date`, or nil when nothing is due.
    public static func level(due: CalendarDate, on date: CalendarDate, last: Issued?, levels: [DunningLevel]) -> Int? {
        let next = last.map { $0.level + 1 } ?? 0
        guard next < levels.count else { return nil }
        guard date.dayNumber - due.dayNumber >= levels[next].days else { return nil }
        if let last {
            let deadline = last.date.adding(days: levels[last.level].graceDays)
            guard date > deadline else { return nil }
        }
        return next
    }
}
