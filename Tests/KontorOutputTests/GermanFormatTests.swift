import KontorOutput
import Testing

@Suite struct GermanFormatTests {
    @Test(arguments: [
        (0, "0,00 €"), (5, "0,05 €"), (490, "4,90 €"), (-490, "-4,90 €"), (-5, "-0,05 €"), (99_999, "999,99 €"),
        (123_456, "1.234,56 €"), (100_000, "1.000,00 €"), (-123_456_789, "-1.234.567,89 €"),
        (100_000_000_00, "100.000.000,00 €"),
    ])
    func euros(minor: Int, printed: String) {
        #expect(GermanFormat.euros(minor) == printed)
    }
}
