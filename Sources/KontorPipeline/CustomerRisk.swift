import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorOrders

/// A customer with what the credit check weighs and their risk score: what `kontor
/// customers` lists and `credit/risk.csv` writes. Reads every invoice on payment terms of
/// the shops: made when asked for, never after a run.
struct CustomerRisk: Sendable {
    var listing: CreditBook.Listing
    /// Open receivables and orders on account or cash on delivery that passed the credit
    /// check but wait for goods, not yet invoiced.
    var exposure: Int
    /// The customer's limit, else the shop's default limit.
    var limit: Int
    var risk: RiskScore

    /// The customers of `shop` (or of every shop) as of `today`; `defaultLimit` gives a
    /// shop's limit for customers without their own, business or consumer.
    static func all(shop: String?, today: CalendarDate, defaultLimit: (_ shop: String, _ business: Bool) -> Int, in db: Database) throws -> [CustomerRisk] {
        let exposures = try Ledger.exposures(shop: shop, in: db)
        let committed = try OrderBook.committed(shop: shop, in: db)
        let listings = try CreditBook.customers(shop: shop, in: db)
        var invoices: [String: [String: [Ledger.TermsInvoice]]] = [:]
        var dunned: [String: [String: Int]] = [:]
        for s in Set(listings.map(\.shop)) {
            invoices[s] = Dictionary(grouping: try Ledger(db).termsInvoices(shop: s), by: \.customerKey)
            dunned[s] = try DunningBook(db).dunningCounts(shop: s)
        }
        return listings.map {
            let exposure = (exposures[$0.shop]?[$0.customerID] ?? 0) + (committed[$0.shop]?[$0.customerID] ?? 0)
            let limit = $0.creditLimit ?? defaultLimit($0.shop, $0.business)
            let behaviour = Self.behaviour(invoices[$0.shop]?[$0.customerID] ?? [], dunningLetters: dunned[$0.shop]?[$0.customerID] ?? 0,
                                           exposure: exposure, limit: limit, today: today)
            return CustomerRisk(listing: $0, exposure: exposure, limit: limit, risk: RiskScore.of(behaviour))
        }
    }

    /// How a customer paid as of `today`, from their invoices on payment terms (oldest first):
    /// the days late of those settled or overdue, the last year's purchases on terms.
    static func behaviour(_ own: [Ledger.TermsInvoice], dunningLetters: Int, exposure: Int, limit: Int,
                          today: CalendarDate) -> PaymentBehaviour {
        PaymentBehaviour(
            daysLate: own.filter { $0.settledOn != nil || $0.dueDate < today }.map { $0.daysLate(today: today) },
            dunningLetters: dunningLetters, exposure: exposure, limit: limit,
            relationshipDays: own.first.map { today.dayNumber - $0.date.dayNumber },
            invoicedLastYear: own.filter { today.dayNumber - $0.date.dayNumber < 365 }.reduce(0) { $0 + $1.gross })
    }
}
