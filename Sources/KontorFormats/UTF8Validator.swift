/// Checks, chunk by chunk, that a stream of bytes is valid UTF-8, without keeping it.
///
/// A character may be split between two chunks; the validator remembers the bytes it
/// still expects. It rejects what the Unicode standard rejects: stray continuation bytes,
/// overlong forms, UTF-16 surrogates and values above U+10FFFF.
///
/// ```swift
/// var validator = UTF8Validator()
/// while let chunk = try source.nextChunk() { validator.feed(chunk) }
/// if !validator.finish(), let place = validator.firstInvalid { ... }
/// ```
public struct UTF8Validator: Sendable {
    /// A place in the stream.
    public struct Position: Sendable, Equatable {
        /// 0-based byte offset from the start of the stream.
        public var offset: Int
        /// 1-based line: line feeds before the byte, plus one.
        public var line: Int

        /// A position at `offset` on `line`.
        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    private var offset = 0
    private var line = 1
    /// Continuation bytes still expected for the character in hand.
    private var pending = 0
    /// The range the next continuation byte must fall into.
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Where the character in hand starts.
    private var sequenceStart = Position(offset: 0, line: 1)
    private var invalid: Position?

    /// A validator at the start of a stream.
    public init() {}

    /// Whether `bytes` are valid UTF-8 on their own.
    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        var validator = UTF8Validator()
        validator.feed(bytes)
        return validator.finish()
    }

    /// Checks the next chunk of the stream.
    public mutating func feed(_ chunk: [UInt8]) {
        feed(chunk[...])
    }

    private mutating func feed(_ chunk: ArraySlice<UInt8>) {
        guard invalid == nil else { return }
        var pending = self.pending
        var lower = self.lower
        var upper = self.upper
        var line = self.line
        var sequenceStart = self.sequenceStart
        defer {
            self.pending = pending
            self.lower = lower
            self.upper = upper
            self.line = line
            self.sequenceStart = sequenceStart
            offset += chunk.count
        }
        var index = chunk.startIndex
        while index < chunk.endIndex {
            let byte = chunk[index]
            let position = offset + index - chunk.startIndex
            index += 1
            if pending > 0 {
                guard byte >= lower, byte <= upper else {
                    invalid = sequenceStart
                    return
                }
                pending -= 1
                lower = 0x80
                upper = 0xBF
                continue
            }
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                continue
            }
            sequenceStart = Position(offset: position, line: line)
            switch byte {
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: pending = 2; upper = 0x9F
            case 0xF0: pending = 3; lower = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; upper = 0x8F
            default:
                invalid = sequenceStart
                return
            }
        }
    }

    /// Whether all bytes fed so far are valid UTF-8 with no character cut off at the end:
    /// call it after the last chunk.
    public func finish() -> Bool { firstInvalid == nil }

    /// Where the input stops being valid UTF-8, if it does: the first byte of the first
    /// invalid character, or of a character still incomplete if the input ended here.
    public var firstInvalid: Position? {
        invalid ?? (pending > 0 ? sequenceStart : nil)
    }
}
