/// A problem found in an input file, with its place and what to do about it.
public struct Diagnostic: Hashable, Sendable, Codable, Error {
    /// How bad it is: an error rejects the file, a warning is reported and the file applies.
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    /// A stable, open code such as `csv.unterminated-quote` or `order.duplicate`.
    public var code: String
    public var severity: Severity
    /// What is wrong, in English, naming the value: `quantity "zwei" is not a whole number`.
    public var message: String
    /// The same in German, for the shop's error report.
    public var messageDE: String?
    /// How to fix it, if there is more to say than the message.
    public var hint: String?
    public var location: SourceLocation

    public init(
        _ code: String,
        _ message: String,
        de messageDE: String? = nil,
        hint: String? = nil,
        at location: SourceLocation,
        severity: Severity = .error
    ) {
        self.code = code
        self.message = message
        self.messageDE = messageDE
        self.hint = hint
        self.location = location
        self.severity = severity
    }
}

extension Diagnostic: CustomStringConvertible {
    /// Compiler style: `orders.csv:14:5: quantity "zwei" is not a whole number`.
    public var description: String {
        "\(location): \(severity == .warning ? "warning: " : "")\(message)"
    }
}

/// Collects diagnostics up to a cap, so that a broken file reports its first problems
/// rather than stopping at the first or flooding the report.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many were left out past the cap.
    public private(set) var suppressed = 0
    public let cap: Int

    public init(cap: Int = 100) { self.cap = cap }

    public var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) + suppressed }
    public var hasErrors: Bool { errorCount > 0 }
    public var isFull: Bool { diagnostics.count >= cap }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostics.count < cap { diagnostics.append(diagnostic) } else { suppressed += 1 }
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for d in other { append(d) }
    }
}
