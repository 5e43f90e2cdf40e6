import KontorStore

/// The reports of the books: every report every module offers, in the order of
/// `Modules.all`, then the lists of what needs doing, which draw on several modules. The
/// pipeline writes them all after each run for the shops it touched.
public enum ReportRegistry {
    /// Every report.
    public static var all: [Report] { Modules.all.flatMap(\.reports) + Worklists.reports }

    /// The report called `name`, if there is one.
    public static func report(named name: String) -> Report? {
        all.first { $0.name == name }
    }
}
