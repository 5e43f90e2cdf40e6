import KontorCore

extension Fields {
    /// An ISO 4217 currency code, three letters, returned upper case.
    mutating func currency(_ name: String, required isRequired: Bool = false) -> String? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        let code = text.trimmingSpaces().uppercased()
        if ExchangeRate.isCurrencyCode(code) { return code }
        fail(name, "\(name) \"\(text)\" is not a currency code", de: "\(name) \"\(text)\" ist kein Währungscode",
             hint: "Use ISO 4217 codes of three letters, such as EUR, CHF or USD.")
        return nil
    }

    /// A euro reference rate, units of a currency per euro, scaled by 10^6 (`ExchangeRate`).
    mutating func exchangeRate(_ name: String, required isRequired: Bool = false) -> Int? {
        guard let text = isRequired ? required(name) : optional(name) else { return nil }
        if let rate = ExchangeRate.parse(text, decimalComma: decimalComma) { return rate }
        fail(name, "\(name) \"\(text)\" is not a reference rate", de: "\(name) \"\(text)\" ist kein Referenzkurs",
             hint: "Give the units of the currency one euro buys, above 0 and at most 1000000, with at most 6 decimal places, such as 0.9599.")
        return nil
    }
}

extension ExchangeRate {
    /// A rate as text (`0.9599`, `17150.62`), scaled by 10^6; nil unless it is above 0, at
    /// most 1,000,000 and has at most six decimal places.
    public static func parse(_ text: String, decimalComma: Bool = false) -> Int? {
        guard case .success(let value) = DecimalParser.parse(text, places: 6, decimalComma: decimalComma),
              value > 0, value <= maxPerEuro else { return nil }
        return value
    }
}
