import KontorCore

/// The fields of one flat record, looked up by normalized name, with typed accessors that
/// record a clear diagnostic for every value they cannot use.
struct Fields {
    let location: SourceLocation
    let decimalComma: Bool
    private var values: [String: FieldValue] = [:]
    var problems: [Diagnostic] = []

    /// The record's fields by normalized name; two fields whose names normalize alike
    /// (`price` and `Price`) are an error naming both, since neither may silently win.
    init(record: FlatRecord, decimalComma: Bool, names cache: ColumnNames = ColumnNames()) {
        location = record.location
        self.decimalComma = decimalComma
        values.reserveCapacity(record.fields.count)
        for (name, value) in record.fields {
            let key = cache.normalized(name)
            if let first = values[key],
               let firstName = record.fields.first(where: { cache.normalized($0.name) == key })?.name {
                problems.append(Diagnostic(
                    "field.duplicate",
                    "\"\(name)\" is the same field as \"\(firstName)\" at \(first.location)",
                    de: "\"\(name)\" ist dasselbe Feld wie \"\(firstName)\" an \(first.location)",
                    hint: "Names are compared without regard to case, spaces and dashes; remove or rename one of the two.",
                    at: value.location))
                continue
            }
            values[key] = value
        }
    }

    /// Where a field is, or the record's place if the field is missing.
    func place(_ name: String) -> SourceLocation { values[name]?.location ?? location }

    mutating func fail(_ name: String, _ message: String, de: String, hint: String? = nil, code: String = "field.invalid") {
        problems.append(Diagnostic(code, message, de: de, hint: hint, at: place(name)))
    }

    /// The trimmed text, nil when missing or empty.
    func optional(_ name: String) -> String? {
        guard let text = values[name]?.text.trimmingSpaces(), !text.isEmpty else { return nil }
        return text
    }

    mutating func required(_ name: String) -> String? {
        if let text = optional(name) { return text }
        problems.append(Diagnostic("field.missing", "\(name) is empty", de: "\(name) ist leer",
                                   hint: "Every \(name) must have a value.", at: place(name)))
        return nil
    }

