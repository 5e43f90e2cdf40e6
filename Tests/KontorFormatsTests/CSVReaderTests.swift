import KontorCore
import KontorFormats
import Testing

@Suite struct CSVReaderTests {
    /// A BOM, CRLF records, a quoted CRLF, doubled quotes, an empty line, umlauts, an LF
    /// inside quotes, and a last record without a line break.
    static let tricky = "\u{FEFF}sku;name;note\r\n"
        + "A1;\"Kaffee \"\"Bio\"\"\";\"Zeile 1\r\nZeile 2\"\r\n"
        + "\r\n"
        + "B2;Müsli;Äpfel & Öl\n"
        + "\"C3\";\"a;b\";\"x\ny\""

    @Test func readsRecordsAsRFC4180() throws {
        let (header, outcomes) = try readCSV(Array(Self.tricky.utf8))
        #expect(header == ["sku", "name", "note"])
        #expect(outcomes == [
            .record(CSVRow(line: 2, fields: ["A1", "Kaffee \"Bio\"", "Zeile 1\r\nZeile 2"])),
            .record(CSVRow(line: 5, fields: ["B2", "Müsli", "Äpfel & Öl"])),
            .record(CSVRow(line: 6, fields: ["C3", "a;b", "x\ny"])),
        ])
    }

    @Test(arguments: chunkSizes)
    func chunkBoundariesChangeNothing(chunkSize: Int) throws {
        let inputs = [
            Self.tricky,
            "a,b\r\n1,2\r\n\r\n3,\"4\r\n\"\"x\"\"\"\r\n",
            "a\tb\rx\ty\r\r\"p\"\t\"q\"\r",
            "sku;name\nA1;\"never closed\nB2;x\n",
            "sku;name\nA1;12\" Display\nB2;ok\n",
        ]
        for input in inputs {
            let whole = try readCSV(Array(input.utf8))
            let chunked = try readCSV(Array(input.utf8), chunkSize: chunkSize)
            #expect(chunked.header == whole.header)
            #expect(chunked.outcomes == whole.outcomes)
        }
    }

    @Test func countsLinesOfEveryLineBreakKind() throws {
        let (_, outcomes) = try readCSV(Array("a\r1\r\r2\n\n3\r\n\r\n\"4\r5\r\n6\n7\"\n8".utf8))
        #expect(outcomes == [
            .record(CSVRow(line: 2, fields: ["1"])),
            .record(CSVRow(line: 4, fields: ["2"])),
            .record(CSVRow(line: 6, fields: ["3"])),
            .record(CSVRow(line: 8, fields: ["4\r5\r\n6\n7"])),
            .record(CSVRow(line: 12, fields: ["8"])),
        ])
    }

    @Test func keepsFieldsAsTheyAre() throws {
        let (header, outcomes) = try readCSV(Array(" sku , name \n=SUM(A1),  -3 \n".utf8))
        #expect(header == ["sku", "name"])
        #expect(outcomes == [.record(CSVRow(line: 2, fields: ["=SUM(A1)", "  -3 "]))])
    }

    @Test func readsEmptyFields() throws {
        let (_, outcomes) = try readCSV(Array("a,b,c\n,,\n\"\",x,\n".utf8))
        #expect(outcomes == [
            .record(CSVRow(line: 2, fields: ["", "", ""])),
            .record(CSVRow(line: 3, fields: ["", "x", ""])),
        ])
    }

    @Test(arguments: [
        ("sku,name,price\nA1,x,1\n", UInt8(ascii: ",")),
        ("sku;name;price\nA1;x,5;1\n", UInt8(ascii: ";")),
        ("sku\tname\tprice\nA1\tx;y\t1,5\n", UInt8(ascii: "\t")),
        ("\"s,k,u\";name;price\n", UInt8(ascii: ";")),
        ("sku\n", UInt8(ascii: ",")),
    ])
    func detectsTheDelimiterFromTheHeader(text: String, delimiter: UInt8) throws {
        let reader = try CSVReader(source: MemoryByteSource(text), fileName: "orders.csv")
        #expect(reader.delimiter == delimiter)
    }

    @Test func takesTheGivenDelimiter() throws {
        var reader = try CSVReader(source: MemoryByteSource("a;b|c\n1;2|3\n"), fileName: "x.csv", delimiter: UInt8(ascii: "|"))
        #expect(reader.header == ["a;b", "c"])
        #expect(try reader.next() == CSVRow(line: 2, fields: ["1;2", "3"]))
    }

    @Test func decodesWindows1252() throws {
        let bytes: [UInt8] = Array("sku;name\nA1;".utf8) + [0x4D, 0xFC, 0x73, 0x6C, 0x69, 0x20, 0x80, 0x35] + [0x0A]
        let (_, outcomes) = try readCSV(bytes, encoding: .windows1252)
        #expect(outcomes == [.record(CSVRow(line: 2, fields: ["A1", "Müsli €5"]))])
    }

    @Test func makesFlatRecordsLocatedByLineAndColumn() throws {
        var reader = try CSVReader(source: MemoryByteSource("sku;qty\n\nA1;\"2\"\n"), fileName: "orders.csv")
        let row = try #require(try reader.next())
        let record = reader.flatRecord(row)
        #expect(record == FlatRecord(
            location: SourceLocation(file: "orders.csv", line: 3),
            fields: [
                (name: "sku", value: FieldValue(text: "A1", location: SourceLocation(file: "orders.csv", line: 3, column: 1))),
                (name: "qty", value: FieldValue(text: "2", location: SourceLocation(file: "orders.csv", line: 3, column: 2))),
            ]
        ))
    }

    // MARK: Problems

    @Test func reportsAnUnterminatedQuoteWhereItOpened() throws {
        let (_, outcomes) = try readCSV(Array("sku;name;note\nA1;x;y\nA2;\"Kaffee\nA3;Tee;z\n".utf8))
        let problem = Diagnostic(
            "csv.unterminated-quote",
            "the quote that opens field 2 on line 3 is never closed; the rest of the file was read as part of this field",
            de: "Das Anführungszeichen, das Feld 2 in Zeile 3 öffnet, wird nie geschlossen; der Rest der Datei wurde als Teil dieses Feldes gelesen.",
            hint: #"Add the closing quote (") at the end of the field, or double a quote that belongs to the text ("")."#,
            at: SourceLocation(file: "orders.csv", line: 3, column: 2)
        )
        #expect(outcomes == [.record(CSVRow(line: 2, fields: ["A1", "x", "y"])), .problem(problem)])
        #expect(problem.description == "orders.csv:3:2: the quote that opens field 2 on line 3 is never closed; the rest of the file was read as part of this field")
    }

    @Test(arguments: [
        ("", "orders.csv: the file is empty or holds only empty lines; the first line must name the columns"),
        ("\u{FEFF}\r\n\n", "orders.csv: the file is empty or holds only empty lines; the first line must name the columns"),
        ("id,sku,name,sku\n", "orders.csv:1:4: column \"sku\" appears twice in the header (columns 2 and 4)"),
        ("id,SKU,name,sku \n", "orders.csv:1:4: column \"sku\" appears twice in the header (columns 2 and 4)"),
        ("sku;;name\n", "orders.csv:1:2: column 2 has no name in the header"),
        ("\nsku;name; \n", "orders.csv:2:3: column 3 has no name in the header"),
        ("sku;na\"me\n", "orders.csv:1:2: field 2 contains a quote (\") but does not start with one"),
        ("sku;\"name\n", "orders.csv:1:2: the quote that opens field 2 on line 1 is never closed; the rest of the file was read as part of this field"),
    ])
    func reportsHeaderProblems(text: String, message: String) throws {
        let problems = try csvProblems(text)
        #expect(problems.map(\.description) == [message])
        #expect(problems.allSatisfy { $0.messageDE != nil && $0.hint != nil && $0.severity == .error })
    }

    @Test func headerProblemsHaveCodesAndGerman() throws {
        let empty = try #require(try csvProblems("").first)
        #expect(empty.code == "csv.empty")
        #expect(empty.messageDE == "Die Datei ist leer oder enthält nur leere Zeilen; die erste Zeile muss die Spalten benennen.")
        let duplicate = try #require(try csvProblems("id,sku,name,sku\n").first)
        #expect(duplicate.code == "csv.duplicate-header")
        #expect(duplicate.messageDE == "Die Spalte \"sku\" kommt in der Kopfzeile doppelt vor (Spalten 2 und 4).")
        #expect(duplicate.hint == "Rename or delete one of the two columns.")
        let unnamed = try #require(try csvProblems("sku;;name\n").first)
        #expect(unnamed.code == "csv.empty-header")
        #expect(unnamed.messageDE == "Spalte 2 hat in der Kopfzeile keinen Namen.")
    }

    @Test(arguments: [
        ("A1;Kaffee", "csv.field-count", "orders.csv:2:3: the row has 2 fields, but the header has 3 columns",
         "Die Zeile hat 2 Felder, die Kopfzeile aber 3 Spalten."),
        ("A1;Kaffee;2;x", "csv.field-count", "orders.csv:2:4: the row has 4 fields, but the header has 3 columns",
         "Die Zeile hat 4 Felder, die Kopfzeile aber 3 Spalten."),
        ("A1", "csv.field-count", "orders.csv:2:2: the row has 1 field, but the header has 3 columns",
         "Die Zeile hat 1 Feld, die Kopfzeile aber 3 Spalten."),
        ("A1,Kaffee,2", "csv.mixed-delimiters", "orders.csv:2: the row is separated by \",\" but the header by \";\" (mixed delimiters)",
         "Die Zeile ist durch \",\" getrennt, die Kopfzeile aber durch \";\" (gemischte Trennzeichen)."),
        ("A1\tKaffee\t2", "csv.mixed-delimiters", "orders.csv:2: the row is separated by tab but the header by \";\" (mixed delimiters)",
         "Die Zeile ist durch Tabulator getrennt, die Kopfzeile aber durch \";\" (gemischte Trennzeichen)."),
        ("A1;12\" Display;2", "csv.stray-quote", "orders.csv:2:2: field 2 contains a quote (\") but does not start with one",
         "Feld 2 enthält ein Anführungszeichen (\"), beginnt aber nicht mit einem."),
        ("A1;\"12\" Display;2", "csv.stray-quote", "orders.csv:2:2: field 2 has text after its closing quote",
         "Feld 2 hat Text nach dem schließenden Anführungszeichen."),
    ])
    func reportsRowProblemsAndReadsOn(row: String, code: String, message: String, german: String) throws {
        let (_, outcomes) = try readCSV(Array("sku;name;qty\n\(row)\nB2;Tee;1\n".utf8))
        #expect(outcomes.count == 2)
        guard case .problem(let problem) = outcomes.first else {
            Issue.record("expected a problem, got \(outcomes)")
            return
        }
        #expect(problem.code == code)
        #expect(problem.description == message)
        #expect(problem.messageDE == german)
        #expect(problem.hint != nil)
        #expect(outcomes.last == .record(CSVRow(line: 3, fields: ["B2", "Tee", "1"])))
    }

    @Test func reportsTextThatIsNotUTF8() throws {
        let bytes: [UInt8] = Array("sku;name\nA1;M".utf8) + [0xFC] + Array("sli\nB2;Tee\n".utf8)
        let (_, outcomes) = try readCSV(bytes)
        let problem = Diagnostic(
            "csv.encoding",
            "field 2 is not valid UTF-8 text",
            de: "Feld 2 ist kein gültiger UTF-8-Text.",
            hint: #"Save the file as UTF-8 (in Excel: "CSV UTF-8")."#,
            at: SourceLocation(file: "orders.csv", line: 2, column: 2)
        )
        #expect(outcomes == [.problem(problem), .record(CSVRow(line: 3, fields: ["B2", "Tee"]))])
    }

    @Test func boundsTheSizeOfAFieldAndOfARow() throws {
        let mebibyte = 1 << 20
        let bigField = String(repeating: "x", count: mebibyte + 1)
        let fitting = String(repeating: "y", count: mebibyte)
        let text = "sku;name\nA1;\(bigField)\nA2;\(fitting)\nB2;Tee\n"
        let (_, outcomes) = try readCSV(Array(text.utf8), chunkSize: 4096)
        #expect(outcomes.count == 3)
        if case .problem(let problem) = outcomes[0] {
            #expect(problem.code == "csv.field-too-large")
            #expect(problem.description == "orders.csv:2:2: field 2 is larger than 1 MiB")
        } else {
            Issue.record("expected a problem, got \(outcomes[0])")
        }
        #expect(outcomes[1] == .record(CSVRow(line: 3, fields: ["A2", fitting])))
        #expect(outcomes[2] == .record(CSVRow(line: 4, fields: ["B2", "Tee"])))

        let quarter = String(repeating: "z", count: mebibyte)
        let wide = "a;b;c;d;e\n\(quarter);\(quarter);\(quarter);\(quarter);x\n1;2;3;4;5\n"
        let (_, wideOutcomes) = try readCSV(Array(wide.utf8), chunkSize: 65_536)
        #expect(wideOutcomes.count == 2)
        if case .problem(let problem) = wideOutcomes[0] {
            #expect(problem.code == "csv.field-too-large")
            #expect(problem.description == "orders.csv:2: the row is larger than 4 MiB")
        } else {
            Issue.record("expected a problem, got \(wideOutcomes[0])")
        }
        #expect(wideOutcomes[1] == .record(CSVRow(line: 3, fields: ["1", "2", "3", "4", "5"])))
    }

    /// A NUL cut the text where it was stored: `TEA\0-premium` was booked as `TEA`.
    @Test func refusesControlCharactersButTabsAndLineBreaks() throws {
        let text = "sku,name\nTEA\u{0}-premium,Assam\nPOT,\"Kanne\u{1B}[31m\"\nCUP,\"Tasse\tweiß\r\nrot\"\n"
        for chunkSize in chunkSizes {
            let (_, outcomes) = try readCSV(Array(text.utf8), chunkSize: chunkSize)
            #expect(outcomes.compactMap { if case .problem(let p) = $0 { p.description } else { nil } } == [
                "orders.csv:2:1: column sku holds the control character U+0000 (NUL) at character 4",
                "orders.csv:3:2: column name holds the control character U+001B (ESC) at character 6",
            ])
            #expect(outcomes.last == .record(CSVRow(line: 4, fields: ["CUP", "Tasse\tweiß\r\nrot"])))
        }
        let problem = try #require(try csvProblems("sku,counted\nPOT\u{0}-XL,3\n").first)
        #expect(problem.code == "field.control-character")
        #expect(problem.messageDE == "Spalte sku enthält das Steuerzeichen U+0000 (NUL) an Zeichen 4")
        #expect(try csvProblems("sku\u{7},counted\n").map(\.description)
            == ["orders.csv:1:1: the name of column 1 holds the control character U+0007 (BEL) at character 4"])
    }

    @Test func collectsManyProblemsInOneFile() throws {
        var text = "sku;qty\n"
        for index in 1...150 { text += index.isMultiple(of: 3) ? "A\(index);1\n" : "A\(index)\n" }
        var log = DiagnosticLog(cap: 100)
        var rows = 0
        var reader = try CSVReader(source: MemoryByteSource(text), fileName: "orders.csv")
        while true {
            do {
                guard try reader.next() != nil else { break }
                rows += 1
            } catch let problem as Diagnostic {
                log.append(problem)
            }
        }
        #expect(rows == 50)
        #expect(log.diagnostics.count == 100)
        #expect(log.diagnostics.first?.location == SourceLocation(file: "orders.csv", line: 2, column: 2))
    }
}
