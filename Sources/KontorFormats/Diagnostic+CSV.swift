import KontorCore

/// The problems a CSV file can have, worded for the shop owner who has to fix the file.
extension Diagnostic {
    private static let quoteHint = #"Put the whole field in quotes and double each quote inside it: "12"" Zoll" stands for 12" Zoll."#
    private static let sizeHint = "A field this large usually means that a quote was opened and closed far too late; check the quotes in this row."

    static func csvEmpty(file: String) -> Diagnostic {
        Diagnostic(
            "csv.empty",
            "the file is empty or holds only empty lines; the first line must name the columns",
            de: "Die Datei ist leer oder enthält nur leere Zeilen; die erste Zeile muss die Spalten benennen.",
            hint: #"Export the file again with its header line, for example "sku;name;price"."#,
            at: SourceLocation(file: file)
        )
    }

    static func csvEmptyHeader(file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(
            "csv.empty-header",
            "column \(column) has no name in the header",
            de: "Spalte \(column) hat in der Kopfzeile keinen Namen.",
            hint: "Give every column a name in the first line, or delete the empty column.",
            at: SourceLocation(file: file, line: line, column: column)
        )
    }

    static func csvDuplicateHeader(file: String, line: Int, name: String, first: Int, second: Int) -> Diagnostic {
        Diagnostic(
            "csv.duplicate-header",
            "column \"\(name)\" appears twice in the header (columns \(first) and \(second))",
            de: "Die Spalte \"\(name)\" kommt in der Kopfzeile doppelt vor (Spalten \(first) und \(second)).",
            hint: "Rename or delete one of the two columns.",
            at: SourceLocation(file: file, line: line, column: second)
        )
    }

    static func csvFieldCount(file: String, line: Int, fields: Int, columns: Int) -> Diagnostic {
        Diagnostic(
            "csv.field-count",
            "the row has \(count(fields, "field", "fields")), but the header has \(count(columns, "column", "columns"))",
            de: "Die Zeile hat \(count(fields, "Feld", "Felder")), die Kopfzeile aber \(count(columns, "Spalte", "Spalten")).",
            hint: "Look for a missing or an extra delimiter in this row; a text that contains the delimiter must be in quotes.",
            at: SourceLocation(file: file, line: line, column: min(fields, columns) + 1)
        )
    }

    static func csvMixedDelimiters(file: String, line: Int, row: UInt8, header: UInt8) -> Diagnostic {
        Diagnostic(
            "csv.mixed-delimiters",
            "the row is separated by \(name(row)) but the header by \(name(header)) (mixed delimiters)",
            de: "Die Zeile ist durch \(nameDE(row)) getrennt, die Kopfzeile aber durch \(nameDE(header)) (gemischte Trennzeichen).",
            hint: "Use the same delimiter in the whole file; a text that contains the delimiter must be in quotes.",
            at: SourceLocation(file: file, line: line)
        )
    }

    static func csvEncoding(file: String, line: Int, field: Int) -> Diagnostic {
        Diagnostic(
            "csv.encoding",
            "field \(field) is not valid UTF-8 text",
            de: "Feld \(field) ist kein gültiger UTF-8-Text.",
            hint: #"Save the file as UTF-8 (in Excel: "CSV UTF-8")."#,
            at: SourceLocation(file: file, line: line, column: field)
        )
    }

    /// The diagnostic for a problem the scanner found in the record starting on `line`.
    static func csv(_ problem: CSVRecordScanner.Problem, file: String, line: Int) -> Diagnostic {
        switch problem {
        case .strayQuote(let field):
            Diagnostic(
                "csv.stray-quote",
                "field \(field) contains a quote (\") but does not start with one",
                de: "Feld \(field) enthält ein Anführungszeichen (\"), beginnt aber nicht mit einem.",
                hint: quoteHint,
                at: SourceLocation(file: file, line: line, column: field)
            )
        case .textAfterQuote(let field):
            Diagnostic(
                "csv.stray-quote",
                "field \(field) has text after its closing quote",
                de: "Feld \(field) hat Text nach dem schließenden Anführungszeichen.",
                hint: quoteHint,
                at: SourceLocation(file: file, line: line, column: field)
            )
        case .fieldTooLarge(let field):
            Diagnostic(
                "csv.field-too-large",
                "field \(field) is larger than 1 MiB",
                de: "Feld \(field) ist größer als 1 MiB.",
                hint: sizeHint,
                at: SourceLocation(file: file, line: line, column: field)
            )
        case .recordTooLarge:
            Diagnostic(
                "csv.field-too-large",
                "the row is larger than 4 MiB",
                de: "Die Zeile ist größer als 4 MiB.",
                hint: sizeHint,
                at: SourceLocation(file: file, line: line)
            )
        case .unterminatedQuote(let quoteLine, let field):
            Diagnostic(
                "csv.unterminated-quote",
                "the quote that opens field \(field) on line \(quoteLine) is never closed; the rest of the file was read as part of this field",
                de: "Das Anführungszeichen, das Feld \(field) in Zeile \(quoteLine) öffnet, wird nie geschlossen; der Rest der Datei wurde als Teil dieses Feldes gelesen.",
                hint: #"Add the closing quote (") at the end of the field, or double a quote that belongs to the text ("")."#,
                at: SourceLocation(file: file, line: quoteLine, column: field)
            )
        }
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    private static func name(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "tab" : "\"\(Character(Unicode.Scalar(delimiter)))\""
    }

    private static func nameDE(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "Tabulator" : "\"\(Character(Unicode.Scalar(delimiter)))\""
    }
}
