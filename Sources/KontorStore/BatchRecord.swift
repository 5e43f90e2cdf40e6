import GRDB

/// A row of the batch journal: one input file and what became of it.
public struct BatchRecord: Codable, Sendable, FetchableRecord, TableRecord {
    public static let databaseTableName = "batches"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var id: Int64
    public var shop: String
    /// The file's name as the shop uploaded it.
    public var file: String
    /// The claimed file's name in the work area.
    public var workName: String
    public var sha256: String
    public var size: Int64
    public var kind: String?
    public var dialect: String?
    public var status: BatchStatus
    public var records: Int
    public var errors: Int
    public var warnings: Int
    public var receivedAt: String
    public var settledAt: String?
    public var finishedAt: String?
    public var durationMs: Int?
    /// Whether archiving and outputs are done; a crash before leaves 0 and the next run finishes.
    public var finalized: Bool
    /// Where the input was archived, relative to the root.
    public var archivePath: String?
    public var rerunOf: Int64?
    public var duplicateOf: Int64?
    /// What the batch created, as JSON: invoice numbers, shipments, holds, refused lines.
    public var summary: String?
    /// The receipt's file name in `outbox/<shop>/receipts/`, chosen when the batch opened.
    public var receiptName: String?
    /// How often processing started on this batch (more than one: it stopped before a decision).
    public var attempts: Int
}

/// One entry of a batch's append-only event log.
public struct BatchEvent: Codable, Sendable, FetchableRecord, TableRecord {
    public static let databaseTableName = "batch_events"
    public var id: Int64
    public var batchId: Int64
    public var at: String
    public var event: String
    public var detail: String?
    public var actor: String

    enum CodingKeys: String, CodingKey {
        case id, at, event, detail, actor
        case batchId = "batch_id"
    }
}
