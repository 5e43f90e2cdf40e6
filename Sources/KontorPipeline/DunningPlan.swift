import GRDB
import KontorAccounting
import KontorCore
import KontorCredit

/// What a dunning run on a day issues for a shop: for each overdue open invoice that is not
/// stopped (by the customers file or `kontor dunning --stop`) and owes more than the
/// charges of earlier letters, the level
/// `DunningDecision` gives, with the fee, default interest and flat fee it charges.
/// Read from the books; the same books and day give the same plan.
struct DunningPlan {
    /// One invoice to dun.
    struct Entry {
        var item: OpenItem
        var notice: DunningNotice
        var business: Bool
    }

    var entries: [Entry] = []

    /// The plan of `shop` for `date`.
    static func make(shop: String, date: CalendarDate, terms: DunningTerms, rates: BaseRateTable,
                     in db: Database) throws -> DunningPlan {
        let book = DunningBook(db)
        var plan = DunningPlan()
        var debtors: [String: DunningBook.Debtor?] = [:]
        for item in try Ledger(db).openItems(shop: shop, asOf: date) where item.dueDate < date {
            let debtor: DunningBook.Debtor?
            if let known = debtors[item.customerKey] {
                debtor = known
            } else {
                debtor = try book.debtor(shop: shop, id: item.customerKey)
                debtors[item.customerKey] = debtor
            }
            if debtor?.stopped == true { continue }
            if try book.isStopped(shop: shop, document: item.document) { continue }
            let history = try book.history(shop: shop, document: item.document)
            // What is open beyond the charges of earlier letters; charges left open alone are
            // not dunned further (they stay in the open item and the aging list).
            let principal = item.open - history.charged
            guard principal > 0 else { continue }
            guard let index = DunningDecision.level(due: item.dueDate, on: date, last: history.last, levels: terms.levels) else {
                continue
            }
            let level = terms.levels[index]
            let business = debtor?.isBusiness ?? false
            var interest = DefaultInterest.Charge(amount: 0, spans: [])
            var from: CalendarDate?
            if terms.interest && level.chargesInterest {
                let start = max(item.dueDate.adding(days: 1), history.interestThrough?.adding(days: 1) ?? item.dueDate)
                do {
                    interest = try DefaultInterest.charge(on: principal, from: start, through: date, business: business, rates: rates)
                } catch let missing as DefaultInterest.MissingRate {
                    throw CommandRefused("dunning.no-base-rate",
                                         "no base rate is known for \(missing.day) (invoice \(item.document)); add it to [kontor.base_rates] in kontor.toml",
                                         de: "Für den \(missing.day) ist kein Basiszinssatz bekannt (Rechnung \(item.document)); bitte in [kontor.base_rates] in kontor.toml eintragen")
                }
                if !interest.spans.isEmpty { from = start }
            }
            let flatFee = business && level.chargesInterest && !history.flatFeeCharged ? terms.flatFee : 0
            plan.entries.append(Entry(item: item, notice: DunningNotice(
                document: item.document, customerKey: item.customerKey, level: index, title: level.title, date: date,
                deadline: date.adding(days: level.graceDays), principal: principal, fee: level.fee, interest: interest.amount,
                interestFrom: from, interestThrough: from == nil ? nil : date, flatFee: flatFee), business: business))
        }
        return plan
    }
}
