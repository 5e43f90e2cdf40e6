import KontorCore

/// Checks of an article number (EAN, GTIN) as a field gives it.
enum GTIN {
    /// What is wrong with a number that is meant to be a GTIN.
    enum Problem: Equatable {
        /// Not 8 to 14 digits.
        case notDigits
        /// A spreadsheet showed the number in scientific notation (`4,26071E+12`) and saved
        /// it so: its last digits are lost.
        case scientificNotation
        /// The last digit is not the GS1 check digit of those before it (`expected`).
        case checkDigit(found: Int, expected: Int)
    }

    /// The problem of `text`, or nil when it is a GTIN-8, -12, -13 or -14 with the right
    /// check digit (or 9 to 11 digits, taken as they are).
    static func problem(_ text: String) -> Problem? {
        guard (8...14).contains(text.count), text.allSatisfy(\.isASCIIDigit) else {
            return isScientificNotation(text) ? .scientificNotation : .notDigits
        }
        guard [8, 12, 13, 14].contains(text.count) else { return nil }
        let digits = text.map { $0.wholeNumberValue! }
        let expected = checkDigit(of: digits.dropLast())
        return digits.last == expected ? nil : .checkDigit(found: digits.last!, expected: expected)
    }

    /// The GS1 mod-10 check digit: from the right, the digits are weighted 3, 1, 3, 1, …
    static func checkDigit(of digits: some BidirectionalCollection<Int>) -> Int {
        let sum = digits.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    /// `4,26071E+12`, `4.26071e+12`, `4E+12`: digits, a decimal mark, an exponent.
    private static func isScientificNotation(_ text: String) -> Bool {
        guard let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = text[..<e], exponent = text[text.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
            && mantissa.allSatisfy { $0.isASCIIDigit || $0 == "," || $0 == "." } && mantissa.first!.isASCIIDigit
    }
}

extension GTIN.Problem {
    /// The message for the field `name` holding `text`, in English and German, with a hint;
    /// `subject` follows the value (`of article ART-1`).
    func words(_ name: String, _ text: String, subject: (en: String, de: String) = ("", "")) -> (en: String, de: String, hint: String?) {
        let value = "\(name) \"\(text)\"\(subject.en.isEmpty ? "" : " " + subject.en)"
        let valueDE = "\(name) \"\(text)\"\(subject.de.isEmpty ? "" : " " + subject.de)"
        switch self {
        case .notDigits:
            return ("\(value) is not 8 to 14 digits", "\(valueDE) hat nicht 8 bis 14 Ziffern", nil)
        case .scientificNotation:
            return ("\(value) is a number a spreadsheet wrote in scientific notation; its last digits are lost",
                    "\(valueDE) ist eine Zahl, die eine Tabellenkalkulation wissenschaftlich geschrieben hat; ihre letzten Ziffern fehlen",
                    "Format the column as text in the spreadsheet, enter the full EAN again and save the file anew.")
        case .checkDigit(let found, let expected):
            return ("\(value) has the check digit \(found), but the digits before it give \(expected)",
                    "\(valueDE) hat die Prüfziffer \(found), die Ziffern davor ergeben aber \(expected)",
                    "Copy the EAN again from the package or the supplier's list: a digit is wrong.")
        }
    }
}
