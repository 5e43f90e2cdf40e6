import KontorCore

/// Parses JSON values from a stream of chunks, one byte at a time, keeping track of the
/// line, the column and the JSON pointer of the byte in hand for error messages.
///
/// Lines are counted at line feeds; columns count characters, not bytes.
struct JSONParser {
    /// The deepest nesting of arrays and objects allowed, the outermost one counted.
    static let maxDepth = 64
    /// The largest value the reader will hold, in bytes of the file.
    static let maxValueBytes = 16 << 20

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let lineFeed = UInt8(ascii: "\n")

    let fileName: String
    private var input: ChunkedInput
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// The offset of the first byte of the line.
    private var lineStart = 0
    /// UTF-8 continuation bytes between the start of the line and the next byte.
    private var continuationBytes = 0
    /// Where the value in hand sits in the document.
    var path: [JSONPointer.Component] = []
    /// The first problem since the last look that rejects only the value in hand, not the
    /// reading: a key found twice in one object, or a control character written as an escape.
    var recordProblem: Diagnostic?
    /// Where the value being bounded started, in bytes and for messages.
    private var boundedValueStart: (offset: Int, location: SourceLocation)?
    /// The bytes of the string in hand.
    private var scratch: [UInt8] = []

    init(source: any ByteSource, fileName: String) {
        input = ChunkedInput(source: source)
        self.fileName = fileName
    }

    /// The line and column of a byte.
    struct Position {
        var line: Int
        var column: Int
    }

    /// The position of the next byte.
    var position: Position {
        Position(line: line, column: input.offset - lineStart - continuationBytes + 1)
    }

    /// The place of the next byte.
    var location: SourceLocation { location(at: position) }

    /// The place of a byte at `position` of the value in hand.
    func location(at position: Position) -> SourceLocation {
        SourceLocation(
            file: fileName,
            line: position.line,
            column: position.column,
            path: path.isEmpty ? nil : JSONPointer.string(path)
        )
    }

    /// The error for an input that ends here.
    var truncated: Diagnostic { Diagnostic.jsonTruncated(at: location) }

    // MARK: Bytes

    /// The next byte, without taking it; nil at the end of the input.
    mutating func peek() throws -> UInt8? {
        if input.isChunkUsedUp, try !refill() { return nil }
        return input.chunk[input.index]
    }

    /// Takes the byte that `peek()` returned.
    mutating func advance() {
        input.index += 1
    }

    /// Skips spaces, tabs and line breaks; returns the next byte without taking it, or nil
    /// at the end of the input.
    mutating func skipWhitespace() throws -> UInt8? {
        while true {
            if input.isChunkUsedUp, try !refill() { return nil }
            let chunk = input.chunk
            var index = input.index
            while index < chunk.count {
                switch chunk[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    index += 1
                case Self.lineFeed:
                    index += 1
                    line += 1
                    lineStart = input.chunkOffset + index
                    continuationBytes = 0
                default:
                    input.index = index
                    return chunk[index]
                }
            }
            input.index = index
        }
    }

