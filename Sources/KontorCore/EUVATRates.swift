/// The standard and reduced VAT rates of one EU member state, in hundredths of a percent
/// (`2000` is 20 %, `550` is 5.5 %).
public struct CountryVATRates: Sendable, Hashable {
    public var standard: Int
    public var reduced: Int

    public init(standard: Int, reduced: Int) {
        self.standard = standard
        self.reduced = reduced
    }

    /// The destination rate of goods Kontor books at `rate` in Germany: the standard rate for
    /// 19 %, the reduced rate for 7 %, 0 for 0 %.
    public func rate(for rate: VATRate) -> Int {
        switch rate.percent {
        case VATRate.standard.percent: standard
        case VATRate.reduced.percent: reduced
        default: 0
        }
    }
}

/// The VAT rates of the EU member states, by ISO country code: which countries are in the
/// EU (for exports and intra-community supplies) and the rates of distance sales taxed in
/// the country of destination (One-Stop-Shop).
public struct EUVATRates: Sendable, Equatable {
    public var rates: [String: CountryVATRates]

    public init(rates: [String: CountryVATRates]) { self.rates = rates }

    /// Whether `country` is a member state of the EU.
    public func isMember(_ country: String) -> Bool { rates[country] != nil }

    /// The rates of `country`, nil outside the EU.
    public subscript(country: String) -> CountryVATRates? { rates[country] }

    /// The rates Kontor ships with: each member state's standard rate and the reduced rate
    /// most goods of a shop's reduced range take (as of 2025; for a country with more than
    /// one reduced rate the one for food and books). To be checked by the tax advisor before
    /// the first OSS return; `[kontor.eu_vat_rates]` replaces a country's rates.
    public static let embedded = EUVATRates(rates: [
        "AT": .init(standard: 2000, reduced: 1000),
        "BE": .init(standard: 2100, reduced: 600),
        "BG": .init(standard: 2000, reduced: 900),
        "CY": .init(standard: 1900, reduced: 500),
        "CZ": .init(standard: 2100, reduced: 1200),
        "DE": .init(standard: 1900, reduced: 700),
        "DK": .init(standard: 2500, reduced: 2500),  // no reduced rate
        "EE": .init(standard: 2400, reduced: 900),
        "ES": .init(standard: 2100, reduced: 1000),
        "FI": .init(standard: 2550, reduced: 1400),
        "FR": .init(standard: 2000, reduced: 550),
        "GR": .init(standard: 2400, reduced: 1300),
        "HR": .init(standard: 2500, reduced: 1300),
        "HU": .init(standard: 2700, reduced: 500),
        "IE": .init(standard: 2300, reduced: 1350),
        "IT": .init(standard: 2200, reduced: 1000),
        "LT": .init(standard: 2100, reduced: 900),
        "LU": .init(standard: 1700, reduced: 800),
        "LV": .init(standard: 2100, reduced: 1200),
        "MT": .init(standard: 1800, reduced: 700),
        "NL": .init(standard: 2100, reduced: 900),
        "PL": .init(standard: 2300, reduced: 800),
        "PT": .init(standard: 2300, reduced: 600),
        "RO": .init(standard: 2100, reduced: 1100),
        "SE": .init(standard: 2500, reduced: 1200),
        "SI": .init(standard: 2200, reduced: 950),
        "SK": .init(standard: 2300, reduced: 1900),
    ])

    /// A rate in hundredths of a percent as the settings and documents write it: `20`, `5.5`.
    public static func text(_ hundredths: Int) -> String {
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
