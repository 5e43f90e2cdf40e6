import KontorCore

/// Open items in buckets by how long they are past due, with days sales outstanding, as a
/// pure function of values.
public struct Aging: Sendable, Equatable {
    /// The buckets' names: not due, 1–30, 31–60, 61–90, over 90 days past due.
    public static let buckets = ["not_due", "days_1_30", "days_31_60", "days_61_90", "days_over_90"]

    /// The bucket of an item `days` past due (zero or less: not due).
    public static func bucket(daysPastDue days: Int) -> Int {
        switch days {
        case ...0: 0
        case 1...30: 1
        case 31...60: 2
        case 61...90: 3
        default: 4
        }
    }

    /// One customer's open items, or all of them.
    public struct Line: Sendable, Equatable {
        public var customerKey: String
        /// The open amounts per bucket, in `Aging.buckets` order.
        public var amounts = [0, 0, 0, 0, 0]
        /// What was invoiced in the period.
        public var sales = 0

        /// All open amounts.
        public var total: Int { amounts.reduce(0, +) }

        /// Days sales outstanding, in tenths of a day: open × days of the period / sales,
        /// rounded half away from zero; nil without sales.
        public func dsoTenths(periodDays: Int) -> Int? {
            guard sales > 0 else { return nil }
            let numerator = total * periodDays * 10
            return (2 * numerator + sales) / (2 * sales)
        }
    }

    /// Per customer, by key.
    public var customers: [Line]
    /// All customers.
    public var total: Line
    /// The day the items are aged to, and the days of the period sales are counted in.
    public var asOf: CalendarDate
    public var periodDays: Int

    /// The aging of `items` on `asOf`, with `sales` per customer over a period of `periodDays`.
    public init(items: [OpenItem], asOf: CalendarDate, sales: [String: Int], periodDays: Int) {
        var lines: [String: Line] = [:]
        var total = Line(customerKey: "total")
        for item in items {
            let bucket = Self.bucket(daysPastDue: asOf.dayNumber - item.dueDate.dayNumber)
            lines[item.customerKey, default: Line(customerKey: item.customerKey)].amounts[bucket] += item.open
            total.amounts[bucket] += item.open
        }
        for (customer, amount) in sales where lines[customer] != nil {
            lines[customer]?.sales = amount
        }
        total.sales = sales.values.reduce(0, +)
        customers = lines.values.sorted { $0.customerKey < $1.customerKey }
        self.total = total
        self.asOf = asOf
        self.periodDays = periodDays
    }
}
