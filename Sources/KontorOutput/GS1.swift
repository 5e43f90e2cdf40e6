/// GS1 numbering rules shared by GTIN, GLN and SSCC.
public enum GS1 {
    /// The GS1 mod-10 check digit of `digits` (the number without its check digit): the
    /// digits weighted 3, 1, 3, 1, … from the rightmost one, and the check digit the
    /// difference of their sum to the next multiple of ten. Nil if `digits` is empty or holds
    /// anything but the digits 0–9.
    ///
    /// `GS1.checkDigit("890400021003")` is 7; `GS1.checkDigit("34012345000000001")` is 7.
    public static func checkDigit(_ digits: some StringProtocol) -> Int? {
        guard !digits.isEmpty else { return nil }
        var sum = 0
        for (index, byte) in digits.utf8.reversed().enumerated() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sum += Int(byte - UInt8(ascii: "0")) * (index % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }
}
