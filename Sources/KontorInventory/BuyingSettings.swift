import KontorStore

/// How a shop's buying reports look at its stock (`[shops.<name>]` in `kontor.toml`).
public struct BuyingSettings: Sendable, Equatable {
    /// Days until the shop next looks at the reorder list (`reorder_review_days`).
    public var reviewDays = 14
    /// Days whose issues give the average daily demand (`reorder_window_days`), at least 1.
    public var windowDays = 90
    /// Days without an issue that make stock a slow mover (`slow_mover_days`), at least 1.
    public var slowMoverDays = 90

    /// The embedded defaults.
    public init() {}
}

extension InventoryModule {
    /// The buying report named `name` (`reorder`, `slow-movers`) made with `settings`, or
    /// nil for any other report.
    public static func buyingReport(named name: String, settings: BuyingSettings) -> Report? {
        switch name {
        case ReorderReport.report.name: ReorderReport.report(settings)
        case SlowMoversReport.report.name: SlowMoversReport.report(settings)
        default: nil
        }
    }
}
