import KontorCore

/// Typed readings of a node that record a diagnostic, worded like the rest of Kontor's
/// input errors, for every value they cannot use.
extension ShopJSONNode {
    /// A diagnostic at this node.
    func problem(_ code: String, _ message: String, de: String, hint: String? = nil,
                 severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(code, message, de: de, hint: hint, at: location, severity: severity)
    }

    /// The text; records `field.missing` when it is required and missing, null or empty,
    /// and `field.invalid` when it is an object, an array or a boolean.
    func text(required: Bool, problems: inout [Diagnostic]) -> String? {
        if let text { return text }
        switch value {
        case .bool?, .array?, .object?:
            problems.append(problem("field.invalid", "\(name) is \(value!.kindDescription), not a text",
                                    de: "\(name) ist \(value!.kindDescriptionDE), kein Text"))
        default:
            if required {
                problems.append(problem("field.missing", "\(name) is missing", de: "\(name) fehlt",
                                        hint: "Every \(name) must have a value."))
            }
        }
        return nil
    }

    /// An amount of money in cents, from a decimal text (`"24.90"`) or a number as written
    /// (`24.9`), never through a floating point number. More than two decimal places are
    /// refused unless they are zeros.
    func money(required: Bool, problems: inout [Diagnostic]) -> Int? {
        guard let amount = decimal(places: 2, required: required, problems: &problems) else { return nil }
        guard FigureLimit.amount.admits(amount) else {
            problems.append(.outOfRange(name, shownText ?? "", .amount, negative: amount < 0, at: location))
            return nil
        }
        return amount
    }

    /// The value as messages quote it: a number as written, a text in quotes.
    private var shownText: String? {
        guard let text else { return nil }
        return value?.numberText != nil ? text : "\"\(text)\""
    }

    /// A decimal scaled by 10^`places`, read as ``money(required:problems:)`` reads amounts.
    func decimal(places: Int, required: Bool, problems: inout [Diagnostic]) -> Int? {
        guard let text = text(required: required, problems: &problems) else { return nil }
        let shown = value?.numberText != nil ? text : "\"\(text)\""
        switch DecimalParser.parse(text, places: places) {
        case .success(let amount):
            return amount
        case .failure(.tooManyDecimals(let p)):
            problems.append(problem("field.invalid", "\(name) \(shown) has more than \(p) decimal places",
                                    de: "\(name) \(shown) hat mehr als \(p) Nachkommastellen",
                                    hint: "Kontor books whole cents; an amount with more decimals would have to be rounded."))
        case .failure(.outOfRange):
            problems.append(.outOfRange(name, shown, .amount, negative: text.hasPrefix("-"), at: location))
        case .failure:
            problems.append(problem("field.invalid", "\(name) \(shown) is not a number", de: "\(name) \(shown) ist keine Zahl",
                                    hint: "Write an amount like \"12.90\" (a point before the cents)."))
        }
        return nil
    }

    /// A whole number of at least `minimum`, from a number or a text of digits.
    func wholeNumber(minimum: Int, problems: inout [Diagnostic]) -> Int? {
        guard let text = text(required: true, problems: &problems) else { return nil }
        let shown = value?.numberText != nil ? text : "\"\(text)\""
        guard let number = Int(text) else {
            problems.append(problem("field.invalid", "\(name) \(shown) is not a whole number",
                                    de: "\(name) \(shown) ist keine ganze Zahl", hint: "Write digits only, for example 3."))
            return nil
        }
        guard number >= minimum else {
            problems.append(problem("field.invalid", "\(name) \(number) is less than \(minimum)",
                                    de: "\(name) \(number) ist kleiner als \(minimum)"))
            return nil
        }
        guard FigureLimit.quantity.admits(number) else {
            problems.append(.outOfRange(name, shown, .quantity, at: location))
            return nil
        }
        return number
    }

    /// The date part of an ISO 8601 date or date-time (`2025-03-04T09:12:33`); records
    /// `field.invalid` for anything else.
    func date(required: Bool, problems: inout [Diagnostic]) -> CalendarDate? {
        guard let text = text(required: required, problems: &problems) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        problems.append(problem("field.invalid", "\(name) \"\(text)\" is not a valid date",
                                de: "\(name) \"\(text)\" ist kein gültiges Datum",
                                hint: "The shop writes dates as 2025-03-04T09:12:33; was the file changed by hand?"))
        return nil
    }

    /// The elements of a required array; records `order.no-lines`-style diagnostics through
    /// `missing` when the member is absent and `field.invalid` when it is not an array.
    func array(problems: inout [Diagnostic], missing: () -> Diagnostic) -> [ShopJSONNode]? {
        if let elements { return elements }
        if isAbsent {
            problems.append(missing())
        } else {
            problems.append(problem("field.invalid", "\(name) is \(value!.kindDescription), not an array",
                                    de: "\(name) ist \(value!.kindDescriptionDE), keine Liste"))
        }
        return nil
    }
}
