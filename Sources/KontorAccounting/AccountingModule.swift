import GRDB
import KontorCore
import KontorStore

/// Accounting as a module of the books: the journal, invoices and credit notes, open items.
public struct AccountingModule: BooksModule {
    /// The module.
    public init() {}

    /// `accounting`.
    public var name: String { "accounting" }

    /// Accounting's migrations.
    public func registerMigrations(in migrator: inout DatabaseMigrator) {
        AccountingMigrations.register(in: &migrator)
    }

    /// A mirrored entry for every entry of the batch, dated `date`, and the refunds it recorded taken back.
    public func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws {
        try Ledger(db).reverse(batch: batch, by: reversal, date: date)
        try Ledger(db).reverseRefunds(batch: batch, by: reversal)
        try Ledger(db).reverseCloses(batch: batch, by: reversal)
    }

    /// The applied batches after `batch` that posted against the invoices it issued.
    public func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT e.batch_id FROM journal_lines l
            JOIN journal_entries e ON e.id = l.entry_id
            JOIN invoices i ON i.shop = l.shop AND i.number = l.document AND i.batch_id = ?1
            JOIN batches b ON b.id = e.batch_id AND b.status = 'applied'
            WHERE e.batch_id != ?1
            ORDER BY 1
            """, arguments: [batch])
    }

    /// `journal.csv`, `orders/refunds.csv`, `credit/aging.csv`, and for a period the trial
    /// balance, the VAT return's figures and the profit and loss in `accounting/`.
    public var reports: [Report] { [JournalReport.report, RefundsReport.report, AgingReport.report] + AccountantReports.reports }
}
