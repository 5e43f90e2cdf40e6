/// Parses decimal text into exact integer minor units.
///
/// Accepts `119`, `119.5`, `119.00`, `-3.20`, and with `decimalComma` also `119,00` and
/// `1.234,56`. Rejects more fraction digits than `places` unless they are zeros, so that
/// no amount is silently rounded.
public enum DecimalParser {
    /// Why a text is not a decimal number.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case notANumber
        case tooManyDecimals(Int)
        case outOfRange
    }

    /// Parses `text` into an integer scaled by 10^`places`.
    public static func parse(_ text: String, places: Int = 2, decimalComma: Bool = false) -> Result<Int, Failure> {
        var s = Substring(text.trimmingSpaces())
        if s.isEmpty { return .failure(.empty) }
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if s.isEmpty { return .failure(.notANumber) }

        let decimalMark: Character
        let groupMark: Character?
        if decimalComma {
            decimalMark = ","
            groupMark = "."
        } else {
            decimalMark = "."
            groupMark = nil
        }
        var integerPart = 0
        var fraction = 0
        var fractionDigits = 0
        var seenMark = false
        var digits = 0
        for ch in s {
            if ch == decimalMark {
                if seenMark { return .failure(.notANumber) }
                seenMark = true
                continue
            }
            if let groupMark, ch == groupMark, !seenMark { continue }
            guard let d = ch.wholeNumberValue, ch.isASCII else { return .failure(.notANumber) }
            digits += 1
            if seenMark {
                if fractionDigits < places {
                    fraction = fraction * 10 + d
                    fractionDigits += 1
                } else if d != 0 {
                    return .failure(.tooManyDecimals(places))
                }
            } else {
                let (m, o1) = integerPart.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                if o1 || o2 || a > Int.max / 1_000_000 { return .failure(.outOfRange) }
                integerPart = a
            }
        }
        if digits == 0 { return .failure(.notANumber) }
        while fractionDigits < places { fraction *= 10; fractionDigits += 1 }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let value = integerPart * scale + fraction
        return .success(negative ? -value : value)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
