import KontorCore

/// The check of a customs tariff number, as Kontor's formats and BMEcat give it.
enum TariffNumber {
    /// The digits of `text` without spaces, when they are 6 to 11 digits; else nil.
    static func digits(_ text: String) -> String? {
        let digits = text.filter { $0 != " " }
        return (6...11).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) ? digits : nil
    }

    /// The message for the field `name` holding `text`, in English and German, with a hint;
    /// `subject` follows the value (`of article ART-1`).
    static func problem(_ name: String, _ text: String, subject: (en: String, de: String) = ("", ""))
        -> (en: String, de: String, hint: String) {
        let value = "\(name) \"\(text)\"\(subject.en.isEmpty ? "" : " " + subject.en)"
        let valueDE = "\(name) \"\(text)\"\(subject.de.isEmpty ? "" : " " + subject.de)"
        return ("\(value) is not a customs tariff number of 6 to 11 digits",
                "\(valueDE) ist keine Zolltarifnummer mit 6 bis 11 Ziffern",
                "Write the digits of the tariff number, spaces allowed, such as 0902 30 00.")
    }
}
