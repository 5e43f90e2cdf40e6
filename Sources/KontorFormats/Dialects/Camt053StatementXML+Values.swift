import KontorCore

extension Camt053StatementXML {
    /// The amount of `<Amt Ccy="EUR">49.90</Amt>` in minor units of its currency; nil, with
    /// the problem added to `problems`, if it is missing, not an amount, negative or without
    /// a currency code. An amount in another currency than EUR is booked at the reference
    /// rate of its day. `what` and
    /// `whatDE` name what the amount belongs to (`entry`, `Der Umsatz`); `owner` is its place.
    func amount(_ element: XMLElementNode?, of what: String, _ whatDE: String, at owner: SourceLocation,
                problems: inout [Diagnostic]) -> Money? {
        guard let element else {
            problems.append(.camt053AmountMissing(what, whatDE: whatDE, at: owner))
            return nil
        }
        let location = element.camt053Location(file: file)
        let text = element.text.trimmingSpaces()
        guard !text.isEmpty else {
            problems.append(.camt053AmountMissing(what, whatDE: whatDE, at: location))
            return nil
        }
        var value: Int?
        // ISO 20022 writes digits with at most one point; a German "1.234,56" must not be
        // taken for 1.234.
        let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) || unsigned.count(where: { $0 == "." }) > 1 {
            problems.append(.camt053AmountInvalid(text, .notANumber, at: location))
        } else {
            switch DecimalParser.parse(text, places: 2) {
            case .success where text.hasPrefix("-"):
                problems.append(.camt053AmountNegative(text, at: location))
            case .success(let cents) where !FigureLimit.amount.admits(cents):
                problems.append(.outOfRange("Amt", "\"\(text)\"", .amount, at: location))
            case .success(let cents):
                value = cents
            case .failure(.outOfRange):
                problems.append(.outOfRange("Amt", "\"\(text)\"", .amount, at: location))
            case .failure(let failure):
                problems.append(.camt053AmountInvalid(text, failure, at: location))
            }
        }
        guard let currency = element.attribute("Ccy")?.trimmingSpaces(), !currency.isEmpty else {
            problems.append(.camt053CurrencyMissing(at: location))
            return nil
        }
        guard ExchangeRate.isCurrencyCode(currency.uppercased()) else {
            problems.append(.camt053Currency(what, whatDE: whatDE, currency, at: location))
            return nil
        }
        return value.map { Money(minorUnits: $0, currency: currency.uppercased()) }
    }

    /// 1 for money received (`CRDT`), -1 for money paid (`DBIT`); nil, with the problem
    /// added to `problems`, for anything else.
    func direction(in node: XMLElementNode, problems: inout [Diagnostic]) -> Int? {
        guard let element = node.child("CdtDbtInd"), let text = node.camt053Text("CdtDbtInd") else {
            problems.append(.camt053Direction(nil, at: node.camt053Location(file: file)))
            return nil
        }
        switch text.uppercased() {
        case "CRDT": return 1
        case "DBIT": return -1
        default:
            problems.append(.camt053Direction(text, at: element.camt053Location(file: file)))
            return nil
        }
    }

    /// The date of `<name><Dt>2025-03-05</Dt></name>` (or of its `DtTm`) in `node`; nil, with
    /// the problem added to `problems`, if it is missing or no valid date. `element` and
    /// `elementDE` name it in messages (`booking date (BookgDt)`, `kein Buchungsdatum (BookgDt)`).
    func date(in node: XMLElementNode, _ name: String, _ element: String, _ elementDE: String,
              of what: String, _ whatDE: String, problems: inout [Diagnostic]) -> CalendarDate? {
        guard let inner = node.child(name).flatMap({ $0.child("Dt") ?? $0.child("DtTm") }),
              case let text = inner.text.trimmingSpaces(), !text.isEmpty else {
            problems.append(.camt053Missing(what, element, whatDE: whatDE, elementDE: elementDE,
                                            at: node.camt053Location(file: file)))
            return nil
        }
        if let date = CalendarDate(parsing: text) { return date }
        problems.append(.camt053Date(name, text, at: inner.camt053Location(file: file)))
        return nil
    }
}
