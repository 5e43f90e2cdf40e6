import KontorCore

/// Thirteen weeks of money in and out from a day on, as a pure function of values: the bank
/// balance to start from, the open items expected in (each shifted and weighted by how its
/// customer pays), and the payments known ahead (supplier invoices, recurring costs). Money
/// is in minor units throughout; week 1 starts on the forecast's first day.
public struct LiquidityForecast: Sendable, Equatable {
    /// How many weeks a forecast covers.
    public static let weekCount = 13

    /// An open item as the forecast expects it: `open` on its due date, `daysLate` later,
    /// of which `weightPerMille` ‰ are counted.
    public struct Receivable: Sendable, Equatable {
        public var document: String
        public var customerKey: String
        public var open: Int
        public var dueDate: CalendarDate
        /// How many days after the due date the customer pays on average.
        public var daysLate: Int
        /// The share of it counted on, in per mille (1000: all of it).
        public var weightPerMille: Int

        public init(document: String, customerKey: String, open: Int, dueDate: CalendarDate, daysLate: Int, weightPerMille: Int) {
            self.document = document
            self.customerKey = customerKey
            self.open = open
            self.dueDate = dueDate
            self.daysLate = daysLate
            self.weightPerMille = weightPerMille
        }

        /// The day it is expected: the due date plus the customer's days late.
        public var expectedOn: CalendarDate { dueDate.adding(days: daysLate) }

        /// What is counted on: `open × weightPerMille / 1000`, rounded half up to the cent.
        public var expected: Int { (open * weightPerMille + 500) / 1000 }
    }

    /// A payment known ahead: a supplier's invoice, a recurring cost.
    public struct Payable: Sendable, Equatable {
        /// What it is, for the list of flows: `supplier invoice for the receipt of 2025-03-03`.
        public var text: String
        public var amount: Int
        public var dueDate: CalendarDate

        public init(text: String, amount: Int, dueDate: CalendarDate) {
            self.text = text
            self.amount = amount
            self.dueDate = dueDate
        }

        /// The supplier's invoice for goods received on `received` worth `net` (the receipt's
        /// quantity at its unit cost), with VAT at `vatPercent` added (half up to the cent),
        /// due `paymentDays` after the receipt.
        public static func supplierInvoice(text: String, received: CalendarDate, net: Int, vatPercent: Int,
                                           paymentDays: Int) -> Payable {
            Payable(text: text, amount: net + (net * vatPercent + 50) / 100, dueDate: received.adding(days: paymentDays))
        }
    }

    /// One week: its days, the balance it starts with, what comes in and goes out, and the
    /// balance it ends with.
    public struct Week: Sendable, Equatable {
        /// 1 to 13.
        public var number: Int
        public var from: CalendarDate
        public var to: CalendarDate
        public var opening: Int
        public var receipts: Int
        public var payments: Int
        public var closing: Int { opening + receipts - payments }
    }

    /// One amount the forecast counts, in the week it falls in: positive in, negative out.
    public struct Flow: Sendable, Equatable {
        public var week: Int
        public var date: CalendarDate
        public var text: String
        public var amount: Int
    }

    /// The first day of week 1.
    public var start: CalendarDate
    public var threshold: Int
    public var weeks: [Week]
    /// What each week's receipts and payments are made of, by day, then in the order given.
    public var flows: [Flow]

    /// The weeks that end below the threshold.
    public var weeksBelowThreshold: [Week] { weeks.filter { $0.closing < threshold } }

    /// The forecast from `start`, with `opening` in the bank. A receivable expected before
    /// `start` (overdue and not yet paid) is counted in week 1; a payable due before `start`
    /// is taken as paid and left out (Kontor does not see what the shop pays its suppliers);
    /// a recurring cost is paid on each of its days in the 13 weeks. What falls after the
    /// last week is left out.
    public static func make(start: CalendarDate, opening: Int, threshold: Int, receivables: [Receivable],
                            payables: [Payable], costs: [RecurringCost]) -> LiquidityForecast {
        let days = weekCount * 7
        func week(_ date: CalendarDate) -> Int? {
            let offset = max(0, date.dayNumber - start.dayNumber)
            return offset < days ? offset / 7 + 1 : nil
        }
        var flows: [Flow] = []
        for r in receivables where r.expected > 0 {
            guard let w = week(r.expectedOn) else { continue }
            flows.append(Flow(week: w, date: max(start, r.expectedOn), text: "\(r.document) (\(r.customerKey))", amount: r.expected))
        }
        for p in payables where p.amount != 0 && p.dueDate >= start {
            guard let w = week(p.dueDate) else { continue }
            flows.append(Flow(week: w, date: p.dueDate, text: p.text, amount: -p.amount))
        }
        for offset in 0..<days {
            let date = start.adding(days: offset)
            for cost in costs where cost.amount != 0 && cost.isPaid(on: date) {
                flows.append(Flow(week: offset / 7 + 1, date: date, text: cost.name, amount: -cost.amount))
            }
        }
        flows = flows.enumerated().sorted {
            ($0.element.date.dayNumber, $0.offset) < ($1.element.date.dayNumber, $1.offset)
        }.map(\.element)
        var weeks: [Week] = []
        var balance = opening
        for number in 1...weekCount {
            let these = flows.filter { $0.week == number }
            let week = Week(number: number, from: start.adding(days: (number - 1) * 7), to: start.adding(days: number * 7 - 1),
                            opening: balance, receipts: these.filter { $0.amount > 0 }.reduce(0) { $0 + $1.amount },
                            payments: these.filter { $0.amount < 0 }.reduce(0) { $0 - $1.amount })
            weeks.append(week)
            balance = week.closing
        }
        return LiquidityForecast(start: start, threshold: threshold, weeks: weeks, flows: flows)
    }
}

extension PaymentBehaviour {
    /// The days a customer pays after the due date on average, rounded half up; 0 without
    /// an invoice on terms.
    public var averageDaysLate: Int {
        daysLate.isEmpty ? 0 : (daysLate.reduce(0, +) + daysLate.count / 2) / daysLate.count
    }

    /// The share of a customer's open items a forecast counts on, in per mille: 1000 less 10
    /// for each point the risk score gives for how they paid (average days late, share paid
    /// late, dunning letters; at most 75 points, so at least 250 ‰). Exposure and the age of
    /// the relationship say nothing about whether an invoice is paid and are left out.
    public var collectionPerMille: Int { 1000 - 10 * RiskScore.of(self).behaviourPoints }
}
