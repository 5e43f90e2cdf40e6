import GRDB
import KontorCore

extension Ledger {
    /// One invoice on payment terms as the risk score reads it.
    public struct TermsInvoice: Sendable, Equatable {
        public var customerKey: String
        public var date: CalendarDate
        public var dueDate: CalendarDate
        public var gross: Int
        /// The day the last payment settled it; nil while something is open.
        public var settledOn: CalendarDate?

        /// Days paid after the due date (0 on time), or days overdue on `today` while open.
        public func daysLate(today: CalendarDate) -> Int {
            max(0, (settledOn ?? today).dayNumber - dueDate.dayNumber)
        }
    }

    /// The invoices of `shop` issued on payment terms (due after their date), with the day
    /// each was settled. Reads every such invoice: for the risk report and `kontor
    /// customers`, not for a run.
    public func termsInvoices(shop: String) throws -> [TermsInvoice] {
        try Row.fetchAll(db, sql: """
            SELECT i.customer_key, i.date, i.due_date, i.gross,
                   (SELECT SUM(l.debit - l.credit) FROM journal_lines l WHERE l.shop = i.shop AND l.document = i.number AND l.account = ?2),
                   (SELECT max(e.date) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                    WHERE l.shop = i.shop AND l.document = i.number AND l.account = ?2 AND l.credit > 0)
            FROM invoices i WHERE i.shop = ?1 AND i.kind = 'invoice' AND i.due_date > i.date
            ORDER BY i.date
            """, arguments: [shop, ChartOfAccounts.receivables.number]).compactMap { row in
            guard let date = CalendarDate(parsing: row[1]), let due = CalendarDate(parsing: row[2]) else { return nil }
            let open: Int = row[4] ?? 0
            return TermsInvoice(customerKey: row[0], date: date, dueDate: due, gross: row[3],
                                settledOn: open <= 0 ? (row[5] as String?).flatMap(CalendarDate.init(parsing:)) : nil)
        }
    }
}
