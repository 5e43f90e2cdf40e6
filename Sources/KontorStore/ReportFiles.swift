/// The files a report makes together from one reading of the books (a table and its chart),
/// and what they warn of, for the person who asked for them.
public struct ReportFiles: Sendable, Equatable {
    /// The files, the first being the report's main one.
    public var files: [ReportFile]
    /// Warnings to print beside the paths written: `liquidity falls below 5000.00 in week 3`.
    public var warnings: [String]

    /// Files and their warnings.
    public init(files: [ReportFile], warnings: [String] = []) {
        self.files = files
        self.warnings = warnings
    }
}