    /// A whole number of at least `minimum` and at most `maximum` (the largest quantity
    /// unless given).
    mutating func integer(_ name: String, required isRequired: Bool = false, minimum: Int? = nil,
                          maximum: Int = Limits.maxQuantity) -> Int? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard let value = Int(text) else {
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), !text.hasPrefix("-") {
                failOutOfRange(name, text, maximum: maximum)
                return nil
            }
            fail(name, "\(name) \"\(text)\" is not a whole number", de: "\(name) \"\(text)\" ist keine ganze Zahl",
                 hint: "Write digits only, for example 3.")
            return nil
        }
        if let minimum, value < minimum {
            fail(name, "\(name) \(value) is less than \(minimum)", de: "\(name) \(value) ist kleiner als \(minimum)")
            return nil
        }
        if value > maximum {
            failOutOfRange(name, text, maximum: maximum)
            return nil
        }
        return value
    }

    private mutating func failOutOfRange(_ name: String, _ text: String, maximum: Int) {
        if maximum == Limits.maxQuantity {
            problems.append(.outOfRange(name, text, .quantity, at: place(name)))
        } else {
            fail(name, "\(name) \(text) is more than \(maximum)", de: "\(name) \(text) ist mehr als \(maximum)",
                 code: "field.out-of-range")
        }
    }

    /// A decimal scaled by 10^`places`, within `limit` in absolute value.
    mutating func decimal(_ name: String, places: Int, limit: FigureLimit, required isRequired: Bool = false,
                          minimum: Int? = nil) -> Int? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        switch DecimalParser.parse(text, places: places, decimalComma: decimalComma) {
        case .success(let value):
            if let minimum, value < minimum {
                fail(name, "\(name) \(text) is negative", de: "\(name) \(text) ist negativ")
                return nil
            }
            if !limit.admits(value) {
                problems.append(.outOfRange(name, "\"\(text)\"", limit, negative: value < 0, at: place(name)))
                return nil
            }
            return value
        case .failure(.tooManyDecimals(let p)):
            fail(name, "\(name) \"\(text)\" has more than \(p) decimal places", de: "\(name) \"\(text)\" hat mehr als \(p) Nachkommastellen")
        case .failure(.outOfRange):
            problems.append(.outOfRange(name, "\"\(text)\"", limit, negative: text.hasPrefix("-"), at: place(name)))
        case .failure(.ambiguousSeparator):
            failAmbiguous(name, text, places: places)
        case .failure:
            let example = decimalComma ? "12,90" : "12.90"
            fail(name, "\(name) \"\(text)\" is not a number", de: "\(name) \"\(text)\" ist keine Zahl",
                 hint: "Write an amount like \(example)\(decimalComma ? "" : " (a point before the cents)").")
        }
        return nil
    }

    /// A value such as `8.90` in a `;`-separated file, where amounts have a decimal comma.
    private mutating func failAmbiguous(_ name: String, _ text: String, places: Int) {
        let afterPoint = text.split(separator: ".").last ?? ""
        let comma = places == 2 ? "a comma before the cents" : "a decimal comma"
        var hint = "Write \(text.replacing(".", with: ",")) (\(comma)), as German spreadsheets do."
        if afterPoint.count == 3 { hint += " If the point separates thousands, write \(text),00." }
        fail(name, "\(name) \"\(text)\" in a ;-separated file: the point could be a decimal point or a thousands separator",
             de: "\(name) \"\(text)\" in einer mit ; getrennten Datei: der Punkt kann Dezimalpunkt oder Tausendertrennzeichen sein",
             hint: hint, code: "field.ambiguous-separator")
    }

    /// An amount in cents, at most 1,000,000,000.00 EUR in absolute value.
    mutating func money(_ name: String, required isRequired: Bool = false, minimum: Int? = nil) -> Int? {
        decimal(name, places: 2, limit: .amount, required: isRequired, minimum: minimum)
    }

    mutating func vatRate(_ name: String, required isRequired: Bool = false) -> VATRate? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        let cleaned = text.replacingPercentSign()
        if case .success(let hundredths) = DecimalParser.parse(cleaned, places: 2, decimalComma: true), hundredths % 100 == 0,
           let rate = VATRate(percent: hundredths / 100) {
            return rate
        }
        fail(name, "\(name) \"\(text)\" is not a German VAT rate", de: "\(name) \"\(text)\" ist kein deutscher Umsatzsteuersatz",
             hint: "Use 19, 7 or 0.")
        return nil
    }

    mutating func date(_ name: String, required isRequired: Bool = false) -> CalendarDate? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        fail(name, "\(name) \"\(text)\" is not a valid date", de: "\(name) \"\(text)\" ist kein gültiges Datum",
             hint: "Write dates as YYYY-MM-DD, for example 2025-03-14, or 14.03.2025.")
        return nil
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard let text = optional(name) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "1", "ja", "y", "x": return true
        case "false", "no", "0", "nein", "n": return false
        default:
            fail(name, "\(name) \"\(text)\" is neither true nor false", de: "\(name) \"\(text)\" ist weder true noch false",
                 hint: "Write true or false.")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = optional(name) else { return nil }
        if let value = T(rawValue: text.lowercased()) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fail(name, "\(name) \"\(text)\" is not one of \(allowed)", de: "\(name) \"\(text)\" ist nicht einer von \(allowed)")
        return nil
    }

    /// An EAN/GTIN: 8 to 14 digits, with the GS1 check digit for 8, 12, 13 and 14.
    mutating func gtin(_ name: String) -> String? {
        guard let text = optional(name) else { return nil }
        guard let problem = GTIN.problem(text) else { return text }
        let words = problem.words(name, text)
        fail(name, words.en, de: words.de, hint: words.hint)
        return nil
    }

    mutating func email(_ name: String) -> String? {
        guard let text = required(name) else { return nil }
        let parts = text.split(separator: "@")
        if parts.count == 2, parts[1].contains("."), !text.contains(" ") { return text }
        fail(name, "\(name) \"\(text)\" is not an e-mail address", de: "\(name) \"\(text)\" ist keine E-Mail-Adresse")
        return nil
    }

    mutating func country(_ name: String) -> String? {
        guard let text = optional(name) else { return nil }
        if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) { return text.uppercased() }
        fail(name, "\(name) \"\(text)\" is not a two-letter country code", de: "\(name) \"\(text)\" ist kein zweistelliger Ländercode",
             hint: "Use ISO codes such as DE, AT, CH.")
        return nil
    }
}


extension String {
    /// The text without a trailing percent sign and the spaces around it.
    func replacingPercentSign() -> String {
        var t = trimmingSpaces()
        if t.hasSuffix("%") { t.removeLast() }
        return t.trimmingSpaces()
    }
}

/// Column names as `KindDetector.normalize` makes them, remembered: a file names the same
/// few columns on every record, so each is normalized once per file, not once per record.
final class ColumnNames {
    private var normalized: [String: String] = [:]
    /// Names already checked against the kind's known columns.
    var checked: Set<String> = []

    func normalized(_ name: String) -> String {
        if let key = normalized[name] { return key }
        let key = KindDetector.normalize(name)
        normalized[name] = key
        return key
    }
}
