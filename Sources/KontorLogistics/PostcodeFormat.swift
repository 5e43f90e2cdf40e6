/// The shape of postcodes in one country, for `AddressCheck` abroad.
///
/// A pattern is read character by character: `9` is a digit, `A` a letter, `X` a digit or a
/// letter, anything else stands for itself. Letters match in either case.
struct PostcodeFormat {
    /// Accepted shapes, e.g. `["999 99", "99999"]`.
    var patterns: [String]
    /// Sentence telling the shop owner the shape, with an example.
    var rule: String
    /// Whether the country's mail also arrives without a postcode (Ireland before Eircodes).
    var optional = false

    /// Whether `postcode` (trimmed) has one of the accepted shapes.
    func accepts(_ postcode: String) -> Bool {
        if postcode.isEmpty { return optional }
        return patterns.contains { Self.matches(postcode, pattern: $0) }
    }

    static func matches(_ text: String, pattern: String) -> Bool {
        guard text.count == pattern.count else { return false }
        return zip(text, pattern).allSatisfy { character, shape in
            switch shape {
            case "9": character.isASCII && character.isNumber
            case "A": character.isASCII && character.isLetter
            case "X": character.isASCII && (character.isLetter || character.isNumber)
            default: character == shape
            }
        }
    }

    /// The format for a country code in capitals; nil where Kontor does not check postcodes.
    static func of(_ country: String) -> PostcodeFormat? { table[country] }

    private static func fourDigits(_ people: String, _ example: String) -> PostcodeFormat {
        PostcodeFormat(patterns: ["9999"], rule: "\(people) postcodes have four digits, such as \(example)")
    }

    private static func fiveDigits(_ people: String, _ example: String) -> PostcodeFormat {
        PostcodeFormat(patterns: ["99999"], rule: "\(people) postcodes have five digits, such as \(example)")
    }

    private static func sixDigits(_ people: String, _ example: String) -> PostcodeFormat {
        PostcodeFormat(patterns: ["999999"], rule: "\(people) postcodes have six digits, such as \(example)")
    }

    private static func threeTwo(_ people: String, _ example: String) -> PostcodeFormat {
        PostcodeFormat(patterns: ["999 99", "99999"],
                       rule: "\(people) postcodes have five digits, written three and two, such as \(example)")
    }

    private static let table: [String: PostcodeFormat] = [
        "AT": fourDigits("Austrian", "1010"),
        "CH": fourDigits("Swiss", "8001"),
        "LI": fourDigits("Liechtenstein", "9490"),
        "BE": fourDigits("Belgian", "1000"),
        "DK": fourDigits("Danish", "1050"),
        "NO": fourDigits("Norwegian", "0150"),
        "LU": fourDigits("Luxembourg", "1009"),
        "HU": fourDigits("Hungarian", "1051"),
        "SI": fourDigits("Slovenian", "1000"),
        "BG": fourDigits("Bulgarian", "1000"),
        "CY": fourDigits("Cypriot", "1010"),
        "AU": fourDigits("Australian", "2000"),
        "NZ": fourDigits("New Zealand", "6011"),
        "ZA": fourDigits("South African", "0001"),
        "FR": fiveDigits("French", "75001"),
        "IT": fiveDigits("Italian", "00118"),
        "ES": fiveDigits("Spanish", "28013"),
        "FI": fiveDigits("Finnish", "00100"),
        "EE": fiveDigits("Estonian", "10111"),
        "HR": fiveDigits("Croatian", "10000"),
        "MC": fiveDigits("Monegasque", "98000"),
        "MX": fiveDigits("Mexican", "06000"),
        "TR": fiveDigits("Turkish", "34000"),
        "KR": fiveDigits("South Korean", "04524"),
        "RO": sixDigits("Romanian", "010011"),
        "RU": sixDigits("Russian", "101000"),
        "CN": sixDigits("Chinese", "100000"),
        "IN": sixDigits("Indian", "110001"),
        "SG": sixDigits("Singapore", "018956"),
        "SE": threeTwo("Swedish", "111 52"),
        "CZ": threeTwo("Czech", "110 00"),
        "SK": threeTwo("Slovak", "811 01"),
        "GR": threeTwo("Greek", "105 57"),
        "LT": PostcodeFormat(patterns: ["99999", "LT-99999"],
                             rule: "Lithuanian postcodes have five digits, such as 01100 or LT-01100"),
        "LV": PostcodeFormat(patterns: ["LV-9999"],
                             rule: "Latvian postcodes are LV- and four digits, such as LV-1050"),
        "NL": PostcodeFormat(patterns: ["9999 AA"],
                             rule: "Dutch postcodes have four digits, a space and two letters, such as 1012 AB"),
        "PL": PostcodeFormat(patterns: ["99-999"],
                             rule: "Polish postcodes have two digits, a hyphen and three digits, such as 00-950"),
        "PT": PostcodeFormat(patterns: ["9999-999"],
                             rule: "Portuguese postcodes have four digits, a hyphen and three digits, such as 1100-148"),
        "MT": PostcodeFormat(patterns: ["AAA 9999"],
                             rule: "Maltese postcodes have three letters, a space and four digits, such as VLT 1117"),
        "IS": PostcodeFormat(patterns: ["999"], rule: "Icelandic postcodes have three digits, such as 101"),
        "JP": PostcodeFormat(patterns: ["999-9999"],
                             rule: "Japanese postcodes have three digits, a hyphen and four digits, such as 100-0001"),
        "BR": PostcodeFormat(patterns: ["99999-999"],
                             rule: "Brazilian postcodes have five digits, a hyphen and three digits, such as 01310-100"),
        "US": PostcodeFormat(patterns: ["99999", "99999-9999"],
                             rule: "US ZIP codes have five digits, or five, a hyphen and four, such as 10001 or 10001-1234"),
        "CA": PostcodeFormat(patterns: ["A9A 9A9"], rule: "Canadian postcodes look like K1A 0B1"),
        "GB": PostcodeFormat(patterns: ["A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA"],
                             rule: "British postcodes have an outward and an inward part, such as SW1A 1AA or M1 1AE"),
        "IE": PostcodeFormat(patterns: ["AXX XXXX"],
                             rule: "Irish Eircodes have three and four characters, such as D02 X285 (or leave it empty)",
                             optional: true),
    ]
}
