import KontorFormats
import Testing

@Suite struct TextEncodingTests {
    @Test(arguments: [
        ([0x80] as [UInt8], "€"),
        ([0xE4, 0xF6, 0xFC, 0xDF], "äöüß"),
        ([0xC4, 0xD6, 0xDC], "ÄÖÜ"),
        ([0x84, 0x4B, 0x61, 0x66, 0x66, 0x65, 0x65, 0x93], "„Kaffee“"),
        ([0x96, 0x97, 0x85, 0x99, 0x9F], "–—…™Ÿ"),
        ([0x81, 0x8D, 0x8F, 0x90, 0x9D], "\u{81}\u{8D}\u{8F}\u{90}\u{9D}"),
        ([0x41, 0x20, 0xA0, 0xFF], "A \u{A0}ÿ"),
    ])
    func decodesWindows1252(bytes: [UInt8], text: String) {
        #expect(TextEncoding.windows1252.decode(bytes[...]) == text)
    }

    @Test func decodesUTF8AndRefusesWhatIsNot() {
        #expect(TextEncoding.utf8.decode(Array("Grüße €".utf8)[...]) == "Grüße €")
        #expect(TextEncoding.utf8.decode([0x47, 0x72, 0xFC][...]) == nil)
    }

    @Test(arguments: chunkSizes)
    func validatesUTF8SplitAcrossChunks(chunkSize: Int) {
        let valid = Array("Grüße\n€ 😀 日本\n".utf8)
        #expect(validate(valid, chunkSize: chunkSize) == nil)

        let latin1 = Array("ab\nc".utf8) + [0xE4] + Array("x".utf8)
        #expect(validate(latin1, chunkSize: chunkSize) == UTF8Validator.Position(offset: 4, line: 2))

        let cutOff = Array("€\n€".utf8).dropLast()
        #expect(validate(Array(cutOff), chunkSize: chunkSize) == UTF8Validator.Position(offset: 4, line: 2))
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],   // overlong NUL
        [0xE0, 0x80, 0x80],        // overlong
        [0xED, 0xA0, 0x80],        // surrogate U+D800
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],
        [0x80],                    // continuation without a start
        [0xFF],
    ])
    func refusesInvalidSequences(bytes: [UInt8]) {
        #expect(validate(Array("ok ".utf8) + bytes, chunkSize: 1) == UTF8Validator.Position(offset: 3, line: 1))
        #expect(validate(Array("ok ".utf8) + bytes, chunkSize: 64) == UTF8Validator.Position(offset: 3, line: 1))
    }

    @Test func acceptsTheEdgesOfUnicode() {
        let edges = Array("\u{7F}\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}".unicodeScalars.map(String.init).joined().utf8)
        #expect(validate(edges, chunkSize: 1) == nil)
    }

    private func validate(_ bytes: [UInt8], chunkSize: Int) -> UTF8Validator.Position? {
        var validator = UTF8Validator()
        var source = MemoryByteSource(bytes, chunkSize: chunkSize)
        while let chunk = try? source.nextChunk() { validator.feed(chunk) }
        return validator.finish() ? nil : validator.firstInvalid
    }
}
