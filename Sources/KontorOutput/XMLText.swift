/// Text inside XML that Kontor writes (the liquidity chart's SVG, the index of a tax audit
/// export).
public enum XMLText {
    /// `text` with the characters XML gives a meaning to written as references, and control
    /// characters as spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 allows no control characters: each becomes a space.
            case _ where ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }): out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
