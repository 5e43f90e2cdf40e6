/// A Serial Shipping Container Code (SSCC-18): the GS1 number of one parcel or pallet,
/// written as application identifier (00) in a GS1-128 barcode.
///
/// Its 18 digits are an extension digit, the GS1 company prefix (7–10 digits), a serial
/// reference filling up to 17 digits, and the GS1 mod-10 check digit.
public struct SSCC: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The 18 digits, check digit included: `340123450000000017`.
    public let digits: String

    /// An SSCC from its parts, with the check digit computed. Nil if the extension digit is
    /// not 0–9, the company prefix is not 7–10 digits, or the serial is negative or does not
    /// fit the digits the prefix leaves (`serialCapacity(companyPrefix:)`).
    public init?(extensionDigit: Int, companyPrefix: String, serial: Int) {
        guard (0...9).contains(extensionDigit),
              (7...10).contains(companyPrefix.utf8.count),
              companyPrefix.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              serial >= 0, serial < Self.serialCapacity(companyPrefix: companyPrefix)
        else { return nil }
        let serialDigits = String(serial)
        let width = 16 - companyPrefix.utf8.count
        let body = String(extensionDigit) + companyPrefix
            + String(repeating: "0", count: width - serialDigits.count) + serialDigits
        guard let check = GS1.checkDigit(body) else { return nil }
        digits = body + String(check)
    }

    /// An SSCC read from its 18 digits; nil if they are not 18 digits or the last is not
    /// the check digit of the others.
    public init?(_ digits: String) {
        guard digits.utf8.count == 18,
              let check = GS1.checkDigit(digits.dropLast()),
              digits.last?.wholeNumberValue == check
        else { return nil }
        self.digits = digits
    }

    /// How many serial references a company prefix leaves room for: 10^(16 − prefix length),
    /// 1,000,000,000 for a 7-digit prefix.
    public static func serialCapacity(companyPrefix: String) -> Int {
        var capacity = 1
        for _ in 0..<max(0, 16 - companyPrefix.utf8.count) { capacity *= 10 }
        return capacity
    }

    /// The barcode text with its application identifier: `(00) 340123450000000017`.
    public var humanReadable: String { "(00) " + digits }

    /// The GS1 element string to encode in GS1-128: `00340123450000000017`.
    public var elementString: String { "00" + digits }

    /// The 18 digits.
    public var description: String { digits }
}