    /// Skips a UTF-8 byte order mark at the start of the input.
    mutating func skipByteOrderMark() throws {
        guard try peek() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try peek() == expected else { throw Diagnostic.jsonEncoding(at: location) }
            advance()
        }
        lineStart = input.offset
    }

    private mutating func refill() throws -> Bool {
        if let start = boundedValueStart, input.offset - start.offset > Self.maxValueBytes {
            throw Diagnostic.jsonTooLarge(at: start.location)
        }
        return try input.refill()
    }

    // MARK: Size bound

    /// Starts counting the bytes of a value that is to be held in memory.
    mutating func beginBoundedValue() {
        boundedValueStart = (input.offset, location)
    }

    /// Stops counting; throws if the value was too large.
    mutating func endBoundedValue() throws {
        if let start = boundedValueStart, input.offset - start.offset > Self.maxValueBytes {
            throw Diagnostic.jsonTooLarge(at: start.location)
        }
        boundedValueStart = nil
    }

    // MARK: Values

    /// Parses a value inside `depth` enclosing arrays and objects; `token` is what came
    /// before it, for the message when there is no value.
    mutating func parseValue(depth: Int, after token: String) throws -> JSONValue {
        guard let byte = try skipWhitespace() else { throw truncated }
        switch byte {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case Self.quote:
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try parseWord()
        default:
            throw Diagnostic.jsonExpectedValue(after: token, at: location)
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        guard depth <= Self.maxDepth else { throw Diagnostic.jsonDepth(at: location) }
        advance()
        var members: [(key: String, value: JSONValue)] = []
        var keys: Set<String> = []
        guard try skipWhitespace() != UInt8(ascii: "}") else {
            advance()
            return .object(members)
        }
        while true {
            guard let byte = try skipWhitespace() else { throw truncated }
            guard byte == Self.quote else {
                throw Diagnostic.jsonExpectedKey(after: members.isEmpty ? "{" : ",", at: location)
            }
            let keyPosition = position
            let key = try parseString()
            guard let colon = try skipWhitespace() else { throw truncated }
            guard colon == UInt8(ascii: ":") else { throw Diagnostic.jsonExpectedColon(after: key, at: location) }
            advance()
            path.append(.key(key))
            let value = try parseValue(depth: depth, after: ":")
            if recordProblem == nil, isDuplicate(key, in: members, keys: &keys) {
                recordProblem = Diagnostic.jsonDuplicateKey(key, at: location(at: keyPosition))
            }
            path.removeLast()
            members.append((key: key, value: value))

            guard let next = try skipWhitespace() else { throw truncated }
            if next == UInt8(ascii: "}") {
                advance()
                return .object(members)
            }
            guard next == UInt8(ascii: ",") else { throw Diagnostic.jsonExpectedMemberEnd(after: key, at: location) }
            advance()
        }
    }

    /// Whether `key` is among the keys of `members`: looked up one by one in a small
    /// object, in a set of the keys in a large one.
    private func isDuplicate(_ key: String, in members: [(key: String, value: JSONValue)], keys: inout Set<String>) -> Bool {
        if members.count < 16 { return members.contains { $0.key == key } }
        if keys.isEmpty { keys = Set(members.lazy.map(\.key)) }
        return !keys.insert(key).inserted
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        guard depth <= Self.maxDepth else { throw Diagnostic.jsonDepth(at: location) }
        advance()
        var elements: [JSONValue] = []
        guard try skipWhitespace() != UInt8(ascii: "]") else {
            advance()
            return .array(elements)
        }
        path.append(.index(0))
        while true {
            path[path.count - 1] = .index(elements.count)
            elements.append(try parseValue(depth: depth, after: elements.isEmpty ? "[" : ","))
            guard let next = try skipWhitespace() else { throw truncated }
            if next == UInt8(ascii: "]") {
                advance()
                path.removeLast()
                return .array(elements)
            }
            guard next == UInt8(ascii: ",") else { throw Diagnostic.jsonExpectedElementEnd(at: location) }
            advance()
        }
    }

    /// Parses a string, standing on its opening quote.
    mutating func parseString() throws -> String {
        let start = position
        advance()
        scratch.removeAll(keepingCapacity: true)
        // Escapes always give valid UTF-8; only raw bytes beyond ASCII need checking.
        var needsValidation = false
        while true {
            if input.isChunkUsedUp, try !refill() { throw truncated }
            let chunk = input.chunk
            let runStart = input.index
            var index = runStart
            var continuation = 0
            while index < chunk.count {
                let byte = chunk[index]
                if byte == Self.quote || byte == Self.backslash || byte < 0x20 { break }
                if byte >= 0x80 {
                    needsValidation = true
                    if byte & 0xC0 == 0x80 { continuation += 1 }
                }
                index += 1
            }
            scratch.append(contentsOf: chunk[runStart..<index])
            continuationBytes += continuation
            input.index = index
            guard index < chunk.count else { continue }
            let byte = chunk[index]
            if byte == Self.quote {
                advance()
                break
            }
            if byte == Self.backslash {
                try parseEscape()
            } else if byte == Self.lineFeed || byte == UInt8(ascii: "\r") {
                throw Diagnostic.jsonUnclosedString(at: location)
            } else {
                throw Diagnostic.jsonControlCharacter(byte, at: location)
            }
        }
        guard !needsValidation || UTF8Validator.isValid(scratch[...]) else { throw Diagnostic.jsonEncoding(at: location(at: start)) }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Parses an escape inside a string, standing on its backslash.
    private mutating func parseEscape() throws {
        let start = position
        advance()
        guard let byte = try peek() else { throw truncated }
        advance()
        switch byte {
        case Self.quote, Self.backslash, UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
            noteControlCharacter(0x08, at: start)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
            noteControlCharacter(0x0C, at: start)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var value = try parseHexDigits(escapeStart: start)
            if (0xD800...0xDBFF).contains(value) {
                guard try peek() == Self.backslash else { throw Diagnostic.jsonUnpairedSurrogate(value, at: location(at: start)) }
                advance()
                guard try peek() == UInt8(ascii: "u") else { throw Diagnostic.jsonUnpairedSurrogate(value, at: location(at: start)) }
                advance()
                let low = try parseHexDigits(escapeStart: start)
                guard (0xDC00...0xDFFF).contains(low) else { throw Diagnostic.jsonUnpairedSurrogate(value, at: location(at: start)) }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(value) {
                throw Diagnostic.jsonUnpairedSurrogate(value, at: location(at: start))
            }
            // Surrogates are excluded above, so every value is a scalar.
            scratch.append(contentsOf: Unicode.Scalar(value)!.utf8)
            if Diagnostic.isRefusedControl(value) { noteControlCharacter(value, at: start) }
        default:
            throw Diagnostic.jsonInvalidEscape(#"\"# + String(decoding: [byte], as: UTF8.self), at: location(at: start))
        }
    }

    /// Records a control character other than tab, CR and LF, written as the escape at
    /// `start` (`\u0000`, `\b`), as the problem of the value in hand.
    private mutating func noteControlCharacter(_ value: UInt32, at start: Position) {
        guard recordProblem == nil else { return }
        let position = String(decoding: scratch, as: UTF8.self).unicodeScalars.count
        let key = path.last.flatMap { if case .key(let key) = $0 { key } else { nil } }
        recordProblem = Diagnostic.controlCharacter(
            value, position: position, what: key.map { "the value of \"\($0)\"" } ?? "a text",
            whatDE: key.map { "Der Wert von \"\($0)\"" } ?? "Ein Text", at: location(at: start))
    }

    /// The value of the four hex digits of a `\u` escape.
    private mutating func parseHexDigits(escapeStart: Position) throws -> UInt32 {
        var value: UInt32 = 0
        var digits = ""
        for _ in 0..<4 {
            guard let byte = try peek() else { throw truncated }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Diagnostic.jsonInvalidEscape(#"\u"# + digits, at: location(at: escapeStart))
            }
            digits.append(Character(Unicode.Scalar(byte)))
            value = value << 4 | UInt32(digit)
            advance()
        }
        return value
    }

    /// Parses a number, kept as its text: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private mutating func parseNumber() throws -> String {
        let start = position
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek(), JSONParser.isNumberByte(byte) {
            scratch.append(byte)
            advance()
        }
        let text = String(decoding: scratch, as: UTF8.self)
        guard JSONParser.isValidNumber(scratch) else { throw Diagnostic.jsonInvalidNumber(text, at: location(at: start)) }
        return text
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }

    private static func isValidNumber(_ text: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { index += 1 }
            return index - start
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < text.count, text[index] == byte else { return false }
            index += 1
            return true
        }
        _ = take(UInt8(ascii: "-"))
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || text[integerStart] != UInt8(ascii: "0") else { return false }
        if take(UInt8(ascii: ".")), digits() == 0 { return false }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            if digits() == 0 { return false }
        }
        return index == text.count
    }

    /// Parses `true`, `false` or `null`, or reports the word found instead.
    private mutating func parseWord() throws -> JSONValue {
        let start = position
        scratch.removeAll(keepingCapacity: true)
        while let byte = try peek(), byte.isASCIILetterOrDigit, scratch.count < 40 {
            scratch.append(byte)
            advance()
        }
        if scratch.elementsEqual("true".utf8) { return .bool(true) }
        if scratch.elementsEqual("false".utf8) { return .bool(false) }
        if scratch.elementsEqual("null".utf8) { return .null }
        let word = String(decoding: scratch, as: UTF8.self)
        if try peek() == nil, ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) { throw truncated }
        throw Diagnostic.jsonUnexpectedWord(word, at: location(at: start))
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
