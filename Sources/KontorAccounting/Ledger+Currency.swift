import KontorCore

extension Ledger {
    /// Posts the exchange difference of a payment in another currency: the euros received
    /// (`difference` > 0, a gain) beyond what the receivable it cleared was booked at go from
    /// `account` (the bank or clearing account the money is on) to 2660; euros missing
    /// (`difference` < 0, a loss) go from 2150 to `account`. Nothing is posted for 0.
    public func postExchangeDifference(shop: String, document: String, difference: Int, currency: String, date: CalendarDate,
                                       account: LedgerAccount, batch: Int64) throws {
        guard difference != 0 else { return }
        let amount = abs(difference)
        let text = "Kursdifferenz \(currency) zu \(document)"
        let lines: [Posting] = difference > 0
            ? [.debit(account, amount, document: document), .credit(ChartOfAccounts.exchangeGains, amount, document: document)]
            : [.debit(ChartOfAccounts.exchangeLosses, amount, document: document), .credit(account, amount, document: document)]
        try post(shop: shop, date: date, document: document, text: text, lines: lines, batch: batch)
    }
}
