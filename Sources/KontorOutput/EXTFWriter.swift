import Foundation

/// Writes a DATEV-Format (EXTF) file: fields separated by `;`, text fields in double quotes
/// with quotes inside doubled, numbers, amounts and dates bare, every line ended by CR LF,
/// all encoded as Windows-1252 (`Windows1252`).
public struct EXTFWriter: Sendable {
    /// The lines written so far, as text that CP1252 can hold.
    public private(set) var text = ""

    /// An empty file.
    public init() {}

    /// A field of a line.
    public enum Field: Sendable, Equatable {
        /// Text, written in quotes.
        case text(String)
        /// A number, amount, date or account, written as it is.
        case bare(String)
        /// An empty field.
        case empty
    }

    /// Appends one line.
    public mutating func appendLine(_ fields: [Field]) {
        text += fields.map(Self.render).joined(separator: ";")
        text += "\r\n"
    }

    /// The file as Windows-1252 bytes.
    public var bytes: Data { Windows1252.encode(text) }

    private static func render(_ field: Field) -> String {
        switch field {
        case .text(let t): "\"" + Windows1252.representable(t).replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .bare(let b): Windows1252.representable(b).replacingOccurrences(of: ";", with: ",")
        case .empty: ""
        }
    }
}
