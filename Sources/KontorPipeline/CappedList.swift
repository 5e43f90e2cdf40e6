/// A list that keeps its first `limit` elements and counts all: what a batch summary keeps
/// of its invoices, shipments and payments, so that a file of a million lines does not hold
/// a million entries in memory. The receipt reads the whole lists from the books.
public struct CappedList<Element: Codable & Sendable & Equatable>: Sendable, Equatable, RandomAccessCollection {
    /// How many elements are kept.
    public static var limit: Int { 1_000 }
    /// The first elements, at most `limit`.
    public private(set) var kept: [Element] = []
    /// How many were appended in all.
    public private(set) var total = 0

    public init() {}

    /// Counts `element`, and keeps it while fewer than `limit` are kept.
    public mutating func append(_ element: Element) {
        total += 1
        if kept.count < Self.limit { kept.append(element) }
    }

    /// How many were counted but not kept.
    public var left: Int { total - kept.count }

    public var startIndex: Int { kept.startIndex }
    public var endIndex: Int { kept.endIndex }
    public subscript(position: Int) -> Element { kept[position] }
}

extension CappedList: Codable {
    private enum CodingKeys: String, CodingKey { case kept, total }

    /// Reads `{"kept": [...], "total": n}`, or a plain array as summaries stored it before.
    public init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode([Element].self) {
            kept = plain
            total = plain.count
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kept = try container.decode([Element].self, forKey: .kept)
        total = try container.decode(Int.self, forKey: .total)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kept, forKey: .kept)
        try container.encode(total, forKey: .total)
    }
}
