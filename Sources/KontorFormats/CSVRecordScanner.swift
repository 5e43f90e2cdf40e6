/// Splits CSV bytes into records and fields (RFC 4180), without decoding any text.
///
/// The scanner keeps the fields of the record in hand back to back in `bytes`; the
/// reader decodes them and turns problems into diagnostics. Line breaks are LF, CRLF
/// or CR; empty lines between records are skipped but counted.
struct CSVRecordScanner {
    /// The largest field, in bytes.
    static let maxFieldBytes = 1 << 20
    /// The largest record, in bytes.
    static let maxRecordBytes = 4 << 20

    /// One record: where it starts and what is wrong with it, if anything.
    struct Record {
        /// 1-based physical line where the record starts.
        var line: Int
        var problem: Problem?
    }

    /// The first thing wrong with a record.
    enum Problem: Equatable {
        /// A quote inside a field that does not start with one (1-based field number).
        case strayQuote(field: Int)
        /// Text between a field's closing quote and the next delimiter.
        case textAfterQuote(field: Int)
        case fieldTooLarge(field: Int)
        case recordTooLarge
        /// The input ends inside the quoted field that opened on `line`.
        case unterminatedQuote(line: Int, field: Int)
    }

    private enum State {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private var input: ChunkedInput
    /// The physical line of the next byte.
    private var line = 1
    /// The last record ended with CR: a line feed right after it belongs to that break.
    private var skipLineFeed = false
    /// The fields of the record in hand, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each field ends in `bytes`.
    private(set) var fieldEnds: [Int] = []
    /// Whether each field was written in quotes.
    private(set) var quotedFields: [Bool] = []
    /// Bytes are no longer kept once the record in hand grew too large.
    private var storing = true

    init(source: any ByteSource) {
        input = ChunkedInput(source: source)
    }

