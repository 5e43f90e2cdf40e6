import KontorFormats
import KontorTestSupport
import Testing

/// Generated tables and values, written out and read back: what a careful program writes,
/// Kontor reads unchanged, at any chunk size.
@Suite struct RoundTripTests {
    private static let pieces = [
        "a", "Kaffee", "Z", " ", "  ", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r",
        "ä", "Ö", "ß", "€", "😀", "日本", "=SUM(A1)", "-", "+", "@", "~", "/", "\\", "19.90",
    ]

    private static func text(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test(arguments: 0..<300)
    func tablesSurviveCSVAndJSON(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let columns = Int.random(in: 1...6, using: &random)
        let header = (0..<columns).map { "Spalte \($0) \(["ä", "x", "€"].randomElement(using: &random)!)" }
        let rows = (0..<Int.random(in: 0...12, using: &random)).map { _ in (0..<columns).map { _ in Self.text(&random) } }
        let delimiter: Character = [",", ";", "\t"].randomElement(using: &random)!
        let writer = CSVTestWriter(delimiter: delimiter, lineBreak: Bool.random(using: &random) ? "\r\n" : "\n")
        let chunkSize = chunkSizes.randomElement(using: &random)!

        var csv = writer.record(header) { _ in false } + writer.lineBreak
        var expected: [ReadingOutcome<CSVRow>] = []
        var line = 2
        for (index, row) in rows.enumerated() {
            let record = writer.record(row) { _ in Bool.random(using: &random) }
            expected.append(.record(CSVRow(line: line, fields: row)))
            line += record.reduce(1) { count, character in count + (character.isNewline ? 1 : 0) }
            csv += record
            if index < rows.count - 1 || Bool.random(using: &random) { csv += writer.lineBreak }
        }
        let given = columns == 1 ? delimiter.asciiValue : nil
        let (readHeader, outcomes) = try readCSV(Array(csv.utf8), chunkSize: chunkSize, delimiter: given)
        #expect(readHeader == header)
        #expect(outcomes == expected)

        let json = JSONTestWriter(escapeNonASCII: Bool.random(using: &random), space: Bool.random(using: &random) ? " \n " : "")
        let document = JSONValue.array(rows.map { row in
            JSONValue.object(zip(header, row).map { name, field in (key: name, value: JSONValue.string(field)) })
        })
        var reader = JSONRecordReader(source: MemoryByteSource(json.text(document), chunkSize: chunkSize), fileName: "t.json")
        var texts: [[String]] = []
        while let element = try reader.next() {
            texts.append(try reader.flatRecord(element).fields.map(\.value.text))
        }
        #expect(texts == rows)
    }

    private static func value(depth: Int, _ random: inout SeededGenerator) -> JSONValue {
        let numbers = ["0", "-0", "7", "-12", "19.90", "0.001", "1e10", "-2.5E-3", "6.02e+23", "123456789012345678901234567890"]
        switch Int.random(in: 0..<(depth < 4 ? 7 : 4), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(numbers.randomElement(using: &random)!)
        case 3: return .string(text(&random))
        case 4, 5:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1, &random) })
        default:
            var keys: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let key = text(&random)
                if !keys.contains(key) { keys.append(key) }
            }
            return .object(keys.map { (key: $0, value: value(depth: depth + 1, &random)) })
        }
    }

    @Test(arguments: 0..<300)
    func valuesSurviveJSON(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let values = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.value(depth: 0, &random) }
        let writer = JSONTestWriter(escapeNonASCII: Bool.random(using: &random), space: ["", " ", "\n  ", "\r\n\t"].randomElement(using: &random)!)
        let inObject = Bool.random(using: &random)
        let text = inObject
            ? "{\"exported\": \"heute\", \"records\": " + writer.text(.array(values)) + ", \"count\": \(values.count)}"
            : writer.text(.array(values))
        let chunkSize = chunkSizes.randomElement(using: &random)!

        let (header, outcomes) = try readJSON(Array(text.utf8), chunkSize: chunkSize)
        let read = outcomes.compactMap { outcome -> JSONElement? in
            if case .record(let element) = outcome { element } else { nil }
        }
        #expect(read.count == outcomes.count)
        #expect(read.map(\.value) == values)
        #expect(read.map(\.pointer) == values.indices.map { (inObject ? "/records/" : "/") + "\($0)" })
        #expect(header.map(\.key) == (inObject ? ["exported", "count"] : []))
    }
}
