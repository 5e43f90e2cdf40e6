import Foundation

/// Advance widths of Helvetica and Helvetica-Bold (Adobe's AFM files) in 1/1000 em, for
/// laying out text on a `PDFPage`.
enum HelveticaMetrics {
    /// ASCII 32–126 in Helvetica.
    static let regular: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    /// ASCII 32–126 in Helvetica-Bold.
    static let bold: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]

    /// The width of one Windows-1252 character: from the table for ASCII, of the base
    /// letter for a letter with marks, 611 for ß, 1000 for … and —, else that of a digit.
    static func width(of scalar: Unicode.Scalar, in table: [Int]) -> Int {
        if (32...126).contains(scalar.value) { return table[Int(scalar.value) - 32] }
        switch scalar {
        case "ß": return 611
        case "…", "—", "‰": return 1000
        case "·", "•": return table[Int(UInt8(ascii: ".")) - 32]
        default: break
        }
        if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           (65...122).contains(base.value) {
            return table[Int(base.value) - 32]
        }
        return 556
    }
}