    /// The bytes of field `index` (0-based) of the record in hand.
    func field(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]]
    }

    /// Skips a UTF-8 byte order mark, if `skipByteOrderMark`, and reads ahead to the end
    /// of the first record, counting the candidate delimiters outside quotes there.
    mutating func countDelimitersInFirstRecord(skipByteOrderMark: Bool) throws -> [UInt8: Int] {
        while input.chunk.count < 3, try input.extend() {}
        if skipByteOrderMark, input.chunk.starts(with: [0xEF, 0xBB, 0xBF]) { input.index = 3 }

        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var seenText = false
        var index = input.index
        while true {
            if index == input.chunk.count {
                guard index - input.index < Self.maxRecordBytes, try input.extend() else { return counts }
            }
            let byte = input.chunk[index]
            index += 1
            if byte == Self.quote {
                inQuotes.toggle()
            } else if byte == Self.cr || byte == Self.lf {
                if seenText, !inQuotes { return counts }
                continue
            } else if !inQuotes, let count = counts[byte] {
                counts[byte] = count + 1
            }
            seenText = true
        }
    }

    /// The next record, or nil at the end of the input.
    ///
    /// After a record with a problem the scanner stands at the start of the next record,
    /// except after an unterminated quote, which runs to the end of the input.
    mutating func nextRecord(delimiter: UInt8) throws -> Record? {
        bytes.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        quotedFields.removeAll(keepingCapacity: true)
        storing = true

        var state = State.recordStart
        var line = self.line
        defer { self.line = line }
        var startLine = line
        var quoteLine = line
        var fieldQuoted = false
        var previousWasCR = false
        var problem: Problem?
        var recordEnded = false

        while !recordEnded {
            if input.isChunkUsedUp, try !input.refill() {
                switch state {
                case .recordStart:
                    return nil
                case .quoted:
                    problem = .unterminatedQuote(line: quoteLine, field: fieldEnds.count + 1)
                case .fieldStart, .unquoted, .quoteInQuoted:
                    endField(quoted: fieldQuoted)
                }
                return Record(line: startLine, problem: problem)
            }
            let chunk = input.chunk
            let end = chunk.count
            var index = input.index
            scanning: while index < end {
                let byte = chunk[index]
                switch state {
                case .recordStart:
                    if skipLineFeed {
                        skipLineFeed = false
                        if byte == Self.lf {
                            index += 1
                            continue
                        }
                    }
                    if byte == Self.cr || byte == Self.lf {
                        line += 1
                        skipLineFeed = byte == Self.cr
                        index += 1
                    } else {
                        startLine = line
                        state = .fieldStart
                    }
                case .fieldStart:
                    if byte == Self.quote {
                        state = .quoted
                        fieldQuoted = true
                        quoteLine = line
                        index += 1
                    } else if byte == delimiter {
                        endField(quoted: false)
                        index += 1
                    } else if byte == Self.cr || byte == Self.lf {
                        endField(quoted: false)
                        line += 1
                        skipLineFeed = byte == Self.cr
                        index += 1
                        recordEnded = true
                        break scanning
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    let runStart = index
                    while index < end {
                        let next = chunk[index]
                        if next == delimiter || next == Self.quote || next == Self.cr || next == Self.lf { break }
                        index += 1
                    }
                    store(chunk[runStart..<index], problem: &problem)
                    guard index < end else { break scanning }
                    let stop = chunk[index]
                    index += 1
                    if stop == Self.quote {
                        if problem == nil { problem = .strayQuote(field: fieldEnds.count + 1) }
                        store(chunk[(index - 1)..<index], problem: &problem)
                    } else if stop == delimiter {
                        endField(quoted: fieldQuoted)
                        fieldQuoted = false
                        state = .fieldStart
                    } else {
                        endField(quoted: fieldQuoted)
                        line += 1
                        skipLineFeed = stop == Self.cr
                        recordEnded = true
                        break scanning
                    }
                case .quoted:
                    let runStart = index
                    while index < end {
                        let next = chunk[index]
                        if next == Self.quote || next == Self.cr || next == Self.lf { break }
                        index += 1
                    }
                    if index > runStart {
                        previousWasCR = false
                        store(chunk[runStart..<index], problem: &problem)
                    }
                    guard index < end else { break scanning }
                    let stop = chunk[index]
                    index += 1
                    if stop == Self.quote {
                        previousWasCR = false
                        state = .quoteInQuoted
                    } else {
                        if stop == Self.cr || !previousWasCR { line += 1 }
                        previousWasCR = stop == Self.cr
                        store(chunk[(index - 1)..<index], problem: &problem)
                    }
                case .quoteInQuoted:
                    if byte == Self.quote {
                        store(chunk[index..<(index + 1)], problem: &problem)
                        state = .quoted
                        index += 1
                    } else if byte == delimiter {
                        endField(quoted: true)
                        fieldQuoted = false
                        state = .fieldStart
                        index += 1
                    } else if byte == Self.cr || byte == Self.lf {
                        endField(quoted: true)
                        line += 1
                        skipLineFeed = byte == Self.cr
                        index += 1
                        recordEnded = true
                        break scanning
                    } else {
                        if problem == nil { problem = .textAfterQuote(field: fieldEnds.count + 1) }
                        state = .unquoted
                    }
                }
            }
            input.index = index
        }
        return Record(line: startLine, problem: problem)
    }

    private mutating func endField(quoted: Bool) {
        fieldEnds.append(bytes.count)
        quotedFields.append(quoted)
    }

    /// Keeps `run` as part of the field in hand, unless that makes the field or the
    /// record too large.
    private mutating func store(_ run: ArraySlice<UInt8>, problem: inout Problem?) {
        guard storing else { return }
        let fieldStart = fieldEnds.last ?? 0
        if bytes.count - fieldStart + run.count > Self.maxFieldBytes {
            if problem == nil { problem = .fieldTooLarge(field: fieldEnds.count + 1) }
            storing = false
        } else if bytes.count + run.count > Self.maxRecordBytes {
            if problem == nil { problem = .recordTooLarge }
            storing = false
        } else {
            bytes.append(contentsOf: run)
        }
    }
}
