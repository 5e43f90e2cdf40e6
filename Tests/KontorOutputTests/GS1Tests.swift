import KontorOutput
import Testing

@Suite struct GS1Tests {
    @Test(arguments: [
        ("890400021003", 7), ("34012345000000001", 7), ("00614141123456789", 0),
        ("10614141000000001", 9), ("401234500001", 6), ("0", 0), ("1", 7),
    ])
    func checkDigitOfTheWorkedExamples(_ digits: String, _ check: Int) {
        #expect(GS1.checkDigit(digits) == check)
    }

    @Test(arguments: ["", "12a4", " 123", "١٢٣"])
    func checkDigitNeedsDigitsOnly(_ text: String) {
        #expect(GS1.checkDigit(text) == nil)
    }

    @Test func checkDigitTakesSubstrings() {
        #expect(GS1.checkDigit("4012345000016".dropLast()) == 6)
    }
}
