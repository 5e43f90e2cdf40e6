import KontorCore

/// One row of a Shopify orders export, looked up by Shopify's column names, with typed
/// accessors that record a diagnostic naming the column as Shopify does for every value
/// they cannot use.
struct ShopifyRow {
    let location: SourceLocation
    /// Whether amounts may have a decimal comma (the export was saved again as `;` CSV).
    let decimalComma: Bool
    private var values: [String: FieldValue] = [:]
    private(set) var problems: [Diagnostic] = []

    init(record: FlatRecord, decimalComma: Bool) {
        location = record.location
        self.decimalComma = decimalComma
        for (name, value) in record.fields { values[ShopifyColumns.key(name)] = value }
    }

    /// Whether any problem of this row is an error.
    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Where a column's value is, or the row's place if the file has no such column.
    func place(_ column: String) -> SourceLocation { values[ShopifyColumns.key(column)]?.location ?? location }

    /// The trimmed text, nil when the column is missing or empty.
    func text(_ column: String) -> String? {
        guard let text = values[ShopifyColumns.key(column)]?.text.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    /// The text without the apostrophe that Shopify puts before zip codes and phone numbers
    /// (`'01067`) so that spreadsheets keep their leading zeros.
    func zipOrPhone(_ column: String) -> String? {
        guard let text = text(column) else { return nil }
        let stripped = text.hasPrefix("'") ? String(text.dropFirst()).trimmingSpaces() : text
        return stripped.isEmpty ? nil : stripped
    }

    mutating func report(_ diagnostic: Diagnostic) { problems.append(diagnostic) }

    mutating func fail(_ column: String, _ message: String, de: String, hint: String? = nil, code: String = "field.invalid") {
        problems.append(Diagnostic(code, message, de: de, hint: hint, at: place(column)))
    }

    mutating func required(_ column: String, hint: String? = nil) -> String? {
        if let text = text(column) { return text }
        problems.append(Diagnostic("field.missing", "\(column) is empty", de: "\(column) ist leer",
                                   hint: hint ?? "Every row of the export must have a \(column).", at: place(column)))
        return nil
    }

    mutating func wholeNumber(_ column: String, minimum: Int) -> Int? {
        guard let text = required(column) else { return nil }
        guard let value = Int(text) else {
            fail(column, "\(column) \"\(text)\" is not a whole number", de: "\(column) \"\(text)\" ist keine ganze Zahl",
                 hint: "Write digits only, for example 3.")
            return nil
        }
        guard value >= minimum else {
            fail(column, "\(column) \(value) is less than \(minimum)", de: "\(column) \(value) ist kleiner als \(minimum)")
            return nil
        }
        guard FigureLimit.quantity.admits(value) else {
            report(.outOfRange(column, text, .quantity, at: place(column)))
            return nil
        }
        return value
    }

    /// An amount in cents. Shopify writes a decimal point (`12.90`); a file saved again by a
    /// German spreadsheet as `;` CSV may have a decimal comma (`12,90`).
    mutating func money(_ column: String, required isRequired: Bool = false, minimum: Int? = nil) -> Int? {
        guard let text = isRequired ? required(column) : self.text(column) else { return nil }
        switch DecimalParser.parse(text, places: 2, decimalComma: decimalComma && text.contains(",")) {
        case .success(let value):
            if let minimum, value < minimum {
                fail(column, "\(column) \(text) is negative", de: "\(column) \(text) ist negativ")
                return nil
            }
            guard FigureLimit.amount.admits(value) else {
                report(.outOfRange(column, "\"\(text)\"", .amount, negative: value < 0, at: place(column)))
                return nil
            }
            return value
        case .failure(.tooManyDecimals(let places)):
            fail(column, "\(column) \"\(text)\" has more than \(places) decimal places",
                 de: "\(column) \"\(text)\" hat mehr als \(places) Nachkommastellen")
        case .failure(.outOfRange):
            report(.outOfRange(column, "\"\(text)\"", .amount, negative: text.hasPrefix("-"), at: place(column)))
        case .failure:
            fail(column, "\(column) \"\(text)\" is not a number", de: "\(column) \"\(text)\" ist keine Zahl",
                 hint: "Write an amount like 12.90, as Shopify exports it (a point before the cents, no currency sign).")
        }
        return nil
    }

    /// The day of a Shopify time stamp such as `2025-03-04 10:12:33 +0100`, as the shop's
    /// clock showed it.
    mutating func date(_ column: String) -> CalendarDate? {
        guard let text = required(column) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        fail(column, "\(column) \"\(text)\" is not a valid date", de: "\(column) \"\(text)\" ist kein gültiges Datum",
             hint: "Shopify writes times like 2025-03-04 10:12:33 +0100; upload the export as Shopify wrote it.")
        return nil
    }

    mutating func country(_ column: String) -> String? {
        guard let text = text(column) else { return nil }
        if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { return text.uppercased() }
        fail(column, "\(column) \"\(text)\" is not a two-letter country code",
             de: "\(column) \"\(text)\" ist kein zweistelliger Ländercode", hint: "Use ISO codes such as DE, AT, CH.")
        return nil
    }
}
