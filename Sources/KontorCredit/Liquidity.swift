import GRDB
import KontorCore

/// The shop's bank accounts as statements show them: movements and closing balances, the
/// ground of a liquidity forecast. In the caller's transaction.
public struct Liquidity {
    private let db: Database

    public init(_ db: Database) { self.db = db }

    /// Records a bank movement that is not a matched customer payment.
    public func record(_ t: BankTransaction, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO bank_transactions (shop, account, date, amount, currency, counterparty, text, reference, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, t.account, t.date.description, t.amount, t.currency, t.counterparty, t.text,
                                     t.reference, batch])
    }

    /// Keeps a statement's closing balance.
    public func record(_ b: StatementBalance, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO bank_balances (shop, account, date, amount, currency, batch_id) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, b.account, b.date.description, b.amount, b.currency, batch])
    }

    /// The latest closing balance of each account of a shop.
    public func latestBalances(shop: String) throws -> [StatementBalance] {
        try Row.fetchAll(db, sql: """
            SELECT account, date, amount, currency FROM bank_balances b
            WHERE shop = ?1 AND reverted = 0 AND id = (
                SELECT id FROM bank_balances x WHERE x.shop = ?1 AND x.account = b.account AND x.reverted = 0
                ORDER BY date DESC, id DESC LIMIT 1)
            ORDER BY account
            """, arguments: [shop]).compactMap { row in
            CalendarDate(parsing: row["date"]).map {
                StatementBalance(account: row["account"], date: $0, amount: row["amount"], currency: row["currency"],
                                 location: SourceLocation(file: "kontor.sqlite"))
            }
        }
    }

    /// Undoes what `batch` recorded, booked to `reversal`.
    public func reverse(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: """
            INSERT INTO bank_transactions (shop, account, date, amount, currency, counterparty, text, reference, batch_id, reverses)
            SELECT shop, account, date, -amount, currency, counterparty, 'Storno: ' || coalesce(text, ''), reference, ?, id
            FROM bank_transactions WHERE batch_id = ? AND reverses IS NULL
            """, arguments: [reversal, batch])
        try db.execute(sql: "UPDATE bank_balances SET reverted = 1 WHERE batch_id = ?", arguments: [batch])
    }
}
