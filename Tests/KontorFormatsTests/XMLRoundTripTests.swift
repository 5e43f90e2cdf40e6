import KontorCore
import KontorFormats
import KontorTestSupport
import Testing

/// Generated records, written as XML with proper escaping, read back equal.
struct XMLRoundTripTests {
    /// SplitMix64: a small seeded generator, so that a failure repeats.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [Character] = Array("abcXYZ019 <>&\"'=;#/-_.,\t\näöüßÄ€😀中文\u{00A0}]]>") + ["\u{1F468}\u{200D}\u{1F469}"]

    static func text(_ generator: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    static func escaped(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            default: result.append(character)
            }
        }
        return result
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func generatedRecordsReadBackEqual(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records xmlns=\"urn:example:generated\">\n"
        var expected: [(label: String, fields: [(name: String, text: String)])] = []
        for _ in 0..<300 {
            let label = Self.text(&generator)
            let fields = (0..<Int.random(in: 0...6, using: &generator)).map { index in
                (name: "f\(index)", text: Self.text(&generator))
            }
            expected.append((label, fields))
            xml += "  <record label=\"\(Self.escaped(label, inAttribute: true))\">"
            for field in fields {
                xml += field.text.isEmpty && Bool.random(using: &generator)
                    ? "<\(field.name)/>"
                    : "<\(field.name)>\(Self.escaped(field.text, inAttribute: false))</\(field.name)>"
            }
            xml += "</record>\n"
        }
        xml += "</records>\n"

        let chunkSize = Int.random(in: 1...300, using: &generator)
        let (records, diagnostics) = try readXMLRecords(xml, chunkSize: chunkSize)
        #expect(diagnostics.isEmpty)
        try #require(records.count == expected.count)
        for (record, want) in zip(records, expected) {
            #expect(record.attribute("label") == want.label)
            #expect(record.children.map(\.name) == want.fields.map(\.name))
            #expect(record.children.map(\.text) == want.fields.map(\.text))
        }
    }
}
