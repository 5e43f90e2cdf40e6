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

    /// What the shop reported paid on an invoice together with it (an order marked
    /// `paid=true`): the debits of `accounts` under the invoice posted in the invoice's own
    /// batch and not reversed.
    public func reportedWithInvoice(shop: String, invoice: String, on accounts: [Int]) throws -> Int {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.account, SUM(l.debit) AS reported FROM journal_lines l
            JOIN journal_entries e ON e.id = l.entry_id
            JOIN invoices i ON i.shop = l.shop AND i.number = l.document AND i.batch_id = e.batch_id
            WHERE l.shop = ? AND l.document = ? AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = e.id)
            GROUP BY l.account
            """), arguments: [shop, invoice])
            .filter { accounts.contains($0["account"] as Int) }
            .reduce(0) { $0 + ($1["reported"] as Int) }
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
