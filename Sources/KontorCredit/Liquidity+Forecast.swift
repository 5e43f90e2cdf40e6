import GRDB
import KontorCore

extension Liquidity {
    /// The latest closing balance of each account of `shop` in `currency` dated on or before
    /// `date`, through the index of balances by account: where a liquidity forecast as of
    /// `date` starts.
    public static func balances(shop: String, currency: String = "EUR", asOf date: CalendarDate,
                                in db: Database) throws -> [StatementBalance] {
        try Row.fetchAll(db, sql: """
            SELECT account, date, amount, currency FROM bank_balances b
            WHERE shop = ?1 AND currency = ?2 AND reverted = 0 AND date <= ?3 AND id = (
                SELECT id FROM bank_balances x WHERE x.shop = ?1 AND x.account = b.account AND x.reverted = 0
                  AND x.currency = ?2 AND x.date <= ?3
                ORDER BY date DESC, id DESC LIMIT 1)
            ORDER BY account
            """, arguments: [shop, currency, date.description]).compactMap { row in
            CalendarDate(parsing: row["date"]).map {
                StatementBalance(account: row["account"], date: $0, amount: row["amount"], currency: row["currency"],
                                 location: SourceLocation(file: "kontor.sqlite"))
            }
        }
    }
}
