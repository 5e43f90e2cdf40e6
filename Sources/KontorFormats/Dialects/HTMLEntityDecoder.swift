/// Resolves the HTML character references that shop systems built on WordPress leave in
/// names and addresses: `&amp;`, `&ndash;`, `&#8211;`, `&#x2013;`, `&uuml;`.
///
/// Numeric references are resolved whatever the character; named ones from the set that
/// appears in German shop data (umlauts, dashes, quotes, spaces, signs). A reference that
/// is not known, or not closed by `;`, is left as written.
enum HTMLEntityDecoder {
    /// The named references resolved, by name.
    static let named: [Substring: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ccedil": "ç", "oslash": "ø",
        "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "middot": "·",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "euro": "€", "copy": "©", "reg": "®", "trade": "™",
        "deg": "°", "times": "×", "frac12": "½", "frac14": "¼", "sup2": "²", "micro": "µ",
    ]

    /// `text` with its character references resolved.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            if let semicolon = rest[afterAmp...].prefix(12).firstIndex(of: ";"),
               let character = resolve(rest[afterAmp..<semicolon]) {
                out.append(character)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = rest[afterAmp...]
            }
        }
        out += rest
        return out
    }

    /// The character a reference's name (between `&` and `;`) stands for.
    private static func resolve(_ name: Substring) -> Character? {
        guard name.first == "#" else { return named[name] }
        let digits = name.dropFirst()
        let code: UInt32?
        if digits.first == "x" || digits.first == "X" {
            code = UInt32(digits.dropFirst(), radix: 16)
        } else {
            code = UInt32(digits, radix: 10)
        }
        guard let code, code != 0, let scalar = Unicode.Scalar(code) else { return nil }
        return Character(scalar)
    }
}
