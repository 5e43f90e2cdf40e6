import Foundation
import GRDB

/// How a report that only ever grows at its end (a journal: entries are only added) is kept
/// up to date after a run: the rows after the last one written are appended, instead of the
/// whole report being made anew, so that writing it costs what the run added, not what the
/// books hold.
public struct ReportGrowth: Sendable {
    /// The file's path in the shop's outbox folder: `journal.csv`.
    public var path: String
    /// What the file starts with when it is made anew (its header line).
    public var header: Data
    /// Hands the rows of `shop` after `cursor` to `write`, in pieces and in order, and
    /// returns the cursor after the last of them (`cursor` itself when there are none).
    public var append: @Sendable (_ shop: String, _ cursor: Int64, _ db: Database,
                                  _ write: (Data) throws -> Void) throws -> Int64

    /// A report kept by appending.
    public init(path: String, header: Data,
                append: @escaping @Sendable (_ shop: String, _ cursor: Int64, _ db: Database,
                                             _ write: (Data) throws -> Void) throws -> Int64) {
        self.path = path
        self.header = header
        self.append = append
    }
}
