/// The character encoding of a text file: how its bytes become characters.
///
/// Shops export UTF-8 today; older Windows programs (and Excel's plain "CSV" format)
/// still write Windows-1252. The bytes Kontor's readers look for (quotes, delimiters,
/// line breaks) are the same ASCII bytes in both, so a reader splits the bytes first
/// and decodes each piece of text afterwards.
public enum TextEncoding: Sendable {
    /// UTF-8, the default.
    case utf8
    /// Windows-1252 ("ANSI" on a German Windows), where `0xE4` is `ä` and `0x80` is `€`.
    case windows1252

    /// The text the bytes stand for, or nil when they are not valid in this encoding.
    ///
    /// Only UTF-8 can fail: every byte is a character in Windows-1252.
    public func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        switch self {
        case .utf8: UTF8Validator.isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
        case .windows1252: TextEncoding.decodeWindows1252(bytes)
        }
    }

    /// The text that Windows-1252 bytes stand for.
    ///
    /// `0x80`–`0x9F` follow the Windows-1252 table (`0x80` is `€`, `0x84` is `„`); the five
    /// bytes that table leaves undefined become the control characters of the same number,
    /// as browsers decode them. `0xA0`–`0xFF` are the Latin-1 characters of the same number.
    public static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252Controls[Int(byte) - 0x80] : UInt32(byte)
            // Every table entry is a valid scalar.
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// The characters of Windows-1252's bytes `0x80`–`0x9F`.
    private static let windows1252Controls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}

extension TextEncoding {
    /// Whether the first bytes of a file are UTF-16 text: a byte order mark (`FF FE`, `FE FF`),
    /// or ASCII with a zero byte beside every character, as Excel's "Unicode text" and some
    /// Windows programs write. Kontor reads UTF-8 and Windows-1252 only.
    public static func looksLikeUTF16(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        let pairs = min(head.count / 2, 256)
        guard pairs >= 2 else { return false }
        var littleEndian = 0, bigEndian = 0
        for i in 0..<pairs {
            let (a, b) = (head[2 * i], head[2 * i + 1])
            if a != 0, b == 0 { littleEndian += 1 }
            if a == 0, b != 0 { bigEndian += 1 }
        }
        return max(littleEndian, bigEndian) * 10 >= pairs * 9
    }
}
