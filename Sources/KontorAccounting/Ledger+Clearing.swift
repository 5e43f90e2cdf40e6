import GRDB
import KontorCore

/// Money on its way: what a shop or payment provider reported waits on a clearing account,
/// per document, until the bank statement line or the provider's payout clears it.
extension Ledger {
    /// What waits on each of `accounts` for a document (an invoice number or a payout id):
    /// the accounts that hold money for it, with the amount, largest first.
    public func inTransit(shop: String, document: String, on accounts: [Int]) throws -> [(account: Int, amount: Int)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT account, SUM(debit - credit) AS open FROM journal_lines WHERE shop = ? AND document = ? GROUP BY account
            """), arguments: [shop, document])
            .map { (account: $0["account"] as Int, amount: $0["open"] as Int) }
            .filter { accounts.contains($0.account) && $0.amount > 0 }
            .sorted { ($0.amount, -$0.account) > ($1.amount, -$1.account) }
    }

    /// Posts money the bank brought for money in transit: the bank against the clearing
    /// account, on the document it waited for.
    public func postClearing(shop: String, document: String, amount: Int, from account: Int, date: CalendarDate,
                             text: String, batch: Int64) throws {
        try post(shop: shop, date: date, document: document, text: text, lines: [
            .debit(ChartOfAccounts.bank, amount, document: document),
            .credit(LedgerAccount(number: account, name: ""), amount, document: document),
        ], batch: batch)
    }
}
