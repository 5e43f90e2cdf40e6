import GRDB
import KontorCore
import KontorStore

/// One account of the trial balance.
public struct TrialBalanceLine: Sendable, Equatable {
    public var shop: String
    public var account: Int
    public var name: String
    public var debit: Int
    public var credit: Int
    /// Debit less credit.
    public var balance: Int { debit - credit }
}

/// One line of the journal, as the accountant reads it.
public struct JournalLine: Sendable, Equatable {
    public var shop: String
    public var entry: Int64
    public var date: String
    public var document: String
    public var text: String
    public var account: Int
    public var debit: Int
    public var credit: Int
    public var batch: Int64
}

extension Ledger {
    /// The trial balance: debit and credit totals per shop and account.
    public static func trialBalance(shop: String? = nil, in db: Database) throws -> [TrialBalanceLine] {
        try Row.fetchAll(db, sql: """
            SELECT l.shop, l.account, a.name, SUM(l.debit) AS debit, SUM(l.credit) AS credit
            FROM journal_lines l JOIN accounts a ON a.account = l.account
            WHERE ?1 IS NULL OR l.shop = ?1
            GROUP BY l.shop, l.account ORDER BY l.shop, l.account
            """, arguments: [shop]).map {
            TrialBalanceLine(shop: $0["shop"], account: $0["account"], name: $0["name"], debit: $0["debit"], credit: $0["credit"])
        }
    }

    /// Hands every journal line of a shop whose entry comes after `entry` to `body`, in
    /// posting order, one at a time (the journal is never held in memory whole). The entries
    /// are read from `entry` on by number (`NOT INDEXED`): through the index by shop and date
    /// SQLite would read every entry of the shop to find the new ones.
    public static func forEachJournalLine(shop: String, after entry: Int64, in db: Database,
                                          _ body: (JournalLine) throws -> Void) throws {
        try db.makeStatement(sql: """
            SELECT e.shop, e.id, e.date, e.document, e.text, l.account, l.debit, l.credit, e.batch_id
            FROM journal_entries e NOT INDEXED JOIN journal_lines l ON l.entry_id = e.id
            WHERE e.id > ? AND e.shop = ? ORDER BY e.id, l.id
            """).forEach(entry, shop) { row in
            try body(JournalLine(shop: row.text(0), entry: Int64(row.int(1)), date: row.text(2), document: row.text(3),
                                 text: row.text(4), account: row.int(5), debit: row.int(6), credit: row.int(7),
                                 batch: Int64(row.int(8))))
        }
    }

    /// Open receivables per customer of a shop, from the running figures.
    public static func exposures(shop: String? = nil, in db: Database) throws -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT shop, customer_key, open FROM customer_balances WHERE ?1 IS NULL OR shop = ?1
            """, arguments: [shop]) {
            result[row["shop"], default: [:]][row["customer_key"]] = row["open"]
        }
        return result
    }
}

extension Ledger {
    /// Hands the invoices (`kind` "invoice") or invoice corrections ("credit_note") a batch
    /// posted to `body` in the order they were posted, one at a time: number, order, gross,
    /// and the invoice a correction corrects.
    public static func forEachDocument(batch: Int64, kind: String, in db: Database,
                                       _ body: (_ number: String, _ order: String, _ gross: Int, _ corrects: String?) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT number, order_number, gross, refers_to FROM invoices WHERE batch_id = ? AND kind = ? ORDER BY entry_id
            """, arguments: [batch, kind])
        while let row = try rows.next() { try body(row["number"], row["order_number"], row["gross"], row["refers_to"]) }
    }
}
