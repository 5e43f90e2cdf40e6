/// A ZPL II label for Zebra printers, built field by field so that no text can break out of
/// its field: every `^FD` is preceded by `^FH` and holds `^`, `~`, `_` and control
/// characters only as `_` hex escapes (`_5E` for `^`), and ends with `^FS`.
///
/// Positions and sizes are in printer dots (8 per millimetre at 203 dpi).
public struct ZPL: Sendable {
    /// The print width in dots (`^PW`).
    public let widthDots: Int
    /// The label length in dots (`^LL`).
    public let lengthDots: Int
    private var commands: [String] = []

    /// An empty label `widthDots` wide and `lengthDots` long: 800 × 1200 for 100 × 150 mm
    /// at 8 dots per millimetre.
    public init(widthDots: Int, lengthDots: Int) {
        self.widthDots = widthDots
        self.lengthDots = lengthDots
    }

    /// The label: `^XA`, `^CI28` (field data in UTF-8), `^PW`, `^LL`, `^LH0,0`, the fields
    /// in the order added, `^XZ`; one command or field a line.
    public var string: String {
        (["^XA", "^CI28", "^PW\(widthDots)", "^LL\(lengthDots)", "^LH0,0"] + commands + ["^XZ"])
            .joined(separator: "\n") + "\n"
    }

    /// A comment (`^FX`) in the label text; `^` and `~` in it become spaces.
    public mutating func comment(_ s: String) {
        commands.append("^FX " + String(s.map { $0 == "^" || $0 == "~" || $0.isNewline ? " " : $0 }))
    }

    /// Text in the scalable font 0 with its top-left corner at (`x`, `y`), `height` dots
    /// high and `width` dots wide per character (as high, if nil). Line breaks and tabs
    /// print as spaces.
    public mutating func text(_ s: String, x: Int, y: Int, height: Int, width: Int? = nil) {
        let line = String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        commands.append("^FO\(x),\(y)^A0N,\(height),\(width ?? height)^FH^FD\(Self.fieldData(line))^FS")
    }

    /// A box, or with `height` (or `width`) equal to `thickness` a line (`^GB`).
    public mutating func box(x: Int, y: Int, width: Int, height: Int, thickness: Int) {
        commands.append("^FO\(x),\(y)^GB\(width),\(height),\(thickness)^FS")
    }

    /// A Code 128 barcode of `text` in subset B (`>:`), its bars `moduleWidth` dots per
    /// module (`^BY`) and `height` dots high, with the text printed below when
    /// `interpretation` is true. Characters outside printable ASCII, which subset B lacks,
    /// are encoded as `?`.
    public mutating func code128(_ text: String, x: Int, y: Int, moduleWidth: Int, height: Int, interpretation: Bool = true) {
        commands.append("^BY\(moduleWidth),3,\(height)")
        commands.append("^FO\(x),\(y)^BCN,\(height),\(interpretation ? "Y" : "N"),N,N^FH^FD>:"
            + Self.barcodeData(Code128.printableASCII(text)) + "^FS")
    }

    /// A GS1-128 barcode of an all-digit element string (`00` + SSCC): subset C (`>;`) and
    /// FNC1 (`>8`) before the data, without the printer's interpretation line.
    public mutating func gs1128(digits elementString: String, x: Int, y: Int, moduleWidth: Int, height: Int) {
        let digits = String(elementString.filter { $0.isASCII && $0.isNumber })
        commands.append("^BY\(moduleWidth),3,\(height)")
        commands.append("^FO\(x),\(y)^BCN,\(height),N,N,N^FH^FD>;>8\(digits)^FS")
    }

    /// `s` as `^FH` field data: `^`, `~`, `_` and control characters as `_` and two hex
    /// digits of their byte; line breaks count as control characters.
    public static func fieldData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "^", "~", "_", "\u{0}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" + hex : hex)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `s` as Code 128 field data: escaped as `fieldData` does, and `>`, the invocation
    /// character of `^BC`, doubled as `><`.
    public static func barcodeData(_ s: String) -> String {
        fieldData(s).replacing(">", with: "><")
    }
}
