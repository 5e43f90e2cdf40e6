import KontorOutput
import Testing

/// Code 128 symbol values read back by a decoder written from the standard's tables, for
/// many generated texts: every switch, shift and code set C pair must come back as the text.
@Suite struct Code128RoundTripTests {
    /// A small deterministic generator (SplitMix64), so a failure can be repeated.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// The text of `values` (start … check stop), with FNC1 as ASCII 29; nil if the check
    /// symbol is wrong or a value makes no sense where it stands.
    private func decode(_ values: [Int]) -> String? {
        guard values.count >= 3, values.last == 106, Code128.checkValue(Array(values.dropLast(2))) == values[values.count - 2]
        else { return nil }
        enum Set { case a, b, c }
        var set: Set
        switch values[0] {
        case 103: set = .a
        case 104: set = .b
        case 105: set = .c
        default: return nil
        }
        var text = ""
        var shifted = false
        for value in values.dropFirst().dropLast(2) {
            let current: Set = shifted ? (set == .a ? .b : .a) : set
            shifted = false
            switch (current, value) {
            case (_, 102): text += "\u{1D}"
            case (.c, 0...99): text += (value < 10 ? "0" : "") + String(value)
            case (.c, 100), (.a, 100): set = .b
            case (.c, 101), (.b, 101): set = .a
            case (.a, 99), (.b, 99): set = .c
            case (.a, 98), (.b, 98): shifted = true
            case (.a, 0...63), (.b, 0...95): text.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
            case (.a, 64...95): text.unicodeScalars.append(Unicode.Scalar(UInt8(value - 64)))
            default: return nil
            }
        }
        return text
    }

    @Test func generatedTextsComeBack() throws {
        let pool = Array("0123456789012345678901234567890123456789ABCXYZabcxyz -/.~\u{7F}\t\r\n\u{0}\u{1B}".unicodeScalars)
        var generator = Generator(state: 2026)
        for _ in 0..<2000 {
            let length = generator.next(24)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in pool[generator.next(pool.count)] }))
            let values = try #require(Code128.symbols(text))
            #expect(decode(values) == text, "\(values)")
            #expect(values.allSatisfy { (0...106).contains($0) })
        }
    }

    @Test func generatedGS1ElementStringsComeBackAfterTheirFNC1() throws {
        let pool = Array("0123456789012345678901234567890123456789ABCabc-\u{1D}".unicodeScalars)
        var generator = Generator(state: 128)
        for _ in 0..<2000 {
            let length = 2 + generator.next(30)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in pool[generator.next(pool.count)] }))
            let values = try #require(Code128.gs1(text))
            #expect(values[1] == Code128.fnc1)
            #expect(decode(values) == "\u{1D}" + text, "\(values)")
        }
    }

    @Test func evenDigitStringsTakeOneSymbolPerPair() throws {
        var generator = Generator(state: 7)
        for pairs in 1...20 {
            let digits = String((0..<(2 * pairs)).map { _ in Character(String(generator.next(10))) })
            #expect(try #require(Code128.symbols(digits)).count == pairs + 3)
            #expect(try #require(Code128.gs1(digits)).count == pairs + 4)
        }
    }
}
