import GRDB
import KontorCore

/// A module of the books (inventory, accounting, credit, logistics, orders): it owns its
/// tables, answers for them, and offers reports made from them. The pipeline lists every
/// module once, and migrates, reverses and checks a batch and writes the reports by going
/// through that list; adding a module is writing it and adding it there.
public protocol BooksModule: Sendable {
    /// The module's name, for logs and documentation: `inventory`.
    var name: String { get }

    /// Registers the module's migrations in order. Identifiers are never changed once released.
    func registerMigrations(in migrator: inout DatabaseMigrator)

    /// Reverses what `batch` booked in the module's tables with entries booked to
    /// `reversal` and dated `date`, in the caller's transaction. Nothing is deleted.
    func reverse(batch: Int64, by reversal: Int64, on date: CalendarDate, in db: Database) throws

    /// The applied batches after `batch` whose rows in the module's tables build on what
    /// `batch` booked (a payment against its invoice, say), so that `batch` cannot be
    /// reversed alone.
    func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64]

    /// The reports the module offers, made from its tables.
    var reports: [Report] { get }
}

extension BooksModule {
    /// A module whose rows never refer to an earlier batch's: no batch builds on another.
    public func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64] { [] }

    /// A module that offers no report.
    public var reports: [Report] { [] }
}
