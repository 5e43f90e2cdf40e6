/// Code 128 (ISO/IEC 15417) and GS1-128: the symbol values of a text and the bar and
/// space widths that draw them.
public enum Code128 {
    /// The values of the start symbols for code sets A, B and C.
    public static let startA = 103, startB = 104, startC = 105
    /// The values of FNC1, of the switches to code sets A, B and C, of shift and of stop.
    public static let fnc1 = 102, codeA = 101, codeB = 100, codeC = 99, shift = 98, stop = 106

    /// The widths of the 107 symbols in modules, bar first, alternating bar and space: six
    /// elements of 11 modules for values 0–105, seven of 13 for stop (106).
    public static let widths: [[Int]] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ].map { pattern in pattern.map { $0.wholeNumberValue ?? 0 } }

    /// The symbol values for `text`: start, data, check and stop. Runs of four or more
    /// digits go in code set C (an odd run's first digit in the set before), other printable
    /// characters in B, control characters in A. Nil if `text` holds a character outside
    /// ASCII 0–127.
    public static func symbols(_ text: String) -> [Int]? {
        encode(Array(text.unicodeScalars), fnc1: false)
    }

    /// The symbol values for a GS1-128 barcode of `elementString` (application identifiers
    /// without parentheses, `00340123450000000017`): FNC1 right after the start symbol,
    /// then the data as `symbols` encodes it. A group separator (ASCII 29) in the element
    /// string, which ends a variable-length field, is encoded as FNC1. Nil as for `symbols`.
    public static func gs1(_ elementString: String) -> [Int]? {
        encode(Array(elementString.unicodeScalars), fnc1: true)
    }

    /// Bar and space widths in modules for `symbols` (as `symbols` or `gs1` return them),
    /// starting with a bar; the quiet zones on either side are the caller's. A value
    /// outside 0–106 draws nothing.
    public static func modules(_ symbols: [Int]) -> [Int] {
        symbols.flatMap { widths.indices.contains($0) ? widths[$0] : [] }
    }

    /// The check symbol: the start value plus each following value times its position,
    /// modulo 103.
    public static func checkValue(_ values: [Int]) -> Int {
        var sum = values.first ?? 0
        for (position, value) in values.enumerated().dropFirst() { sum += position * value }
        return sum % 103
    }

    private enum CodeSet { case a, b, c }

    private static let groupSeparator: UInt32 = 29

    private static func encode(_ scalars: [Unicode.Scalar], fnc1: Bool) -> [Int]? {
        guard scalars.allSatisfy({ $0.value < 128 }) else { return nil }
        let chars = scalars.map { Int($0.value) }
        func isDigit(_ i: Int) -> Bool { i < chars.count && (48...57).contains(chars[i]) }
        func digitRun(from i: Int) -> Int {
            var end = i
            while isDigit(end) { end += 1 }
            return end - i
        }
        func isFNC1(_ i: Int) -> Bool { fnc1 && chars[i] == Int(groupSeparator) }
        // The set for the character at i when it is not part of a C run: A for control
        // characters until a lowercase letter comes, B otherwise.
        func textSet(from i: Int) -> CodeSet {
            var j = i
            while j < chars.count {
                if isFNC1(j) { j += 1; continue }
                if chars[j] < 32 { return .a }
                if chars[j] >= 96 { return .b }
                j += 1
            }
            return .b
        }
        func value(_ char: Int, in set: CodeSet) -> Int {
            switch set {
            case .a: char < 32 ? char + 64 : char - 32
            case .b, .c: char - 32
            }
        }
        func fits(_ char: Int, _ set: CodeSet) -> Bool {
            set == .a ? char < 96 : char >= 32
        }

        var values: [Int] = []
        var set: CodeSet
        let leadingRun = digitRun(from: 0)
        if leadingRun >= 4 || (leadingRun == chars.count && leadingRun >= 2 && leadingRun % 2 == 0) {
            set = .c
            values.append(startC)
        } else {
            set = textSet(from: 0)
            values.append(set == .a ? startA : startB)
        }
        if fnc1 { values.append(Self.fnc1) }

        var i = 0
        while i < chars.count {
            if isFNC1(i) {
                values.append(Self.fnc1)
                i += 1
                continue
            }
            let run = digitRun(from: i)
            if set == .c {
                if run >= 2 {
                    values.append(chars[i + 1] - 48 + (chars[i] - 48) * 10)
                    i += 2
                    continue
                }
                set = textSet(from: i)
                values.append(set == .a ? codeA : codeB)
            }
            if run >= 4 {
                if run % 2 == 1 {
                    values.append(value(chars[i], in: set))
                    i += 1
                }
                set = .c
                values.append(codeC)
                continue
            }
            let char = chars[i]
            if !fits(char, set) {
                let other: CodeSet = set == .a ? .b : .a
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                if let next, fits(next, set), !fits(next, other) {
                    values.append(shift)
                    values.append(value(char, in: other))
                    i += 1
                    continue
                }
                set = other
                values.append(other == .a ? codeA : codeB)
            }
            values.append(value(char, in: set))
            i += 1
        }
        values.append(checkValue(values))
        values.append(stop)
        return values
    }
}

extension Code128 {
    /// `text` with every character outside printable ASCII (32–126), which code set B
    /// lacks, replaced by `?`: what a barcode of a free-form reference encodes.
    public static func printableASCII(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { (32...126).contains($0.value) ? $0 : "?" }))
    }
}
