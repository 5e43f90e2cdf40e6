/// Collects the diagnostics of one file, so that a broken file reports its first problems
/// rather than stopping at the first or flooding the report.
///
/// - Errors are listed up to `cap`; the rest are counted in `suppressed`. Once the cap is
///   reached (`isFull`) a reader may stop: the file is rejected anyway.
/// - Warnings are listed up to `warningCap`; the rest are counted in `suppressedWarnings`
///   and summed up in one last line of `diagnostics`. They never count as errors, and no
///   reader stops for them.
/// - A problem found again at the same place (same code, severity, place and message) is
///   counted on its first entry, which then says `(found 100 times)`.
public struct DiagnosticLog: Sendable {
    /// The entries listed, in the order found.
    private var listed: [Diagnostic] = []
    /// Where each listed problem is in `listed`, and its message before a count was added.
    private var positions: [Key: (index: Int, message: String, messageDE: String?)] = [:]
    private var listedErrors = 0
    private var listedWarnings = 0
    /// The place of the first warning left out, where the summary line points.
    private var firstSuppressedWarning: SourceLocation?
    /// How many errors were left out past the cap.
    public private(set) var suppressed = 0
    /// How many warnings were left out past the warning cap.
    public private(set) var suppressedWarnings = 0
    /// The most errors listed.
    public let cap: Int
    /// The most warnings listed.
    public let warningCap: Int

    private struct Key: Hashable {
        var code: String
        var severity: Diagnostic.Severity
        var location: SourceLocation
        var message: String
    }

    /// A log that lists up to `cap` errors and up to `warningCap` warnings (as many as
    /// errors unless given).
    public init(cap: Int = 100, warningCap: Int? = nil) {
        self.cap = cap
        self.warningCap = warningCap ?? cap
    }

    /// The problems listed, in the order found; when warnings were left out, a last warning
    /// `… and 57 more warnings, not listed` at the first of them stands for them all.
    public var diagnostics: [Diagnostic] {
        guard suppressedWarnings > 0, let place = firstSuppressedWarning else { return listed }
        let n = suppressedWarnings
        var summary = Diagnostic(
            "log.more-warnings",
            n == 1 ? "… and 1 more warning, not listed; it is here" : "… and \(n) more warnings, not listed; the first of them is here",
            de: n == 1 ? "… und 1 weiterer Hinweis, nicht aufgeführt; er steht hier"
                : "… und \(n) weitere Hinweise, nicht aufgeführt; der erste steht hier",
            at: place, severity: .warning)
        summary.occurrences = n
        return listed + [summary]
    }

    /// Every error found, listed or not.
    public var errorCount: Int {
        listed.reduce(0) { $0 + ($1.severity == .error ? $1.occurrences : 0) } + suppressed
    }

    /// Every warning found, listed or not.
    public var warningCount: Int {
        listed.reduce(0) { $0 + ($1.severity == .warning ? $1.occurrences : 0) } + suppressedWarnings
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// Whether the error cap is reached: further errors would only be counted.
    public var isFull: Bool { listedErrors >= cap }

    public mutating func append(_ diagnostic: Diagnostic) {
        let key = Key(code: diagnostic.code, severity: diagnostic.severity, location: diagnostic.location,
                      message: diagnostic.message)
        if let known = positions[key] {
            listed[known.index].occurrences += diagnostic.occurrences
            let times = listed[known.index].occurrences
            listed[known.index].message = "\(known.message) (found \(times) times)"
            listed[known.index].messageDE = known.messageDE.map { "\($0) (\(times)-mal gefunden)" }
            return
        }
        switch diagnostic.severity {
        case .error:
            guard listedErrors < cap else { suppressed += diagnostic.occurrences; return }
            listedErrors += 1
        case .warning:
            guard listedWarnings < warningCap else {
                if firstSuppressedWarning == nil { firstSuppressedWarning = diagnostic.location }
                suppressedWarnings += diagnostic.occurrences
                return
            }
            listedWarnings += 1
        }
        positions[key] = (listed.count, diagnostic.message, diagnostic.messageDE)
        listed.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for d in other { append(d) }
    }

    /// Takes over another log's entries and counts.
    public mutating func append(contentsOf other: DiagnosticLog) {
        append(contentsOf: other.listed)
        suppressed += other.suppressed
        if other.suppressedWarnings > 0 {
            if firstSuppressedWarning == nil { firstSuppressedWarning = other.firstSuppressedWarning }
            suppressedWarnings += other.suppressedWarnings
        }
    }
}
