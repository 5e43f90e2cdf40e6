import KontorStore

/// The reports of the books: every report every module offers, in the order of
/// `Modules.all`, then the lists of what needs doing, which draw on several modules, then
/// the DATEV export and the shipping and invoice documents, which read the shops' settings,
/// then the credit risk per customer and the liquidity forecast, which draw on several
/// modules and the settings. The pipeline writes them after each run for the shops it
/// touched, except those made only on demand.
public enum ReportRegistry {
    /// Every report, those that read the shops' settings made with `settings`.
    public static func all(settings: Settings) -> [Report] {
        Modules.all.flatMap(\.reports) + Worklists.reports
            + [DATEVReport.report(settings: settings), ShippingDocuments.report(settings: settings),
               InvoiceDocuments.report(settings: settings), RiskReport.report(settings: settings),
               LiquidityReport.report(settings: settings), CurrencyReport.report(settings: settings),
               GoBDExport.report(settings: settings)]
    }

    /// Every report, made with the default settings: for their names and titles.
    public static var all: [Report] { all(settings: Settings()) }

    /// The report called `name`, if there is one.
    public static func report(named name: String, settings: Settings = Settings()) -> Report? {
        all(settings: settings).first { $0.name == name }
    }
}
