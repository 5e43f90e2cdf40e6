import KontorOutput
import Testing

@Suite struct Code128Tests {
    /// Wikipedia's example: Start B, P J J 1 2 3 C; 104 + 1·48 + 2·42 + 3·42 + 4·17 + 5·18
    /// + 6·19 + 7·35 = 879, and 879 mod 103 = 55.
    @Test func textInCodeSetB() {
        #expect(Code128.symbols("PJJ123C") == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106])
    }

    /// 105 + 1·12 + 2·34 + 3·56 + 4·78 = 665, and 665 mod 103 = 47.
    @Test func digitsInCodeSetC() {
        #expect(Code128.symbols("12345678") == [105, 12, 34, 56, 78, 47, 106])
        #expect(Code128.symbols("42") == [105, 42, 44, 106])
    }

    /// Start C, FNC1, 00 34 01 23 45 00 00 00 00 17: 105 + 102 + 3·34 + 4·1 + 5·23 + 6·45
    /// + 11·17 = 885, and 885 mod 103 = 61.
    @Test func ssccAsGS1128() throws {
        let sscc = try #require(SSCC("340123450000000017"))
        #expect(Code128.gs1(sscc.elementString) == [105, 102, 0, 34, 1, 23, 45, 0, 0, 0, 0, 17, 61, 106])
    }

    @Test func setsChangeForDigitRunsAndControlCharacters() {
        // B for "AB", C for 1234, B again for "x".
        #expect(Code128.symbols("AB1234x")?.dropLast(2) == [104, 33, 34, 99, 12, 34, 100, 88])
        // An odd run: its first digit stays in B.
        #expect(Code128.symbols("A12345")?.dropLast(2) == [104, 33, 17, 99, 23, 45])
        // Three digits are not worth a switch.
        #expect(Code128.symbols("A123")?.dropLast(2) == [104, 33, 17, 18, 19])
        // A tab starts in A; a lowercase letter after it switches to B.
        #expect(Code128.symbols("\tAb")?.dropLast(2) == [103, 73, 33, 100, 66])
        // One tab between lowercase letters is shifted.
        #expect(Code128.symbols("a\tb")?.dropLast(2) == [104, 65, 98, 73, 66])
        #expect(Code128.symbols("Tee ä") == nil)
        #expect(Code128.symbols("") == [104, 1, 106])
    }

    @Test func gs1FieldsWithAGroupSeparator() {
        // (10) ABC, FNC1, (21) 1234: Start B, FNC1, "10ABC", FNC1, C 21 12 34.
        #expect(Code128.gs1("10ABC\u{1D}211234")?.dropLast(2) == [104, 102, 17, 16, 33, 34, 35, 102, 99, 21, 12, 34])
    }

    @Test func everySymbolIsElevenModulesAndStopThirteen() {
        #expect(Code128.widths.count == 107)
        for value in 0..<106 {
            #expect(Code128.widths[value].count == 6)
            #expect(Code128.widths[value].reduce(0, +) == 11)
        }
        #expect(Code128.widths[106] == [2, 3, 3, 1, 1, 1, 2])
        #expect(Set(Code128.widths).count == 107)
        let modules = Code128.modules(Code128.symbols("PJJ123C") ?? [])
        #expect(modules.count == 9 * 6 + 7)
        #expect(modules.reduce(0, +) == 9 * 11 + 13)
        #expect(Array(modules.prefix(6)) == [2, 1, 1, 2, 1, 4])
    }
}
