/// Parses decimal text into exact integer minor units.
///
/// Accepts `119`, `119.5`, `119.00`, `-3.20`, and with `decimalComma` also `119,00`,
/// `1.234,56`, `1.234.567,00` and `12.345.678`. Rejects more fraction digits than `places`
/// unless they are zeros, so that no amount is silently rounded.
///
/// With `decimalComma`, a point is a thousands separator only between groups of three
/// digits (`1.234,56`), and only where it cannot be read as a decimal point instead: a value
/// with a single point and no comma (`8.90`, `1.234`) is refused as `ambiguousSeparator`,
/// since a file that mixes both styles would otherwise be booked at a hundred or a thousand
/// times its amount.
public enum DecimalParser {
    /// Why a text is not a decimal number.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case notANumber
        case tooManyDecimals(Int)
        case outOfRange
        /// With a decimal comma: a single point and no comma, as in `8.90` or `1.234`; the
        /// point may be meant as a decimal point or as a thousands separator.
        case ambiguousSeparator
    }

    /// Parses `text` into an integer scaled by 10^`places`.
    public static func parse(_ text: String, places: Int = 2, decimalComma: Bool = false) -> Result<Int, Failure> {
        var s = Substring(text.trimmingSpaces())
        if s.isEmpty { return .failure(.empty) }
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if s.isEmpty { return .failure(.notANumber) }

        let decimalMark: Character = decimalComma ? "," : "."
        let parts = s.split(separator: decimalMark, maxSplits: 1, omittingEmptySubsequences: false)
        var integerText = parts[0]
        let fractionText = parts.count > 1 ? parts[1] : ""
        let groupMark: Character? = decimalComma ? "." : nil
        guard integerText.allSatisfy({ $0.isASCIIDigit || $0 == groupMark }), fractionText.allSatisfy(\.isASCIIDigit),
              !(integerText.isEmpty && fractionText.isEmpty) else { return .failure(.notANumber) }
        if decimalComma, integerText.contains(".") {
            switch ungrouped(integerText, hasComma: parts.count > 1) {
            case .success(let digits): integerText = digits
            case .failure(let failure): return .failure(failure)
            }
        }

        var integerPart = 0
        for ch in integerText {
            let (m, o1) = integerPart.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(ch.wholeNumberValue!)
            if o1 || o2 || a > Int.max / 1_000_000 { return .failure(.outOfRange) }
            integerPart = a
        }
        var fraction = 0
        var fractionDigits = 0
        for ch in fractionText {
            if fractionDigits < places {
                fraction = fraction * 10 + ch.wholeNumberValue!
                fractionDigits += 1
            } else if ch != "0" {
                return .failure(.tooManyDecimals(places))
            }
        }
        while fractionDigits < places { fraction *= 10; fractionDigits += 1 }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let value = integerPart * scale + fraction
        return .success(negative ? -value : value)
    }

    /// The digits of an integer part written with points between groups of three
    /// (`1.234.567`): the first group has one to three digits, every later one three.
    /// `hasComma` tells whether a decimal comma follows; without one, a single point is
    /// ambiguous.
    private static func ungrouped(_ text: Substring, hasComma: Bool) -> Result<Substring, Failure> {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count == 2, !hasComma { return .failure(.ambiguousSeparator) }
        guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
            return .failure(.notANumber)
        }
        return .success(Substring(groups.joined()))
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0 to 9.
    public var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    public func trimmingSpaces() -> String {
        // Most fields start and end with a visible ASCII character (no ASCII character above
        // the space is white space): nothing to trim, and no Unicode property to look up.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
