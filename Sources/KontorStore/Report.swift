import GRDB

/// A report a module offers: made from the books for one shop, optionally for a period,
/// after the transaction that changed them. The pipeline writes the reports of every
/// module after each run for the shops it touched (except those made only on demand);
/// `kontor report NAME` writes one on demand.
public struct Report: Sendable {
    /// The name people ask for it by: `stock`.
    public var name: String
    /// What it is, in a few words: `Stock list: on hand, reserved, available`.
    public var title: String
    /// Whether it can be limited to a period (`--from`, `--to`).
    public var takesPeriod: Bool
    /// Makes the report of `shop` (for `period`, if given) from the books.
    public var produce: @Sendable (_ shop: String, _ period: ReportPeriod?, _ db: Database) throws -> ReportFile
    /// For a report that only grows at its end: how the pipeline appends to it after a run
    /// instead of making it anew. Nil for a report that is made anew (a stock list).
    public var growth: ReportGrowth?
    /// For a report kept as files per month (the DATEV export): how they are written. Nil
    /// for a report of one file.
    public var months: ReportMonths?
    /// For a report of documents made for what a run added (shipping labels): how they are
    /// written. Nil for a report of one file.
    public var documents: ReportDocuments?
    /// For a report of several files made together (a table and its chart), with warnings
    /// for the person who asked: how they are made. Nil for a report of one file.
    public var several: (@Sendable (_ shop: String, _ period: ReportPeriod?, _ db: Database) throws -> ReportFiles)?
    /// Whether the pipeline writes it after every run. A report whose making reads a share
    /// of the books that grows with them (all invoices, a whole month of entries) is made
    /// only when asked for (`kontor report NAME`, or the command it belongs to), so that a
    /// run's cost stays what the run added.
    public var afterEveryRun = true
    /// Whether it is made as of one day, the period's last (a valuation): `--to` alone asks
    /// for it, and `--from` is accepted but changes nothing.
    public var asOf = false

    /// The report, made only when asked for.
    public func onDemand() -> Report {
        var report = self
        report.afterEveryRun = false
        return report
    }

    /// The report, made as of the last day of its period.
    public func asOfDay() -> Report {
        var report = self
        report.asOf = true
        return report
    }

    /// A report named `name`.
    public init(name: String, title: String, takesPeriod: Bool = false, growth: ReportGrowth? = nil,
                produce: @escaping @Sendable (_ shop: String, _ period: ReportPeriod?, _ db: Database) throws -> ReportFile) {
        self.name = name
        self.title = title
        self.takesPeriod = takesPeriod
        self.growth = growth
        self.produce = produce
    }

    /// A report kept as files per month: `kontor report NAME --from --to` writes the files
    /// of each month of the period, a run those of the months its entries are dated in.
    /// `produce` gives the first file of a period.
    public init(name: String, title: String, months: ReportMonths) {
        self.init(name: name, title: title, takesPeriod: true) { shop, period, db in
            guard let period else { throw ReportMonths.NeedsPeriod() }
            guard let file = try period.months.flatMap({ try months.files(shop, $0, db) }).first else {
                throw ReportMonths.NeedsPeriod()
            }
            return file
        }
        self.months = months
    }

    /// A report of several files made together, with warnings for the person who asked
    /// (`several`); `produce` gives the first file.
    public init(name: String, title: String, takesPeriod: Bool = false,
                several: @escaping @Sendable (_ shop: String, _ period: ReportPeriod?, _ db: Database) throws -> ReportFiles) {
        self.init(name: name, title: title, takesPeriod: takesPeriod) { shop, period, db in
            guard let first = try several(shop, period, db).files.first else { throw ReportDocuments.Empty() }
            return first
        }
        self.several = several
    }

    /// A report of documents: after a run, those of what it added; on demand
    /// (`kontor report NAME`), all of them anew. `produce` gives the first file.
    public init(name: String, title: String, documents: ReportDocuments) {
        self.init(name: name, title: title) { shop, _, db in
            var first: ReportFile?
            _ = try documents.next(shop, 0, db) { if first == nil { first = $0 } }
            guard let first else { throw ReportDocuments.Empty() }
            return first
        }
        self.documents = documents
    }
}

extension ReportDocuments {
    /// Asked for a report of documents when there are none.
    public struct Empty: Error, CustomStringConvertible, Sendable {
        public var description: String { "there are no documents of this kind yet" }
    }
}
