import KontorAccounting
import KontorCore
import KontorCredit

extension BatchContext {
    /// Issues the dunning plan of this batch's shop for `date`: records each invoice's notice
    /// and posts what it charges.
    func dun(on date: CalendarDate, terms: DunningTerms, rates: BaseRateTable) throws {
        let plan = try DunningPlan.make(shop: shop, date: date, terms: terms, rates: rates, in: db)
        let book = DunningBook(db)
        for entry in plan.entries {
            let n = entry.notice
            try book.record(n, shop: shop, batch: batch)
            try ledger.postDunningCharges(shop: shop, document: n.document, customerKey: n.customerKey, date: date,
                                          fee: n.fee, interest: n.interest, flatFee: n.flatFee, feeAccount: terms.feeAccount,
                                          interestAccount: terms.interestAccount, text: "\(n.title) zu Rechnung \(n.document)",
                                          batch: batch)
        }
    }
}
