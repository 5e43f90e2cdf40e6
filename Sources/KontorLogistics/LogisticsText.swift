/// Small text helpers shared by the address, carrier and customs checks.
enum LogisticsText {
    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// A country code as the tables hold it: trimmed, in capitals.
    static func countryCode(_ code: String) -> String {
        trimmed(code).uppercased()
    }

    /// Whether `text` is one or more ASCII digits and nothing else.
    static func isDigits(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Grams as kilograms for messages, without trailing zeros: 840 → "0.84", 1000 → "1",
    /// 31500 → "31.5".
    static func kilograms(_ grams: Int) -> String {
        let sign = grams < 0 ? "-" : ""
        let magnitude = grams.magnitude
        let whole = magnitude / 1000
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
