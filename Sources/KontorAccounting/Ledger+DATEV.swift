import GRDB
import KontorCore

/// What the DATEV export reads from the journal.
extension Ledger {
    /// The journal entries of `shop` dated `from` to `to`, in posting order, with their lines.
    /// Entries are found through the index of a shop's entries by date.
    public static func datevEntries(shop: String, from: CalendarDate, to: CalendarDate, in db: Database) throws -> [DATEVEntry] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.id, e.date, e.document, e.text, l.account, l.debit, l.credit, l.customer_key
            FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
            WHERE e.shop = ? AND e.date BETWEEN ? AND ? ORDER BY e.id, l.id
            """, arguments: [shop, from.description, to.description])
        var entries: [DATEVEntry] = []
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let line = DATEVEntry.Line(account: row["account"], debit: row["debit"], credit: row["credit"],
                                       customerKey: row["customer_key"])
            if entries.last?.id == id {
                entries[entries.count - 1].lines.append(line)
            } else {
                let date = CalendarDate(parsing: row["date"]) ?? from
                entries.append(DATEVEntry(id: id, date: date, document: row["document"], text: row["text"], lines: [line]))
            }
        }
        return entries
    }

    /// The months (year, month) that entries of `shop` posted after entry `cursor` are dated
    /// in, ascending, and the id of the last such entry (`cursor` when there is none).
    public static func datevMonths(shop: String, after cursor: Int64, in db: Database) throws -> (months: [(year: Int, month: Int)], last: Int64) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT substr(date, 1, 7) AS month, MAX(id) AS last FROM journal_entries NOT INDEXED WHERE id > ? AND shop = ?
            GROUP BY substr(date, 1, 7) ORDER BY 1
            """, arguments: [cursor, shop])
        let months = rows.compactMap { row -> (year: Int, month: Int)? in
            let text: String = row["month"]
            guard let date = CalendarDate(parsing: text + "-01") else { return nil }
            return (date.year, date.month)
        }
        return (months, rows.map { $0["last"] as Int64 }.max() ?? cursor)
    }

    /// Every customer of `shop` with a line on the receivables account, in the order of
    /// their first such line: the order per-customer debtor numbers are given in, which
    /// never changes, since lines are only added.
    public static func datevCustomers(shop: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT customer_key FROM journal_lines
            WHERE shop = ? AND account = ? AND customer_key IS NOT NULL
            GROUP BY customer_key ORDER BY MIN(id)
            """, arguments: [shop, ChartOfAccounts.receivables.number])
    }

    /// When the latest of the batches that posted `entries` came in (`2025-03-11T09:30:00Z`):
    /// the time a DATEV file of those entries gives as made at, so that the same entries
    /// always give the same file.
    public static func datevMadeAt(entries: [Int64], in db: Database) throws -> String? {
        guard !entries.isEmpty else { return nil }
        let ids = entries.map(String.init).joined(separator: ",")
        return try String.fetchOne(db, sql: """
            SELECT MAX(b.received_at) FROM journal_entries e JOIN batches b ON b.id = e.batch_id WHERE e.id IN (\(ids))
            """)
    }
}
