import KontorCore

/// What a shop's liquidity forecast takes from the settings (`[shops.<name>.liquidity]` and
/// `[shops.<name>.liquidity.costs.<name>]`): what the books cannot know.
public struct LiquiditySettings: Sendable, Equatable {
    /// The bank balance on `openingDate`, for a shop whose statements do not (yet) come to
    /// Kontor; a statement of that day or later takes its place.
    public var openingBalance: Int?
    public var openingDate: CalendarDate?
    /// The balance the forecast should stay at or above: a week that ends below it is warned of.
    public var threshold = 0
    /// Days after a goods receipt that the supplier's invoice for it is paid.
    public var supplierPaymentDays = 30
    /// The costs that come back (rent, wages, subscriptions), in the order the settings name them.
    public var costs: [RecurringCost] = []

    /// The defaults: no opening balance, a threshold of 0.00, suppliers paid after 30 days, no costs.
    public init() {}
}

/// A cost paid again and again: rent on the first of the month, a tax advisor each quarter.
public struct RecurringCost: Sendable, Equatable {
    /// How often it is paid.
    public enum Interval: String, Sendable, Equatable, CaseIterable {
        case week, month, quarter
    }

    /// Its name in the settings: `rent`.
    public var name: String
    /// What is paid each time, in minor units.
    public var amount: Int
    public var every: Interval
    /// The day it is paid: of the week (1 Monday … 7 Sunday), of the month (1–31; a shorter
    /// month pays on its last day), or of the first month of each quarter (January, April,
    /// July, October).
    public var day: Int

    /// A cost named `name` of `amount`, paid every `every` on `day`.
    public init(name: String, amount: Int, every: Interval, day: Int) {
        self.name = name
        self.amount = amount
        self.every = every
        self.day = day
    }

    /// Whether it is paid on `date`.
    public func isPaid(on date: CalendarDate) -> Bool {
        switch every {
        case .week:
            // 1970-01-01, day number 0, was a Thursday: weekday 4.
            return ((date.dayNumber + 3) % 7 + 7) % 7 + 1 == day
        case .quarter where date.month % 3 != 1:
            return false
        case .month, .quarter:
            let lastOfMonth = date.adding(days: 1).day == 1
            return date.day == day || (lastOfMonth && day > date.day)
        }
    }
}
