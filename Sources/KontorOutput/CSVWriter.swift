import Foundation

/// Writes CSV for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is neutralised
/// with a leading apostrophe.
public struct CSVWriter: Sendable {
    /// The CSV written so far: the header and every row, each ended by CR LF.
    public private(set) var text = ""
    /// The character between cells.
    public let delimiter: Character

    /// A writer that starts with `header`.
    public init(header: [String], delimiter: Character = ",") {
        self.delimiter = delimiter
        appendRow(header.map(Cell.text))
    }

    /// A writer of rows alone, to continue a file that has its header already.
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// Hands out what was written so far as UTF-8 bytes and starts empty again, so that a
    /// long file can be written in pieces.
    public mutating func take() -> Data {
        defer { text = "" }
        return Data(text.utf8)
    }

    /// A cell: text from outside (neutralised), or a number Kontor printed (kept as is).
    public enum Cell: Sendable {
        /// Text from outside, neutralised if a spreadsheet would run it.
        case text(String)
        /// A number Kontor printed, written as it is.
        case number(String)
    }

    /// Appends one row.
    public mutating func appendRow(_ cells: [Cell]) {
        text += cells.map(render).joined(separator: String(delimiter))
        text += "\r\n"
    }

    /// The CSV as UTF-8 bytes.
    public var bytes: Data { Data(text.utf8) }

    private func render(_ cell: Cell) -> String {
        var value: String
        switch cell {
        case .number(let n): value = n
        case .text(let t):
            value = t
            if let first = t.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
                value = "'" + t
            }
        }
        // One pass over the bytes: quoting is needed for the delimiter, a quote or a line break.
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        if value.utf8.contains(where: { $0 == delimiterByte || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
