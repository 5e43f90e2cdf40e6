import KontorCore

/// How a customer paid, as the credit risk score weighs it.
public struct PaymentBehaviour: Sendable, Equatable {
    /// Per invoice on payment terms: days it was paid after its due date (0 when on time),
    /// or, still open, the days it is overdue now.
    public var daysLate: [Int]
    /// Dunning letters (first dunning and above) the customer received, not taken back.
    public var dunningLetters: Int
    /// What the customer owes and is committed to now, and their limit.
    public var exposure: Int
    public var limit: Int
    /// Days since the customer's first invoice; nil without any.
    public var relationshipDays: Int?
    /// What was invoiced to the customer on payment terms in the last 365 days.
    public var invoicedLastYear: Int

    public init(daysLate: [Int], dunningLetters: Int, exposure: Int, limit: Int, relationshipDays: Int?, invoicedLastYear: Int) {
        self.daysLate = daysLate
        self.dunningLetters = dunningLetters
        self.exposure = exposure
        self.limit = limit
        self.relationshipDays = relationshipDays
        self.invoicedLastYear = invoicedLastYear
    }
}

/// A customer's credit risk, 0 (none seen) to 100, with the points of each factor and why,
/// and the limit it suggests.
public struct RiskScore: Sendable, Equatable {
    /// One factor: its points and the figure behind them.
    public struct Factor: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var points: Int
        public var maximum: Int
        public var figure: String
        public var description: String { "\(name): \(figure) → \(points)/\(maximum)" }
    }

    public var score: Int
    public var factors: [Factor]
    /// Two months of what the customer bought on terms over the last year, scaled down by
    /// the score, in steps of 50.00; nil without a year's history to go by.
    public var suggestedLimit: Int?

    /// The points for how the customer paid: average days late, share paid late and
    /// dunning letters (0 to 75), without exposure and relationship.
    public var behaviourPoints: Int {
        factors.filter { ["average days late", "share paid late", "dunning letters"].contains($0.name) }.reduce(0) { $0 + $1.points }
    }

    /// Scores `b`: average days late (up to 35 points at 30 days), the share of invoices
    /// paid late (20 at all of them), dunning letters (5 each, up to 20), exposure against
    /// the limit (15 at the limit or over it, or any exposure without a limit), a new
    /// relationship (10 under 90 days or none, 5 under a year).
    public static func of(_ b: PaymentBehaviour) -> RiskScore {
        var factors: [Factor] = []
        let count = b.daysLate.count
        let totalLate = b.daysLate.reduce(0, +)
        let late = b.daysLate.filter { $0 > 0 }.count
        // Average days late in tenths, and its points: proportional up to 30 days.
        let averageTenths = count == 0 ? 0 : (totalLate * 10 + count / 2) / count
        factors.append(Factor(name: "average days late", points: min(35, (min(averageTenths, 300) * 35 + 150) / 300), maximum: 35,
                              figure: count == 0 ? "no invoice on terms yet" : "\(averageTenths / 10).\(averageTenths % 10) days over \(count) invoice(s)"))
        factors.append(Factor(name: "share paid late", points: count == 0 ? 0 : (late * 20 + count / 2) / count, maximum: 20,
                              figure: "\(late) of \(count)"))
        factors.append(Factor(name: "dunning letters", points: min(20, b.dunningLetters * 5), maximum: 20,
                              figure: "\(b.dunningLetters)"))
        let exposurePoints = b.limit > 0 ? (min(b.exposure, b.limit) * 15 + b.limit / 2) / b.limit : (b.exposure > 0 ? 15 : 0)
        factors.append(Factor(name: "exposure against limit", points: max(0, exposurePoints), maximum: 15,
                              figure: "\(Money.decimalString(b.exposure)) of \(b.limit > 0 ? Money.decimalString(b.limit) : "no limit")"))
        let relationshipPoints = b.relationshipDays.map { $0 < 90 ? 10 : $0 < 365 ? 5 : 0 } ?? 10
        factors.append(Factor(name: "relationship", points: relationshipPoints, maximum: 10,
                              figure: b.relationshipDays.map { "\($0) days" } ?? "no invoice yet"))
        let score = min(100, factors.reduce(0) { $0 + $1.points })
        var suggested: Int?
        if (b.relationshipDays ?? 0) >= 365, b.invoicedLastYear > 0 {
            let twoMonths = b.invoicedLastYear * 2 / 12
            suggested = (twoMonths * (100 - score) / 100) / 5_000 * 5_000
        }
        return RiskScore(score: score, factors: factors, suggestedLimit: suggested)
    }
}
