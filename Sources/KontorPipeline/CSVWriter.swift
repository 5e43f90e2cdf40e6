import Foundation

/// Writes CSV for spreadsheets: RFC 4180 quoting, and text that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is neutralised
/// with a leading apostrophe.
struct CSVWriter {
    private(set) var text = ""
    let delimiter: Character

    init(header: [String], delimiter: Character = ",") {
        self.delimiter = delimiter
        appendRow(header.map(Cell.text))
    }

    /// A cell: text from outside (neutralised), or a number Kontor printed (kept as is).
    enum Cell {
        case text(String)
        case number(String)
    }

    mutating func appendRow(_ cells: [Cell]) {
        text += cells.map(render).joined(separator: String(delimiter))
        text += "\r\n"
    }

    private func render(_ cell: Cell) -> String {
        var value: String
        switch cell {
        case .number(let n): value = n
        case .text(let t):
            value = t
            if let first = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + t }
        }
        if value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r") {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
