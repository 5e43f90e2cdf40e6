import KontorCore
import KontorCredit
import KontorOutput
import KontorStore

/// `credit/risk.csv`: per customer, the limit the credit check applies, what they owe and
/// are committed to, whether orders of theirs are held, the risk score with the points of
/// each factor and why, and the limit it suggests (as `kontor customers --explain` shows
/// them). As of today, or of the day given (`--to`, `--date`). Made on demand: it reads every
/// invoice on payment terms.
enum RiskReport {
    static let columns = ["customer", "name", "credit_limit", "exposure", "on_hold", "held_amount", "risk_score",
                          "suggested_limit", "days_late_points", "paid_late_points", "dunning_points", "exposure_points",
                          "relationship_points", "factors"]

    /// The report, with the shop's default limit from `settings` for customers without their own.
    static func report(settings: Settings) -> Report {
        Report(name: "risk", title: "Credit risk per customer: limit, exposure, holds, risk score and its factors, suggested limit",
               takesPeriod: true) { shop, period, db in
            var w = CSVWriter(header: columns)
            for c in try CustomerRisk.all(shop: shop, today: period?.to ?? .today,
                                          defaultLimit: { settings.shop($0).defaultLimit(business: $1) }, in: db) {
                w.appendRow([.text(c.listing.customerID), .text(c.listing.name), .number(Money.decimalString(c.limit)),
                             .number(Money.decimalString(c.exposure)), .text(c.listing.heldOrders > 0 ? "true" : "false"),
                             .number(Money.decimalString(c.listing.heldAmount)), .number(String(c.risk.score)),
                             .number(c.risk.suggestedLimit.map { Money.decimalString($0) } ?? "")]
                             + c.risk.factors.map { .number(String($0.points)) }
                             + [.text(c.risk.factors.map(\.description).joined(separator: "; "))])
            }
            return ReportFile(path: "credit/risk.csv", bytes: w.bytes)
        }.onDemand().asOfDay()
    }
}
