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
    /// How many problems this entry stands for: 1, or more for a problem found again and
    /// again at one place (`DiagnosticLog` counts it rather than listing it twice), or for the
    /// line that sums up the warnings left out of a long list.
    public var occurrences = 1

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
