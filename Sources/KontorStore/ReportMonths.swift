import GRDB
import KontorCore

/// How a report kept as files per month (the DATEV export) is written: after a run, only
/// the files of the months that the entries posted since the last run are dated in are made
/// anew, the other months' files stay as they are; on demand, the files of each month of a
/// period.
public struct ReportMonths: Sendable {
    /// The months, each as the period of its days, that entries of `shop` posted after
    /// `cursor` are dated in (every month with entries for cursor 0), and the cursor after
    /// the last of those entries.
    public var touched: @Sendable (_ shop: String, _ cursor: Int64, _ db: Database) throws -> (months: [ReportPeriod], cursor: Int64)
    /// The files of `shop` for `period`, whose days lie in one month.
    public var files: @Sendable (_ shop: String, _ period: ReportPeriod, _ db: Database) throws -> [ReportFile]

    /// A report kept per month.
    public init(touched: @escaping @Sendable (_ shop: String, _ cursor: Int64, _ db: Database) throws -> (months: [ReportPeriod], cursor: Int64),
                files: @escaping @Sendable (_ shop: String, _ period: ReportPeriod, _ db: Database) throws -> [ReportFile]) {
        self.touched = touched
        self.files = files
    }

    /// Asked for a report kept per month without a period: it has no single file.
    public struct NeedsPeriod: Error, CustomStringConvertible, Sendable {
        public var description: String { "the report is written per month; ask for it with --from and --to" }
    }
}

extension ReportPeriod {
    /// The parts of the period that lie in one month each, in order.
    public var months: [ReportPeriod] {
        var parts: [ReportPeriod] = []
        var start = from
        while start <= to {
            let next = start.month == 12
                ? CalendarDate(year: start.year + 1, month: 1, day: 1)!
                : CalendarDate(year: start.year, month: start.month + 1, day: 1)!
            let end = min(to, next.adding(days: -1))
            parts.append(ReportPeriod(from: start, to: end))
            start = next
        }
        return parts
    }

    /// The whole month of `year` and `month`.
    public static func month(year: Int, month: Int) -> ReportPeriod {
        let first = CalendarDate(year: year, month: month, day: 1)!
        let next = month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1)! : CalendarDate(year: year, month: month + 1, day: 1)!
        return ReportPeriod(from: first, to: next.adding(days: -1))
    }
}
