import KontorCore

/// The problems a JSON file can have, worded for the shop owner who has to fix the file.
extension Diagnostic {
    private static let valueHint = "A value is a text in quotes, a number, true, false, null, an object {…} or an array […]; a comma after the last element is not allowed."
    private static let escapeHint = #"After a backslash only ", \, /, b, f, n, r, t, or u with four hex digits may follow; write a backslash itself as \\."#

    static func jsonEmpty(file: String) -> Diagnostic {
        Diagnostic(
            "json.empty",
            "the file is empty",
            de: "Die Datei ist leer.",
            hint: "Export or upload the file again.",
            at: SourceLocation(file: file)
        )
    }

    static func jsonTruncated(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.truncated",
            "the file ends inside the JSON document; it looks cut off",
            de: "Die Datei endet mitten im JSON-Dokument; sie scheint abgeschnitten zu sein.",
            hint: "Export or upload the file again, completely.",
            at: location
        )
    }

    static func jsonDepth(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.depth",
            "values are nested more than \(JSONParser.maxDepth) levels deep",
            de: "Die Werte sind tiefer als \(JSONParser.maxDepth) Ebenen verschachtelt.",
            hint: "Look for brackets that are opened but never closed.",
            at: location
        )
    }

    static func jsonTooLarge(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.too-large",
            "this value is larger than 16 MiB",
            de: "Dieser Wert ist größer als 16 MiB.",
            hint: "Split it into smaller records, and look for a bracket or quote that is not closed.",
            at: location
        )
    }

    static func jsonEncoding(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.encoding",
            "this text is not valid UTF-8",
            de: "Dieser Text ist kein gültiges UTF-8.",
            hint: "Save the file as UTF-8.",
            at: location
        )
    }

    static func jsonDuplicateKey(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.duplicate-key",
            "key \"\(key)\" appears twice in this object",
            de: "Der Schlüssel \"\(key)\" kommt in diesem Objekt doppelt vor.",
            hint: "Remove or rename one of the two members.",
            at: location
        )
    }

    static func jsonNested(_ key: String, _ value: JSONValue, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.nested",
            "\"\(key)\" holds \(value.kindDescription), but a flat record allows only text, numbers, true, false and null",
            de: "\"\(key)\" enthält \(value.kindDescriptionDE), ein flacher Datensatz erlaubt aber nur Text, Zahlen, true, false und null.",
            hint: #"Give each nested value a field of its own, such as "address_city"."#,
            at: location
        )
    }

    // MARK: Shape

    static func jsonTopLevelShape(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.shape",
            "the top level must be an array of records or an object holding one array",
            de: "Die oberste Ebene muss eine Liste von Datensätzen sein oder ein Objekt mit einer Liste.",
            hint: #"Write the records as [{…}, {…}] or as {"orders": [{…}, {…}]}."#,
            at: location
        )
    }

    static func jsonNoArray(named key: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.shape",
            key.map { "the top-level object has no \"\($0)\" array" } ?? "the top-level object holds no array of records",
            de: key.map { "Das Objekt der obersten Ebene hat keine Liste \"\($0)\"." }
                ?? "Das Objekt der obersten Ebene enthält keine Liste von Datensätzen.",
            hint: #"Write the records as {"orders": [{…}, {…}]}."#,
            at: location
        )
    }

    static func jsonNotArray(_ key: String, _ value: JSONValue, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.shape",
            "\"\(key)\" holds \(value.kindDescription), not an array of records",
            de: "\"\(key)\" enthält \(value.kindDescriptionDE), keine Liste von Datensätzen.",
            hint: #"Write the records as {"\#(key)": [{…}, {…}]}."#,
            at: location
        )
    }

    static func jsonNotObject(_ value: JSONValue, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            "json.shape",
            "the record is \(value.kindDescription), not an object",
            de: "Der Datensatz ist \(value.kindDescriptionDE), kein Objekt.",
            hint: #"Write each record as an object, such as {"sku": "A-1", "quantity": 2}."#,
            at: location
        )
    }

    // MARK: Syntax

    private static func jsonSyntax(_ message: String, de: String, hint: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("json.syntax", message, de: de, hint: hint, at: location)
    }

    static func jsonExpectedValue(after token: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax("expected a value after \"\(token)\"", de: "Nach \"\(token)\" fehlt ein Wert.", hint: valueHint, at: location)
    }

    static func jsonUnexpectedWord(_ word: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "unexpected text \"\(word)\"; text must be in quotes",
            de: "Unerwarteter Text \"\(word)\"; Text muss in Anführungszeichen stehen.",
            hint: "Write text in double quotes, and true, false and null in lower case.",
            at: location
        )
    }

    static func jsonExpectedKey(after token: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "expected a key in quotes after \"\(token)\"",
            de: "Nach \"\(token)\" fehlt ein Schlüssel in Anführungszeichen.",
            hint: #"Write each member of an object as "key": value; a comma after the last member is not allowed."#,
            at: location
        )
    }

    static func jsonExpectedColon(after key: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "expected \":\" after the key \"\(key)\"",
            de: "Nach dem Schlüssel \"\(key)\" fehlt \":\".",
            hint: #"Write each member of an object as "key": value."#,
            at: location
        )
    }

    static func jsonExpectedMemberEnd(after key: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "expected \",\" or \"}\" after the value of \"\(key)\"",
            de: "Nach dem Wert von \"\(key)\" fehlt \",\" oder \"}\".",
            hint: "Separate the members of an object with commas and close it with }.",
            at: location
        )
    }

    static func jsonExpectedElementEnd(at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "expected \",\" or \"]\" after an element",
            de: "Nach einem Element fehlt \",\" oder \"]\".",
            hint: "Separate the elements of an array with commas and close it with ].",
            at: location
        )
    }

    static func jsonInvalidNumber(_ text: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "\"\(text)\" is not a valid number",
            de: "\"\(text)\" ist keine gültige Zahl.",
            hint: "Write numbers with a decimal point and without leading zeros, such as 12, -3.5 or 1.2e3; other text must be in quotes.",
            at: location
        )
    }

    static func jsonUnclosedString(at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "the text is not closed before the end of the line",
            de: "Der Text wird vor dem Zeilenende nicht geschlossen.",
            hint: #"Add the missing closing quote, or write a line break inside a text as \n."#,
            at: location
        )
    }

    static func jsonControlCharacter(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        let code = "U+" + hex(UInt32(byte))
        return jsonSyntax(
            "a text holds the control character \(code)",
            de: "Ein Text enthält das Steuerzeichen \(code).",
            hint: #"Write a tab inside a text as \t, and other control characters as \u followed by four hex digits."#,
            at: location
        )
    }

    static func jsonInvalidEscape(_ escape: String, at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "invalid escape \"\(escape)\" in a text",
            de: "Ungültige Escape-Sequenz \"\(escape)\" in einem Text.",
            hint: escapeHint,
            at: location
        )
    }

    static func jsonUnpairedSurrogate(_ value: UInt32, at location: SourceLocation) -> Diagnostic {
        let escape = #"\u"# + hex(value)
        return jsonSyntax(
            "unpaired surrogate \"\(escape)\" in a text",
            de: "Unvollständiges Ersatzzeichen \"\(escape)\" in einem Text.",
            hint: #"A character beyond U+FFFF is written as two escapes, such as \uD83D\uDE00; one half is missing."#,
            at: location
        )
    }

    static func jsonTrailingText(at location: SourceLocation) -> Diagnostic {
        jsonSyntax(
            "unexpected text after the end of the document",
            de: "Unerwarteter Text nach dem Ende des Dokuments.",
            hint: "A JSON file holds one document; remove what follows its last closing bracket.",
            at: location
        )
    }

    /// Four or more upper-case hex digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
