import Foundation
import KontorOutput
import Testing

@Suite struct Windows1252Tests {
    @Test func germanTextAndTheEuroSignAreOneByteEach() {
        #expect(Windows1252.encode("Schröder € „Tee“ – ß") == Data([
            0x53, 0x63, 0x68, 0x72, 0xF6, 0x64, 0x65, 0x72, 0x20, 0x80, 0x20, 0x84, 0x54, 0x65, 0x65, 0x93, 0x20, 0x96, 0x20, 0xDF,
        ]))
        #expect(Windows1252.decode(Windows1252.encode("Schröder € „Tee“ – ß")) == "Schröder € „Tee“ – ß")
    }

    @Test func whatCP1252LacksIsReplacedTheSameWayEveryTime() {
        #expect(Windows1252.representable("Gősta Łukasz") == "Gosta Lukasz")
        #expect(Windows1252.representable("Tee 🍵 Laden") == "Tee ? Laden")
        #expect(Windows1252.representable("茶") == "?")
        #expect(Windows1252.representable("a\r\nb\tc") == "a b c")
        #expect(Windows1252.representable("e\u{301}") == "é")
    }

    @Test func extfLinesQuoteTextAndEndInCRLF() {
        var w = EXTFWriter()
        w.appendLine([.bare("12,50"), .text("S"), .empty, .text("Tee \"lose\" 🍵")])
        #expect(w.text == "12,50;\"S\";;\"Tee \"\"lose\"\" ?\"\r\n")
        #expect(w.bytes == Data("12,50;\"S\";;\"Tee \"\"lose\"\" ?\"\r\n".utf8))
    }
}
