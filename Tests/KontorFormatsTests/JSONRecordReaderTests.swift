import KontorCore
import KontorFormats
import Testing

@Suite struct JSONRecordReaderTests {
    /// A BOM, a top-level object with header members around the records array, escapes,
    /// a surrogate pair, umlauts in UTF-8 and as `\u` escapes, numbers of every form and
    /// a nested value.
    static let tricky = "\u{FEFF}{\"shop\": \"Müller & Söhne\", \"orders\": [\n"
        + "  {\"sku\": \"A1\", \"name\": \"Kaffee \\\"Bio\\\"\\t\\/\", \"qty\": 2, \"price\": \"19.90\", \"paid\": true, \"note\": null},\n"
        + "  {\"sku\": \"B2\", \"name\": \"Gr\\u00FC\\u00dfe \\uD83D\\uDE00 😀\", \"qty\": -1.5e3, \"tags\": [\"a\", {\"b\": []}]}\n"
        + "], \"exported\": {\"at\": \"2025-03-14\", \"count\": 0.0}}\n"

    @Test func readsRecordsAndHeader() throws {
        let (header, outcomes) = try readJSON(Array(Self.tricky.utf8))
        #expect(outcomes == [
            .record(JSONElement(
                value: .object([
                    (key: "sku", value: .string("A1")),
                    (key: "name", value: .string("Kaffee \"Bio\"\t/")),
                    (key: "qty", value: .number("2")),
                    (key: "price", value: .string("19.90")),
                    (key: "paid", value: .bool(true)),
                    (key: "note", value: .null),
                ]),
                pointer: "/orders/0",
                line: 2
            )),
            .record(JSONElement(
                value: .object([
                    (key: "sku", value: .string("B2")),
                    (key: "name", value: .string("Grüße 😀 😀")),
                    (key: "qty", value: .number("-1.5e3")),
                    (key: "tags", value: .array([.string("a"), .object([(key: "b", value: .array([]))])])),
                ]),
                pointer: "/orders/1",
                line: 3
            )),
        ])
        #expect(header.map(\.key) == ["shop", "exported"])
        #expect(header.first?.value == .string("Müller & Söhne"))
        #expect(header.last?.value["count"]?.numberText == "0.0")
    }

    @Test(arguments: chunkSizes)
    func chunkBoundariesChangeNothing(chunkSize: Int) throws {
        let inputs = [
            Self.tricky,
            "[{\"a\": \"\\uD834\\uDD1E\", \"b\": [1, 2.5, -0, 1E+2]},\r\n {\"a\": \"\\\\\\\"\"}, 3, \"x\", null]",
            "[{\"a\": 1, \"a\": 2}, {\"b\": \"ä\"}]",
            "{\"orders\": [{\"sku\": \"A1\"}, {\"sku\": \"A2\", \"qu",
            "[{\"x\": \"\\uDE00\"}]",
        ]
        for input in inputs {
            let whole = try readJSON(Array(input.utf8))
            let chunked = try readJSON(Array(input.utf8), chunkSize: chunkSize)
            #expect(chunked.outcomes == whole.outcomes)
            #expect(chunked.header.elementsEqual(whole.header) { $0.key == $1.key && $0.value == $1.value })
        }
    }

    @Test func readsATopLevelArray() throws {
        let (header, outcomes) = try readJSON(Array("  [ ]  ".utf8))
        #expect(header.isEmpty)
        #expect(outcomes.isEmpty)
        let (_, elements) = try readJSON(Array("[\n{\"a\": 1},\n\n  {\"a\": 2}\n]\n".utf8))
        #expect(elements == [
            .record(JSONElement(value: .object([(key: "a", value: .number("1"))]), pointer: "/0", line: 2)),
            .record(JSONElement(value: .object([(key: "a", value: .number("2"))]), pointer: "/1", line: 4)),
        ])
    }

    @Test func readsTheNamedArrayAndKeepsOthersInTheHeader() throws {
        let text = "{\"tags\": [\"x\"], \"lines/items\": [{\"a\": 1}]}"
        let (header, outcomes) = try readJSON(Array(text.utf8), recordsKey: "lines/items")
        #expect(header.map(\.key) == ["tags"])
        #expect(outcomes == [
            .record(JSONElement(value: .object([(key: "a", value: .number("1"))]), pointer: "/lines~1items/0", line: 1)),
        ])
    }

    @Test func theFirstArrayHoldsTheRecordsAndLaterArraysGoToTheHeader() throws {
        let text = "{\"total\": 1, \"data\": [{\"a\": 1}], \"aggregations\": []}"
        let (header, outcomes) = try readJSON(Array(text.utf8))
        #expect(header.map(\.key) == ["total", "aggregations"])
        #expect(outcomes == [
            .record(JSONElement(value: .object([(key: "a", value: .number("1"))]), pointer: "/data/0", line: 1)),
        ])
    }

    @Test func acceptsNestingUpTo64Levels() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let (_, outcomes) = try readJSON(Array(deepest.utf8))
        #expect(outcomes.count == 1)
        guard case .record = outcomes.first else {
            Issue.record("expected a record, got \(outcomes)")
            return
        }
    }

    @Test func makesFlatRecords() throws {
        let text = "[{\"sku\": \"A1\", \" qty \": 2, \"paid\": false, \"note\": null, \"a~b\": \"=1+1\"}]"
        var reader = JSONRecordReader(source: MemoryByteSource(text), fileName: "orders.json")
        let element = try #require(try reader.next())
        func value(_ text: String, _ key: String) -> FieldValue {
            FieldValue(text: text, location: SourceLocation(file: "orders.json", line: 1, path: "/0/" + key))
        }
        #expect(try reader.flatRecord(element) == FlatRecord(
            location: SourceLocation(file: "orders.json", line: 1, path: "/0"),
            fields: [
                (name: "sku", value: value("A1", "sku")),
                (name: "qty", value: value("2", " qty ")),
                (name: "paid", value: value("false", "paid")),
                (name: "a~b", value: value("=1+1", "a~0b")),
            ]
        ))
    }

    @Test func refusesNestedValuesInFlatRecords() throws {
        var reader = JSONRecordReader(
            source: MemoryByteSource("[{\"sku\": \"A1\", \"address\": {\"city\": \"Kiel\"}}, 7]"), fileName: "orders.json"
        )
        let nested = try #require(try reader.next())
        let problem = try #require(throws: Diagnostic.self) { try reader.flatRecord(nested) }
        #expect(problem == Diagnostic(
            "json.nested",
            "\"address\" holds an object, but a flat record allows only text, numbers, true, false and null",
            de: "\"address\" enthält ein Objekt, ein flacher Datensatz erlaubt aber nur Text, Zahlen, true, false und null.",
            hint: #"Give each nested value a field of its own, such as "address_city"."#,
            at: SourceLocation(file: "orders.json", line: 1, path: "/0/address")
        ))
        #expect(problem.description == "orders.json:1 /0/address: \"address\" holds an object, but a flat record allows only text, numbers, true, false and null")

        let number = try #require(try reader.next())
        let notObject = try #require(throws: Diagnostic.self) { try reader.flatRecord(number) }
        #expect(notObject.code == "json.shape")
        #expect(notObject.description == "orders.json:1 /1: the record is a number, not an object")
    }

    // MARK: Problems

    @Test func reportsTheExpectedValueWithLineColumnAndPointer() throws {
        let text = """
            [
              {"sku": "A1", "quantity": 1},
              {"sku": "A2", "quantity": 2},
            {
              "sku": "A3",
              "price": "1.00",
              "quantity": }
            ]
            """
        let (_, outcomes) = try readJSON(Array(text.utf8))
        #expect(outcomes.count == 3)
        let expected = Diagnostic(
            "json.syntax",
            "expected a value after \":\"",
            de: "Nach \":\" fehlt ein Wert.",
            hint: "A value is a text in quotes, a number, true, false, null, an object {…} or an array […]; a comma after the last element is not allowed.",
            at: SourceLocation(file: "orders.json", line: 7, column: 15, path: "/2/quantity")
        )
        #expect(outcomes.last == .problem(expected))
        #expect(expected.description == "orders.json:7:15 /2/quantity: expected a value after \":\"")
    }

    @Test(arguments: [
        ("", "json.empty", "orders.json: the file is empty"),
        ("  \n", "json.empty", "orders.json: the file is empty"),
        ("[{\"sku\": \"A1\"}, {\"sku\": \"A2\", \"qu", "json.truncated",
         "orders.json:1:34 /1: the file ends inside the JSON document; it looks cut off"),
        ("{\"orders\": [{\"sku\": tr", "json.truncated",
         "orders.json:1:23 /orders/0/sku: the file ends inside the JSON document; it looks cut off"),
        ("[1, 2", "json.truncated", "orders.json:1:6 /1: the file ends inside the JSON document; it looks cut off"),
        ("\"orders\"", "json.shape",
         "orders.json:1:1: the top level must be an array of records or an object holding one array"),
        ("{\"shop\": \"x\"}", "json.shape", "orders.json:1:13: the top-level object holds no array of records"),
        ("{\"orders\": [],\n \"orders\": []}", "json.duplicate-key",
         "orders.json:2:2 /orders: key \"orders\" appears twice in this object"),
        ("[1,]", "json.syntax", "orders.json:1:4 /1: expected a value after \",\""),
        ("[{\"a\": 1,}]", "json.syntax", "orders.json:1:10 /0: expected a key in quotes after \",\""),
        ("[{\"a\" 1}]", "json.syntax", "orders.json:1:7 /0: expected \":\" after the key \"a\""),
        ("[{\"a\": 1 \"b\": 2}]", "json.syntax", "orders.json:1:10 /0: expected \",\" or \"}\" after the value of \"a\""),
        ("[1 2]", "json.syntax", "orders.json:1:4 /0: expected \",\" or \"]\" after an element"),
        ("[{\"a\": 01}]", "json.syntax", "orders.json:1:8 /0/a: \"01\" is not a valid number"),
        ("[-]", "json.syntax", "orders.json:1:2 /0: \"-\" is not a valid number"),
        ("[1.]", "json.syntax", "orders.json:1:2 /0: \"1.\" is not a valid number"),
        ("[1e+]", "json.syntax", "orders.json:1:2 /0: \"1e+\" is not a valid number"),
        ("[{\"ok\": yes}]", "json.syntax", "orders.json:1:9 /0/ok: unexpected text \"yes\"; text must be in quotes"),
        ("[\"Grüße\\x\"]", "json.syntax", "orders.json:1:8 /0: invalid escape \"\\x\" in a text"),
        ("[\"\\u12G4\"]", "json.syntax", "orders.json:1:3 /0: invalid escape \"\\u12\" in a text"),
        ("[\"\\uD83D x\"]", "json.syntax", "orders.json:1:3 /0: unpaired surrogate \"\\uD83D\" in a text"),
        ("[\"\\uD83D\\u0041\"]", "json.syntax", "orders.json:1:3 /0: unpaired surrogate \"\\uD83D\" in a text"),
        ("[\"x \\uDE00\"]", "json.syntax", "orders.json:1:5 /0: unpaired surrogate \"\\uDE00\" in a text"),
        ("[\"open\n\"]", "json.syntax", "orders.json:1:7 /0: the text is not closed before the end of the line"),
        ("[\"tab\there\"]", "json.syntax", "orders.json:1:6 /0: a text holds the control character U+0009"),
        ("[1] [2]", "json.syntax", "orders.json:1:5: unexpected text after the end of the document"),
        ("[{\"a\": 1, \"a\": 2}]", "json.duplicate-key", "orders.json:1:11 /0/a: key \"a\" appears twice in this object"),
    ])
    func reportsProblems(text: String, code: String, message: String) throws {
        let problems = try jsonProblems(text)
        #expect(problems.map(\.code) == [code])
        #expect(problems.map(\.description) == [message])
        #expect(problems.allSatisfy { $0.messageDE != nil && $0.hint != nil })
    }

    /// An escaped NUL cut the text where it was stored; the record is refused, reading goes on.
    @Test func refusesEscapedControlCharactersButTabsAndLineBreaks() throws {
        let text = #"[{"sku": "TEA\u0000-premium", "n": 5}, {"sku": "POT", "name": "a\bc"}, {"sku": "CUP", "name": "a\tb\r\nc"}]"#
        for chunkSize in chunkSizes {
            let (_, outcomes) = try readJSON(Array(text.utf8), chunkSize: chunkSize)
            #expect(outcomes.map { outcome -> String in
                switch outcome {
                case .problem(let p): p.description
                case .record(let r): r.pointer
                }
            } == [
                #"orders.json:1:14 /0/sku: the value of "sku" holds the control character U+0000 (NUL) at character 4"#,
                #"orders.json:1:65 /1/name: the value of "name" holds the control character U+0008 (BS) at character 2"#,
                "/2",
            ])
        }
        #expect(try jsonProblems(#"[{"sku": "A\u001f"}]"#).first?.code == "field.control-character")
    }

    @Test func problemsHaveGermanTexts() throws {
        let truncated = try #require(try jsonProblems("[1, 2").first)
        #expect(truncated.messageDE == "Die Datei endet mitten im JSON-Dokument; sie scheint abgeschnitten zu sein.")
        #expect(truncated.hint == "Export or upload the file again, completely.")
        let duplicate = try #require(try jsonProblems("[{\"a\": 1, \"a\": 2}]").first)
        #expect(duplicate.messageDE == "Der Schlüssel \"a\" kommt in diesem Objekt doppelt vor.")
        let shape = try #require(try jsonProblems("42").first)
        #expect(shape.messageDE == "Die oberste Ebene muss eine Liste von Datensätzen sein oder ein Objekt mit einer Liste.")
    }

    @Test func reportsAMissingOrWrongNamedArray() throws {
        #expect(try jsonProblems("{\"items\": []}", recordsKey: "orders").map(\.description)
            == ["orders.json:1:13: the top-level object has no \"orders\" array"])
        #expect(try jsonProblems("{\"orders\": {\"a\": 1}}", recordsKey: "orders").map(\.description)
            == ["orders.json:1:2 /orders: \"orders\" holds an object, not an array of records"])
    }

    @Test func reportsNestingDeeperThan64Levels() throws {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let problems = try jsonProblems(text)
        let pointer = String(repeating: "/0", count: 64)
        #expect(problems.map(\.description) == ["orders.json:1:65 \(pointer): values are nested more than 64 levels deep"])
        #expect(problems.first?.code == "json.depth")
    }

    @Test func reportsTextThatIsNotUTF8() throws {
        let bytes = Array("[{\"name\": \"M".utf8) + [0xFC] + Array("sli\"}]".utf8)
        let problems = try readJSON(bytes).outcomes
        #expect(problems == [.problem(Diagnostic(
            "json.encoding",
            "this text is not valid UTF-8",
            de: "Dieser Text ist kein gültiges UTF-8.",
            hint: "Save the file as UTF-8.",
            at: SourceLocation(file: "orders.json", line: 1, column: 11, path: "/0/name")
        ))])
    }

    @Test func countsColumnsInCharacters() throws {
        let problems = try jsonProblems("[{\"name\": \"Grüße 😀\" \"x\": 1}]")
        #expect(problems.map(\.description) == ["orders.json:1:21 /0: expected \",\" or \"}\" after the value of \"name\""])
    }

    @Test func rejectsARecordLargerThan16MiB() throws {
        let big = String(repeating: "x", count: 16 << 20)
        let text = "[{\"a\": 1},\n {\"note\": \"\(big)\"}, {\"a\": 2}]"
        for chunkSize in [4096, 64 << 20] {
            let (_, outcomes) = try readJSON(Array(text.utf8), chunkSize: chunkSize)
            #expect(outcomes.count == 2)
            #expect(outcomes.last == .problem(Diagnostic(
                "json.too-large",
                "this value is larger than 16 MiB",
                de: "Dieser Wert ist größer als 16 MiB.",
                hint: "Split it into smaller records, and look for a bracket or quote that is not closed.",
                at: SourceLocation(file: "orders.json", line: 2, column: 2, path: "/1")
            )))
        }
    }

    @Test func readsOnAfterARecordWithADuplicateKey() throws {
        let (_, outcomes) = try readJSON(Array("[{\"a\": 1, \"a\": 2}, {\"b\": 3}]".utf8))
        #expect(outcomes.count == 2)
        #expect(outcomes.last == .record(JSONElement(value: .object([(key: "b", value: .number("3"))]), pointer: "/1", line: 1)))
    }
}
