import KontorCore

/// Reads the records of a JSON file one at a time, never holding the whole document.
///
/// Two shapes are read: a top-level array of records, `[{…}, {…}]`, and a top-level
/// object holding one array of records beside other members, `{"shop": "…", "orders":
/// [{…}, {…}]}`. The other members (anything but an array, unless `recordsKey` names the
/// records array) go into ``header``, each as it is read: those after the array are there
/// once `next()` has returned nil.
///
/// Problems are thrown as ``Diagnostic``s located by file, line, column and JSON pointer,
/// such as `orders.json:7:15 /2/quantity: expected a value after ":"`. A key that appears
/// twice in one record (`json.duplicate-key`) and a control character other than tab, CR
/// and LF written as an escape (`"TEA\u0000"`, `field.control-character`) reject that
/// record only: reading goes on with the next one. Every other problem ends the reading, and later calls return nil:
/// `json.empty`, `json.syntax`, `json.encoding`, `json.truncated` (the file ends inside
/// the document), `json.depth` (more than 64 nested arrays and objects, the outermost
/// counted), `json.too-large` (a record or header value of more than 16 MiB) and
/// `json.shape` (not one of the two shapes). Errors of the byte source itself are passed
/// on as they are.
public struct JSONRecordReader {
    /// The file's name as the shop uploaded it, used in every location.
    public let fileName: String
    /// The key of the records array in a top-level object, if the caller names it.
    public let recordsKey: String?
    /// The members of a top-level object other than the records array, in the file's order.
    public private(set) var header: [(key: String, value: JSONValue)] = []

    private enum Phase {
        case start
        /// Inside the top-level object, after `count` members.
        case members(count: Int)
        /// Inside the records array, after `count` elements; `members` counts the members
        /// of the top-level object before the array, nil for a top-level array.
        case elements(count: Int, members: Int?)
        /// After the document: only whitespace may follow.
        case end
        case finished
    }

    private var parser: JSONParser
    private var phase = Phase.start
    /// The key of the records array once found in the top-level object.
    private var foundRecordsKey: String?
    private var topLevelKeys: Set<String> = []
    private var lastTopLevelKey = ""

    /// A reader of the JSON file whose bytes `source` hands out.
    ///
    /// - Parameters:
    ///   - source: the file's bytes.
    ///   - fileName: the name to show in locations, such as `orders.json`.
    ///   - recordsKey: in a top-level object, the key of the records array; nil to take the
    ///     only array. A top-level array is read whatever the key.
    public init(source: some ByteSource, fileName: String, recordsKey: String? = nil) {
        self.fileName = fileName
        self.recordsKey = recordsKey
        parser = JSONParser(source: source, fileName: fileName)
    }

    /// The next record, or nil after the last one.
    ///
    /// - Throws: a ``Diagnostic`` for a problem in the file (see the type's documentation
    ///   for which problems let reading go on); the source's errors.
    public mutating func next() throws -> JSONElement? {
        let element: JSONElement?
        do {
            element = try readNextElement()
        } catch {
            phase = .finished
            parser.recordProblem = nil
            throw error
        }
        if let problem = parser.recordProblem {
            parser.recordProblem = nil
            throw problem
        }
        return element
    }

    /// The element as a flat record: each member with a text, number or boolean value
    /// becomes a field, its text the string, the number as written, or `true`/`false`;
    /// a member whose value is null is left out. Keys are trimmed.
    ///
    /// - Throws: `json.shape` when the element is not an object, `json.nested` for the first
    ///   member whose value is an array or an object.
    public func flatRecord(_ element: JSONElement) throws(Diagnostic) -> FlatRecord {
        try element.flatRecord(file: fileName)
    }

    private mutating func readNextElement() throws -> JSONElement? {
        while true {
            switch phase {
            case .start:
                try readStart()
            case .members(let count):
                try readMember(after: count)
            case .elements(let count, let members):
                if let element = try readElement(after: count, members: members) { return element }
            case .end:
                if try parser.skipWhitespace() != nil { throw Diagnostic.jsonTrailingText(at: parser.location) }
                phase = .finished
            case .finished:
                return nil
            }
        }
    }

