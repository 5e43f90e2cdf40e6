import Foundation

/// A file a report produced: where it goes in the shop's outbox folder, and its bytes.
public struct ReportFile: Sendable, Equatable {
    /// The path relative to `outbox/<shop>/`: `stock.csv`.
    public var path: String
    /// The file's content.
    public var bytes: Data

    /// A file for the shop's outbox.
    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }
}
