import KontorOutput
import Testing

@Suite struct SSCCTests {
    @Test func builtFromItsPartsWithTheCheckDigit() throws {
        let sscc = try #require(SSCC(extensionDigit: 3, companyPrefix: "4012345", serial: 1))
        #expect(sscc.digits == "340123450000000017")
        #expect(sscc.humanReadable == "(00) 340123450000000017")
        #expect(sscc.elementString == "00340123450000000017")
        #expect(sscc.description == "340123450000000017")
        #expect(SSCC(extensionDigit: 0, companyPrefix: "0614141", serial: 123456789)?.digits == "006141411234567890")
        #expect(SSCC(extensionDigit: 1, companyPrefix: "0614141", serial: 1)?.digits == "106141410000000019")
    }

    @Test func theSerialFillsWhatThePrefixLeaves() {
        #expect(SSCC.serialCapacity(companyPrefix: "4012345") == 1_000_000_000)
        #expect(SSCC.serialCapacity(companyPrefix: "4012345678") == 1_000_000)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "4012345678", serial: 999_999)?.digits.count == 18)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "4012345678", serial: 1_000_000) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "4012345", serial: 999_999_999)?.digits.hasPrefix("34012345999999999") == true)
    }

    @Test func wrongPartsGiveNoSSCC() {
        #expect(SSCC(extensionDigit: 10, companyPrefix: "4012345", serial: 1) == nil)
        #expect(SSCC(extensionDigit: -1, companyPrefix: "4012345", serial: 1) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "401234", serial: 1) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "40123456789", serial: 1) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "40123a5", serial: 1) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "4012345", serial: -1) == nil)
        #expect(SSCC(extensionDigit: 3, companyPrefix: "4012345", serial: 1_000_000_000) == nil)
    }

    @Test func readFromDigitsOnlyWithTheRightCheckDigit() {
        #expect(SSCC("340123450000000017")?.digits == "340123450000000017")
        #expect(SSCC("340123450000000017") == SSCC(extensionDigit: 3, companyPrefix: "4012345", serial: 1))
        #expect(SSCC("340123450000000018") == nil)
        #expect(SSCC("34012345000000001") == nil)
        #expect(SSCC("3401234500000000170") == nil)
        #expect(SSCC("3401234500000000a7") == nil)
    }
}