    private mutating func readStart() throws {
        try parser.skipByteOrderMark()
        switch try parser.skipWhitespace() {
        case nil:
            throw Diagnostic.jsonEmpty(file: fileName)
        case UInt8(ascii: "["):
            parser.advance()
            phase = .elements(count: 0, members: nil)
        case UInt8(ascii: "{"):
            parser.advance()
            phase = .members(count: 0)
        default:
            throw Diagnostic.jsonTopLevelShape(at: parser.location)
        }
    }

    /// Reads the next member of the top-level object, or its end.
    private mutating func readMember(after count: Int) throws {
        guard var byte = try parser.skipWhitespace() else { throw parser.truncated }
        if byte == UInt8(ascii: "}") {
            guard foundRecordsKey != nil else { throw Diagnostic.jsonNoArray(named: recordsKey, at: parser.location) }
            parser.advance()
            phase = .end
            return
        }
        if count > 0 {
            guard byte == UInt8(ascii: ",") else {
                throw Diagnostic.jsonExpectedMemberEnd(after: lastTopLevelKey, at: parser.location)
            }
            parser.advance()
            guard let next = try parser.skipWhitespace() else { throw parser.truncated }
            byte = next
        }
        guard byte == UInt8(ascii: "\"") else {
            throw Diagnostic.jsonExpectedKey(after: count == 0 ? "{" : ",", at: parser.location)
        }
        let keyPosition = parser.position
        let key = try parser.parseString()
        lastTopLevelKey = key
        parser.path = [.key(key)]
        defer { parser.path = [] }
        guard topLevelKeys.insert(key).inserted else {
            throw Diagnostic.jsonDuplicateKey(key, at: parser.location(at: keyPosition))
        }
        guard let colon = try parser.skipWhitespace() else { throw parser.truncated }
        guard colon == UInt8(ascii: ":") else { throw Diagnostic.jsonExpectedColon(after: key, at: parser.location) }
        parser.advance()

        guard let valueStart = try parser.skipWhitespace() else { throw parser.truncated }
        // The records are the named array, else the first array; later arrays (such as an
        // API's empty `aggregations`) are kept in the header like any other member.
        if valueStart == UInt8(ascii: "["), foundRecordsKey == nil, recordsKey == nil || recordsKey == key {
            foundRecordsKey = key
            parser.advance()
            phase = .elements(count: 0, members: count + 1)
            return
        }
        parser.beginBoundedValue()
        let value = try parser.parseValue(depth: 1, after: ":")
        try parser.endBoundedValue()
        if key == recordsKey { throw Diagnostic.jsonNotArray(key, value, at: parser.location(at: keyPosition)) }
        if let problem = parser.recordProblem { throw problem }
        header.append((key: key, value: value))
        phase = .members(count: count + 1)
    }

    /// Reads the next element of the records array, or its end (then nil).
    private mutating func readElement(after count: Int, members: Int?) throws -> JSONElement? {
        let arrayPath: [JSONPointer.Component] = foundRecordsKey.map { [.key($0)] } ?? []
        parser.path = arrayPath + [.index(max(count - 1, 0))]
        guard let byte = try parser.skipWhitespace() else { throw parser.truncated }
        if byte == UInt8(ascii: "]") {
            parser.advance()
            parser.path = []
            phase = members.map { .members(count: $0) } ?? .end
            return nil
        }
        if count > 0 {
            guard byte == UInt8(ascii: ",") else { throw Diagnostic.jsonExpectedElementEnd(at: parser.location) }
            parser.advance()
        }
        parser.path = arrayPath + [.index(count)]
        if try parser.skipWhitespace() == nil { throw parser.truncated }
        let line = parser.line
        parser.beginBoundedValue()
        let value = try parser.parseValue(depth: arrayPath.count + 1, after: count == 0 ? "[" : ",")
        try parser.endBoundedValue()
        phase = .elements(count: count + 1, members: members)
        return JSONElement(value: value, pointer: JSONPointer.string(parser.path), line: line)
    }
}
