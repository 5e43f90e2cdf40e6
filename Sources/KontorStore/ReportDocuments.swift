import GRDB

/// How a report of documents is written (shipping labels, delivery notes): after a run, the
/// documents of what was added since the last run, in pieces, each piece handed to `write`
/// as it is made, so that a run of many shipments never holds all its documents at once.
public struct ReportDocuments: Sendable {
    /// Makes the files of `shop` for what was added after `cursor`, at most one piece of
    /// them, hands each to `write`, and returns the cursor after that piece (equal to
    /// `cursor` when nothing is left).
    public var next: @Sendable (_ shop: String, _ cursor: Int64, _ db: Database,
                                _ write: (ReportFile) throws -> Void) throws -> Int64

    /// A report of documents.
    public init(next: @escaping @Sendable (_ shop: String, _ cursor: Int64, _ db: Database,
                                           _ write: (ReportFile) throws -> Void) throws -> Int64) {
        self.next = next
    }
}
