extension VATCase {
    /// The case as the books store it: `domestic`, `intra-community`, `export`, `oss`,
    /// `small-business`.
    public var kind: String {
        switch self {
        case .domestic: "domestic"
        case .intraCommunity: "intra-community"
        case .export: "export"
        case .oss: "oss"
        case .smallBusiness: "small-business"
        }
    }

    /// The buyer's VAT ID of an intra-community supply.
    public var vatID: String? {
        if case .intraCommunity(let id) = self { return id.value }
        return nil
    }

    /// The country of destination of an OSS sale.
    public var country: String? {
        if case .oss(let country, _) = self { return country }
        return nil
    }

    /// The destination's rates of an OSS sale.
    public var destinationRates: CountryVATRates? {
        if case .oss(_, let rates) = self { return rates }
        return nil
    }

    /// The case from its stored columns; nil for a combination no case has.
    public init?(kind: String, vatID: String?, country: String?, standard: Int?, reduced: Int?) {
        switch kind {
        case "domestic": self = .domestic
        case "export": self = .export
        case "small-business": self = .smallBusiness
        case "intra-community":
            guard let id = vatID.flatMap(VATID.init) else { return nil }
            self = .intraCommunity(vatID: id)
        case "oss":
            guard let country, let standard, let reduced else { return nil }
            self = .oss(country: country, rates: CountryVATRates(standard: standard, reduced: reduced))
        default: return nil
        }
    }

    /// The legal note the invoice carries, nil for a domestic invoice. `sellerVATID` is the
    /// shop's own VAT ID, which an intra-community supply's note names beside the buyer's.
    public func legalNote(sellerVATID: String?) -> String? {
        switch self {
        case .domestic: nil
        case .intraCommunity(let id):
            "Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b i. V. m. § 6a UStG). "
                + "USt-IdNr. des Lieferers: \(sellerVATID ?? "–"), USt-IdNr. des Abnehmers: \(id.value)"
        case .export: "Steuerfreie Ausfuhrlieferung (§ 4 Nr. 1a i. V. m. § 6 UStG)"
        case .smallBusiness: "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet."
        case .oss(let country, let rates):
            "Lieferung an einen Verbraucher in \(country) (§ 3c UStG): Umsatzsteuer \(country) "
                + "\(EUVATRates.text(rates.standard)) % / \(EUVATRates.text(rates.reduced)) %, erklärt im One-Stop-Shop-Verfahren"
        }
    }
}

extension VATCase {
    /// The case in one text, as the order book keeps it with an order: nil for domestic,
    /// else `intra-community NL123456789B01`, `export`, `oss AT 2000 1000`, `small-business`.
    public var stored: String? {
        switch self {
        case .domestic: nil
        case .intraCommunity(let id): "\(kind) \(id.value)"
        case .oss(let country, let rates): "\(kind) \(country) \(rates.standard) \(rates.reduced)"
        case .export, .smallBusiness: kind
        }
    }

    /// The case from its text (`stored`); domestic for nil, nil for a text no case has.
    public init?(stored: String?) {
        guard let stored else { self = .domestic; return }
        let parts = stored.split(separator: " ").map(String.init)
        guard let kind = parts.first else { return nil }
        self.init(kind: kind, vatID: parts.count == 2 ? parts[1] : nil, country: parts.count == 4 ? parts[1] : nil,
                  standard: parts.count == 4 ? Int(parts[2]) : nil, reduced: parts.count == 4 ? Int(parts[3]) : nil)
    }
}
