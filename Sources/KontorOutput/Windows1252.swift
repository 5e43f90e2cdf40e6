import Foundation

/// Encodes text as Windows-1252 (CP1252), the character set every DATEV import reads.
/// A character CP1252 lacks is replaced the same way every time: by its base letter where
/// it is a letter with marks CP1252 has not (`ő` → `o`, `ł` → `l`), else by `?` (an emoji,
/// a Chinese character). Line breaks and tabs become spaces.
public enum Windows1252 {
    /// The bytes 0x80–0x9F of CP1252 and the characters they stand for (0x81, 0x8D, 0x8F,
    /// 0x90 and 0x9D are unassigned).
    static let upper: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// Letters with a stroke or without a dot, which have no decomposition: their plain letter.
    static let strokes: [Character: Character] = [
        "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Ŧ": "T", "ŧ": "t",
    ]

    /// What replaces a character CP1252 cannot hold and that has no base letter it can.
    public static let replacement: Character = "?"

    /// The CP1252 byte of a Unicode scalar, nil where CP1252 has none.
    public static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x00...0x7F, 0xA0...0xFF: UInt8(scalar.value)
        default: upper[scalar.value]
        }
    }

    /// `text` with every character CP1252 cannot hold replaced, and line breaks and tabs
    /// turned into spaces: what `encode` writes, as a string.
    public static func representable(_ text: String) -> String {
        replacingUnencodable(text, keepingLineBreaks: false)
    }

    private static func replacingUnencodable(_ text: String, keepingLineBreaks: Bool) -> String {
        var result = ""
        for character in text {
            if character == "\r\n" || character == "\n" || character == "\r" || character == "\t" {
                if keepingLineBreaks { result.append(character) } else { result.append(" ") }
            } else if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, byte(scalar) != nil {
                result.append(character)
            } else if let precomposed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars.first,
                      String(character).precomposedStringWithCanonicalMapping.unicodeScalars.count == 1,
                      byte(precomposed) != nil {
                result.unicodeScalars.append(precomposed)
            } else if let plain = strokes[character] {
                result.append(plain)
            } else if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      base.properties.isAlphabetic, byte(base) != nil {
                result.unicodeScalars.append(base)
            } else {
                result.append(replacement)
            }
        }
        return result
    }

    /// `text` as CP1252 bytes, with characters CP1252 lacks replaced as `representable`
    /// replaces them; line breaks and tabs are kept.
    public static func encode(_ text: String) -> Data {
        var data = Data()
        data.reserveCapacity(text.utf8.count)
        for scalar in replacingUnencodable(text, keepingLineBreaks: true).unicodeScalars {
            data.append(byte(scalar) ?? UInt8(ascii: "?"))
        }
        return data
    }

    /// Reads CP1252 bytes back as text (for checking a written file); nil if a byte is unassigned.
    public static func decode(_ data: Data) -> String? {
        var lower: [UInt8: UInt32] = [:]
        for (scalar, byte) in upper { lower[byte] = scalar }
        var text = String.UnicodeScalarView()
        for b in data {
            switch b {
            case 0x80...0x9F:
                guard let value = lower[b], let scalar = Unicode.Scalar(value) else { return nil }
                text.append(scalar)
            default: text.append(Unicode.Scalar(b))
            }
        }
        return String(text)
    }
}
