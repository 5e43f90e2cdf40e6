/// A VAT identification number (USt-IdNr.) of an EU member state, checked for its shape:
/// the country prefix and the characters the member state's numbers have. The shape says
/// nothing of whether the number was issued; that is what the BZSt's confirmation is for.
public struct VATID: Sendable, Hashable, CustomStringConvertible {
    /// The number as written on documents: prefix and characters, without spaces, dots or dashes.
    public let value: String
    /// The member state's ISO country code (`GR` for the prefix `EL`).
    public let country: String

    /// The number in `text`, if it has the shape of its country's numbers; nil otherwise.
    public init?(_ text: String) {
        let cleaned = String(text.uppercased().filter { !" .-\u{a0}".contains($0) })
        guard cleaned.count > 2 else { return nil }
        let prefix = String(cleaned.prefix(2)), rest = String(cleaned.dropFirst(2))
        guard let shapes = Self.shapes[prefix], shapes.contains(where: { Self.matches(rest, $0) }) else { return nil }
        value = cleaned
        country = prefix == "EL" ? "GR" : prefix
    }

    public var description: String { value }

    /// The shapes of each prefix's numbers after the prefix: `d` a digit, `a` a letter, `x`
    /// a letter or digit, an upper-case letter itself.
    static let shapes: [String: [String]] = [
        "AT": ["Udddddddd"],
        "BE": ["0ddddddddd", "1ddddddddd"],
        "BG": ["ddddddddd", "dddddddddd"],
        "CY": ["dddddddda"],
        "CZ": ["dddddddd", "ddddddddd", "dddddddddd"],
        "DE": ["ddddddddd"],
        "DK": ["dddddddd"],
        "EE": ["ddddddddd"],
        "EL": ["ddddddddd"],
        "ES": ["xdddddddx"],
        "FI": ["dddddddd"],
        "FR": ["xxddddddddd"],
        "HR": ["ddddddddddd"],
        "HU": ["dddddddd"],
        "IE": ["ddddddda", "dxddddda", "dddddddaa"],
        "IT": ["ddddddddddd"],
        "LT": ["ddddddddd", "dddddddddddd"],
        "LU": ["dddddddd"],
        "LV": ["ddddddddddd"],
        "MT": ["dddddddd"],
        "NL": ["dddddddddBdd"],
        "PL": ["dddddddddd"],
        "PT": ["ddddddddd"],
        "RO": (2...10).map { String(repeating: "d", count: $0) },
        "SE": ["dddddddddd01"],
        "SI": ["dddddddd"],
        "SK": ["dddddddddd"],
    ]

    private static func matches(_ text: String, _ shape: String) -> Bool {
        guard text.count == shape.count else { return false }
        return zip(text, shape).allSatisfy { c, s in
            switch s {
            case "d": c.isASCII && c.isNumber
            case "a": c.isASCII && c.isLetter
            case "x": c.isASCII && (c.isLetter || c.isNumber)
            default: c == s
            }
        }
    }
}
