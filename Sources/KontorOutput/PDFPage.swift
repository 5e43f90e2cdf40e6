import Foundation

/// One page of a `PDFDocument`: text in Helvetica, lines, rectangles and barcodes, placed
/// in points (1/72 inch) from the bottom-left corner.
public struct PDFPage: Sendable {
    /// The page's width in points.
    public let width: Double
    /// The page's height in points.
    public let height: Double
    /// The page's content stream, ASCII only (text is written with octal escapes).
    private(set) var content = ""

    /// The width of an A4 page in points (210 mm).
    public static let a4Width = mm(210)
    /// The height of an A4 page in points (297 mm).
    public static let a4Height = mm(297)

    /// An empty page `width` × `height` points.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Millimetres in points: `mm(25.4)` is 72.
    public static func mm(_ v: Double) -> Double { v * 72 / 25.4 }

    /// Writes `s` on one line with its baseline starting at (`x`, `y`), in Helvetica (or
    /// Helvetica-Bold) of `size` points. Characters Windows-1252 lacks print as their base
    /// letter or `?`; line breaks and tabs print as spaces.
    public mutating func text(_ s: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        content += "BT /\(bold ? "F2" : "F1") \(Self.number(size)) Tf \(Self.number(x)) \(Self.number(y)) Td "
            + Self.literal(s) + " Tj ET\n"
    }

    /// Writes `s` with its right end at `x`.
    public mutating func textRight(_ s: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        text(s, x: x - Self.textWidth(s, size: size, bold: bold), y: y, size: size, bold: bold)
    }

    /// Writes `s` centred on `x`.
    public mutating func textCentered(_ s: String, x: Double, y: Double, size: Double, bold: Bool = false) {
        text(s, x: x - Self.textWidth(s, size: size, bold: bold) / 2, y: y, size: size, bold: bold)
    }

    /// Draws a straight line `width` points thick.
    public mutating func line(from: (Double, Double), to: (Double, Double), width: Double = 0.5) {
        content += "\(Self.number(width)) w \(Self.number(from.0)) \(Self.number(from.1)) m "
            + "\(Self.number(to.0)) \(Self.number(to.1)) l S\n"
    }

    /// Draws a rectangle with its bottom-left corner at (`x`, `y`), filled black or, with
    /// `filled: false`, as a 0.5-point outline.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, filled: Bool = true) {
        let rect = "\(Self.number(x)) \(Self.number(y)) \(Self.number(width)) \(Self.number(height)) re"
        content += filled ? rect + " f\n" : "0.5 w " + rect + " S\n"
    }

    /// Draws a barcode from its bar and space widths in modules (bar first, as
    /// `Code128.modules` gives them) with its bottom-left corner at (`x`, `y`). The quiet
    /// zones are the caller's to leave free.
    public mutating func barcode(_ modules: [Int], x: Double, y: Double, moduleWidth: Double, height: Double) {
        var position = x
        var bars = ""
        for (index, count) in modules.enumerated() {
            let width = Double(count) * moduleWidth
            if index % 2 == 0 {
                bars += "\(Self.number(position, places: 4)) \(Self.number(y)) "
                    + "\(Self.number(width, places: 4)) \(Self.number(height)) re\n"
            }
            position += width
        }
        if !bars.isEmpty { content += bars + "f\n" }
    }

    /// The width of `s` in points as `text` prints it, from the Helvetica metrics (letters
    /// with marks as wide as their base letter, other characters beyond ASCII as a digit).
    public static func textWidth(_ s: String, size: Double, bold: Bool = false) -> Double {
        let table = bold ? HelveticaMetrics.bold : HelveticaMetrics.regular
        var units = 0
        for scalar in Windows1252.representable(s).unicodeScalars {
            units += HelveticaMetrics.width(of: scalar, in: table)
        }
        return Double(units) * size / 1000
    }

    /// `s` cut and ended with `…` where it is wider than `width` points.
    public static func fitting(_ s: String, width: Double, size: Double, bold: Bool = false) -> String {
        guard textWidth(s, size: size, bold: bold) > width else { return s }
        var cut = Substring(s)
        while !cut.isEmpty, textWidth(cut + "…", size: size, bold: bold) > width { cut = cut.dropLast() }
        return cut + "…"
    }

    /// A number as PDF writes it: at most `places` decimals, no exponent, no trailing zeros.
    static func number(_ v: Double, places: Int = 2) -> String {
        var s = String(format: "%.\(places)f", v)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }

    /// `s` as a PDF literal string in Windows-1252: `(`, `)` and `\` escaped, every byte
    /// outside printable ASCII as an octal escape.
    static func literal(_ s: String) -> String {
        var out = "("
        for byte in Windows1252.encode(Windows1252.representable(s)) {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out += "\\" + String(UnicodeScalar(byte))
            case 32...126:
                out += String(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return out + ")"
    }
}
