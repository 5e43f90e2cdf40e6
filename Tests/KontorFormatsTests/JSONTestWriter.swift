import KontorFormats

/// Writes JSON text, escaping what must be escaped and, when asked, every character
/// outside ASCII as `\u` escapes (surrogate pairs beyond U+FFFF).
struct JSONTestWriter {
    var escapeNonASCII: Bool
    /// Spaces and line breaks put between tokens.
    var space: String

    func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let string): quoted(string)
        case .array(let elements):
            "[" + space + elements.map(text).joined(separator: "," + space) + space + "]"
        case .object(let members):
            "{" + space + members.map { quoted($0.key) + space + ":" + space + text($0.value) }
                .joined(separator: "," + space) + space + "}"
        }
    }

    func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (escapeNonASCII && scalar.value > 0x7F):
                for unit in String(scalar).utf16 {
                    let digits = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                }
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
