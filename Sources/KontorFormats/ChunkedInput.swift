/// The chunk a reader is working through, and the source of the chunks after it.
///
/// Readers look at `chunk[index...]` directly in their loops and call `refill()` once
/// the chunk is used up.
struct ChunkedInput {
    private var source: any ByteSource
    private var exhausted = false
    /// The bytes in hand.
    private(set) var chunk: [UInt8] = []
    /// The next byte to look at in `chunk`.
    var index = 0
    /// How many bytes of the input came before `chunk`.
    private(set) var chunkOffset = 0

    init(source: any ByteSource) {
        self.source = source
    }

    /// How many bytes of the input come before the next byte.
    var offset: Int { chunkOffset + index }

    /// Whether every byte in hand has been looked at.
    var isChunkUsedUp: Bool { index == chunk.count }

    /// Replaces the used-up chunk with the next one; false at the end of the input.
    mutating func refill() throws -> Bool {
        guard let next = try nextNonEmptyChunk() else { return false }
        chunkOffset += chunk.count
        chunk = next
        index = 0
        return true
    }

    /// Appends the next chunk to the bytes in hand, for a look ahead; false at the end
    /// of the input.
    mutating func extend() throws -> Bool {
        guard let next = try nextNonEmptyChunk() else { return false }
        chunk.append(contentsOf: next)
        return true
    }

    private mutating func nextNonEmptyChunk() throws -> [UInt8]? {
        while !exhausted {
            guard let next = try source.nextChunk() else {
                exhausted = true
                return nil
            }
            if !next.isEmpty { return next }
        }
        return nil
    }
}
