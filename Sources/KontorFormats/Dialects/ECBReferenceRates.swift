import KontorCore

/// What the European Central Bank's reference rate files have in common: each gives, per
/// day, the units of each currency one euro buys (`eurofxref`: the day's rates, the last 90
/// days, or the whole history since 1999), in CSV or XML.
enum ECBReferenceRates {
    /// The date of a row: `2024-03-13` in the history files, `13 March 2024` in the day's.
    static func date(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces()
        if let date = CalendarDate(parsing: trimmed) { return date }
        let parts = trimmed.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]),
              let month = months.firstIndex(of: parts[1].lowercased()) else { return nil }
        return CalendarDate(year: year, month: month + 1, day: day)
    }

    /// Whether a rate's text stands for no rate that day: the history files write `N/A`
    /// for currencies not quoted then, or leave the field empty.
    static func isMissing(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        return trimmed.isEmpty || trimmed.uppercased() == "N/A"
    }

    /// A rate of currency `code` that cannot be read.
    static func badRate(_ code: String, _ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("ecb.rate", "the rate of \(code) \"\(text)\" is not a reference rate",
                   de: "Der Kurs von \(code) \"\(text)\" ist kein Referenzkurs",
                   hint: "Upload the ECB's file as it was published: rates such as 0.9599, N/A where a currency was not quoted.",
                   at: location)
    }

    /// A day that cannot be read.
    static func badDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("ecb.date", "\"\(text)\" is not a date", de: "\"\(text)\" ist kein Datum",
                   hint: "Upload the ECB's file as it was published: days such as 2024-03-13 or 13 March 2024.",
                   at: location)
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]
}

/// The ECB's reference rates as CSV (`eurofxref.csv`, `eurofxref-hist.csv`): a header
/// `Date, USD, JPY, …` and a row per day. Every rate given becomes an `ExchangeRate`.
public struct ECBReferenceRatesCSV: CSVDialect {
    /// A `Date` column followed by currency codes only.
    public static func recognizes(header: [String]) -> Bool {
        header.count >= 2 && header[0].lowercased() == "date"
            && header.dropFirst().allSatisfy { ExchangeRate.isCurrencyCode($0) }
    }

    public let file: String
    public let dialect = "ecb-eurofxref-csv"
    public var kind: DocumentKind { .exchangeRates }

    public init(file: String, header: [String], decimalComma: Bool) {
        self.file = file
    }

    public mutating func map(_ record: FlatRecord, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard let first = record.fields.first else { return [] }
        if record.fields.allSatisfy({ $0.value.text.trimmingSpaces().isEmpty }) { return [] }
        guard let date = ECBReferenceRates.date(first.value.text) else {
            log.append(ECBReferenceRates.badDate(first.value.text, at: first.value.location))
            return []
        }
        var rates: [DocumentRecord] = []
        for (code, value) in record.fields.dropFirst() where !ECBReferenceRates.isMissing(value.text) {
            guard let rate = ExchangeRate.parse(value.text) else {
                log.append(ECBReferenceRates.badRate(code, value.text, at: value.location))
                continue
            }
            rates.append(.exchangeRate(ExchangeRate(currency: code, date: date, perEuro: rate, location: value.location)))
        }
        return rates
    }

    public func finish(log: inout DiagnosticLog) -> [DocumentRecord] { [] }
}

/// The ECB's reference rates as XML (`eurofxref-daily.xml`, `eurofxref-hist.xml`): a
/// `gesmes:Envelope` whose `Cube` holds a `Cube time='…'` per day, and in it a
/// `Cube currency='CHF' rate='0.9599'` per currency.
public struct ECBReferenceRatesXML: XMLDialect {
    /// The namespace of the envelope.
    public static let namespace = "http://www.gesmes.org/xml/2002-08-01"

    public static func recognizes(root: String, namespace: String?) -> Bool {
        root == "Envelope" && namespace == Self.namespace
    }

    /// The days: `Envelope/Cube/Cube`.
    public static var selection: XMLRecordReader.Selection { .depth(2) }

    public let file: String
    public let dialect = "ecb-eurofxref-xml"
    public var kind: DocumentKind { .exchangeRates }

    public init(file: String, root: String, namespace: String?) {
        self.file = file
    }

    public mutating func map(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        guard node.name == "Cube", let time = node.attribute("time") else { return [] }
        let location = SourceLocation(file: file, line: node.line, path: node.path)
        guard let date = ECBReferenceRates.date(time) else {
            log.append(ECBReferenceRates.badDate(time, at: location))
            return []
        }
        var rates: [DocumentRecord] = []
        for cube in node.children where cube.name == "Cube" {
            let place = SourceLocation(file: file, line: cube.line, path: cube.path)
            guard let code = cube.attribute("currency")?.trimmingSpaces(), ExchangeRate.isCurrencyCode(code) else {
                log.append(Diagnostic("ecb.currency", "a rate of \(date) names no currency code",
                                      de: "Ein Kurs vom \(date) nennt keinen Währungscode",
                                      hint: "Upload the ECB's file as it was published: <Cube currency='CHF' rate='0.9599'/>.",
                                      at: place))
                continue
            }
            let text = cube.attribute("rate") ?? ""
            guard let rate = ExchangeRate.parse(text) else {
                log.append(ECBReferenceRates.badRate(code, text, at: place))
                continue
            }
            rates.append(.exchangeRate(ExchangeRate(currency: code, date: date, perEuro: rate, location: place)))
        }
        return rates
    }

    public func finish(log: inout DiagnosticLog) -> [DocumentRecord] { [] }
}
