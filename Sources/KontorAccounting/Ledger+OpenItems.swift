import GRDB
import KontorCore

extension Ledger {
    /// The invoices of `shop` dated on or before `date` with money owed on them as of that
    /// day: the lines on receivables (1400) of entries dated up to `date`, under the invoice
    /// and under the corrections that cite it. Entries taken back by a reversal count as never
    /// booked (the reversal is dated the day it was made, later than what it takes back);
    /// reversed invoices are left out. By customer, due date and number.
    public func openItems(shop: String, asOf date: CalendarDate) throws -> [OpenItem] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.number, i.customer_key, i.date, i.due_date, i.gross,
                   (SELECT coalesce(SUM(l.debit - l.credit), 0) FROM journal_lines l
                    JOIN journal_entries e ON e.id = l.entry_id
                    WHERE l.shop = i.shop AND l.document = i.number AND l.account = \(ChartOfAccounts.receivables.number)
                      AND e.date <= ?2 AND e.reverses IS NULL
                      AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = e.id))
                 + (SELECT coalesce(SUM(l.debit - l.credit), 0) FROM invoices c CROSS JOIN journal_lines l
                    ON l.shop = c.shop AND l.document = c.number
                    JOIN journal_entries e ON e.id = l.entry_id
                    WHERE c.shop = i.shop AND c.refers_to = i.number AND c.kind = 'credit_note'
                      AND l.account = \(ChartOfAccounts.receivables.number) AND e.date <= ?2 AND e.reverses IS NULL
                      AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = e.id)) AS open
            FROM invoices i
            WHERE i.shop = ?1 AND i.kind = 'invoice' AND i.date <= ?2
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = i.entry_id)
            ORDER BY i.customer_key, i.due_date, i.number
            """), arguments: [shop, date.description]).compactMap { row in
            let open: Int = row["open"]
            guard open > 0, let invoiced = CalendarDate(parsing: row["date"]), let due = CalendarDate(parsing: row["due_date"]) else {
                return nil
            }
            return OpenItem(document: row["number"], customerKey: row["customer_key"], date: invoiced, dueDate: due,
                            gross: row["gross"], open: open)
        }
    }

    /// What `shop` invoiced from `from` through `through`, corrections taken off, in total
    /// and per customer: the sales that days sales outstanding are measured against.
    public func sales(shop: String, from: CalendarDate, through: CalendarDate) throws -> [String: Int] {
        var sales: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.customer_key, SUM(i.gross) AS gross FROM invoices i
            WHERE i.shop = ? AND i.date BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = i.entry_id)
            GROUP BY i.customer_key
            """), arguments: [shop, from.description, through.description]) {
            sales[row["customer_key"], default: 0] += row["gross"] as Int
        }
        return sales
    }

    /// Posts what a dunning letter charges on an invoice to the customer's receivable under
    /// the invoice's number: the fee and the flat fee (§ 288 Abs. 5 BGB) to `feeAccount`,
    /// the default interest to `interestAccount`; none of them bears VAT (they are damages,
    /// not a supply). Nothing is posted when all three are zero.
    public func postDunningCharges(shop: String, document: String, customerKey: String, date: CalendarDate,
                                   fee: Int, interest: Int, flatFee: Int, feeAccount: Int,
                                   interestAccount: Int, text: String, batch: Int64) throws {
        let total = fee + interest + flatFee
        guard total > 0 else { return }
        let feeAccount = LedgerAccount(number: feeAccount, name: ChartOfAccounts.dunningAccountName(feeAccount, else: "Mahngebühren"))
        let interestAccount = LedgerAccount(number: interestAccount,
                                            name: ChartOfAccounts.dunningAccountName(interestAccount, else: "Verzugszinsen"))
        try post(shop: shop, date: date, document: document, text: text, lines: [
            .debit(ChartOfAccounts.receivables, total, document: document, customer: customerKey),
            .credit(feeAccount, fee + flatFee, document: document),
            .credit(interestAccount, interest, document: document),
        ], batch: batch)
    }
}

extension ChartOfAccounts {
    /// The SKR03 name of the default accounts of dunning (2650 Sonstige Zinsen und ähnliche
    /// Erträge, 2700 Sonstige Erträge), else `name`, for an account the settings chose.
    static func dunningAccountName(_ number: Int, else name: String) -> String {
        switch number {
        case 2650: "Sonstige Zinsen und ähnliche Erträge"
        case 2700: "Sonstige Erträge"
        default: name
        }
    }
}
