import GRDB
import KontorCore

/// Payouts of payment providers: one transfer that settles what many orders left in
/// transit, less the provider's fees.
extension Ledger {
    /// The text every payout's entry starts with.
    static let payoutText = "Auszahlung"

    /// Whether a payout with this id was booked and not reversed.
    public func payoutBooked(shop: String, id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE l.shop = ? AND l.document = ? AND e.reverses IS NULL AND e.text LIKE ? || ' %'
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = e.id)
            LIMIT 1
            """), arguments: [shop, id, Self.payoutText]) ?? false
    }

    /// Money received under `document` that waits on the suspense account (1590) for a
    /// person to assign: a bank line that came before the payout report it belongs to.
    public func parked(shop: String, document: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(SUM(credit - debit), 0) FROM journal_lines WHERE shop = ? AND document = ? AND account = ?
            """), arguments: [shop, document, ChartOfAccounts.suspense.number]) ?? 0
    }

    /// Posts a payout: the fees to 4970, the net as the payout's own item on the clearing
    /// account (document: the payout id) until the bank line brings it (or against the
    /// suspense account, where that bank line came first), against `orders`: the lines that
    /// take each covered order's money off the clearing account or its receivable.
    public func postPayout(shop: String, id: String, date: CalendarDate, clearing: LedgerAccount, fees: Int, net: Int,
                           orders: [Posting], batch: Int64) throws {
        let parked = min(max(0, try parked(shop: shop, document: id)), max(0, net))
        try post(shop: shop, date: date, document: id, text: "\(Self.payoutText) \(id)", lines: [
            .debit(clearing, net - parked, document: id),
            .debit(ChartOfAccounts.suspense, parked, document: id),
            .debit(ChartOfAccounts.bankFees, fees, document: id),
        ] + orders, batch: batch)
    }
}
