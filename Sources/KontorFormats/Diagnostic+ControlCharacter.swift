import KontorCore

/// Control characters in a text value: invisible in most programs, and a NUL cuts the text
/// where it is stored (`TEA\0-premium` was booked as `TEA`).
extension Diagnostic {
    /// Whether a character is a C0 control character other than tab, line feed and carriage
    /// return, which Kontor refuses in every text it reads.
    static func isRefusedControl(_ value: UInt32) -> Bool {
        value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D
    }

    /// The first refused control character of `text`: its value and 1-based position.
    static func firstRefusedControl(in text: String) -> (value: UInt32, position: Int)? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if isRefusedControl(scalar.value) { return (scalar.value, position) }
        }
        return nil
    }

    /// `column sku holds the control character U+0000 (NUL) at character 4`; `what` names the
    /// value as its format does (`column sku`, `the value of "sku"`, `the text of <sku>`).
    static func controlCharacter(_ value: UInt32, position: Int, what: String, whatDE: String,
                                 at location: SourceLocation) -> Diagnostic {
        let code = "U+" + String(repeating: "0", count: value < 0x10 ? 3 : 2) + String(value, radix: 16, uppercase: true)
        let name = controlNames[Int(value)]
        return Diagnostic(
            "field.control-character",
            "\(what) holds the control character \(code) (\(name)) at character \(position)",
            de: "\(whatDE) enthält das Steuerzeichen \(code) (\(name)) an Zeichen \(position)",
            hint: "Remove the character: it is invisible in most programs, and stored it would cut the text.",
            at: location
        )
    }

    private static let controlNames = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ]
}
