/// Countries Kontor ships to: EU membership and the German name for the address label.
///
/// Codes are ISO 3166-1 alpha-2 ("DE", "AT"); lower case and surrounding spaces are accepted.
/// A country is *known* when it has a name here; `AddressCheck` refuses other codes so that
/// every label abroad gets its country line. Add a country to `names` to ship there.
///
/// Customs: `isEU` answers by member state. The EU customs and VAT territory is not quite the
/// member states: Heligoland and Büsingen (DE), the Canary Islands, Ceuta and Melilla (ES),
/// Livigno (IT), the Åland Islands (FI) and the French overseas departments lie outside it
/// for VAT and need customs papers, while Monaco is inside the customs union. Kontor keeps it
/// simple and decides by country code; `specialTerritory` names the exceptions it knows so a
/// caller can hold such a shipment for a look.
public enum Countries {
    /// Whether `code` is one of the 27 EU member states (not CH, NO, GB).
    public static func isEU(_ code: String) -> Bool {
        euMembers.contains(LogisticsText.countryCode(code))
    }

    /// The German name in capitals for the last line of a label abroad ("ÖSTERREICH"), or
    /// nil when Kontor does not know the code.
    public static func name(_ code: String) -> String? {
        names[LogisticsText.countryCode(code)]
    }

    /// Whether Kontor knows the country (has its name).
    public static func isKnown(_ code: String) -> Bool {
        name(code) != nil
    }

    /// The name of a part of an EU country that lies outside the EU VAT territory (and so
    /// needs customs papers) when `postcode` points there, or nil.
    ///
    /// Covers the common cases only: Heligoland 27498 and Büsingen 78266 (DE), Canary Islands
    /// 35xxx/38xxx, Ceuta 51xxx and Melilla 52xxx (ES), Livigno 23041 (IT), Åland 22xxx (FI)
    /// and the overseas departments and territories 971xx–978xx and 986xx–988xx (FR).
    public static func specialTerritory(country: String, postcode: String) -> String? {
        let digits = LogisticsText.trimmed(postcode).filter { $0.isASCII && $0.isNumber }
        switch LogisticsText.countryCode(country) {
        case "DE":
            if digits == "27498" { return "Heligoland" }
            if digits == "78266" { return "Büsingen am Hochrhein" }
        case "ES" where digits.count == 5:
            if digits.hasPrefix("35") || digits.hasPrefix("38") { return "Canary Islands" }
            if digits.hasPrefix("51") { return "Ceuta" }
            if digits.hasPrefix("52") { return "Melilla" }
        case "IT":
            if digits == "23041" { return "Livigno" }
        case "FI" where digits.count == 5:
            if digits.hasPrefix("22") { return "Åland Islands" }
        case "FR" where digits.count == 5:
            if ["971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988"]
                .contains(String(digits.prefix(3))) {
                return "French overseas territory"
            }
        default:
            break
        }
        return nil
    }

    /// The 27 member states of the European Union (Greece as ISO "GR", not the EU's "EL").
    static let euMembers: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ]

    /// German country names in capitals, as DIN 5008 wants them on the last line.
    static let names: [String: String] = [
        // EU
        "AT": "ÖSTERREICH", "BE": "BELGIEN", "BG": "BULGARIEN", "CY": "ZYPERN",
        "CZ": "TSCHECHIEN", "DE": "DEUTSCHLAND", "DK": "DÄNEMARK", "EE": "ESTLAND",
        "ES": "SPANIEN", "FI": "FINNLAND", "FR": "FRANKREICH", "GR": "GRIECHENLAND",
        "HR": "KROATIEN", "HU": "UNGARN", "IE": "IRLAND", "IT": "ITALIEN", "LT": "LITAUEN",
        "LU": "LUXEMBURG", "LV": "LETTLAND", "MT": "MALTA", "NL": "NIEDERLANDE", "PL": "POLEN",
        "PT": "PORTUGAL", "RO": "RUMÄNIEN", "SE": "SCHWEDEN", "SI": "SLOWENIEN", "SK": "SLOWAKEI",
        // EEA, Switzerland, United Kingdom
        "IS": "ISLAND", "LI": "LIECHTENSTEIN", "NO": "NORWEGEN", "CH": "SCHWEIZ",
        "GB": "VEREINIGTES KÖNIGREICH",
        // Rest of Europe
        "AD": "ANDORRA", "AL": "ALBANIEN", "BA": "BOSNIEN UND HERZEGOWINA", "BY": "BELARUS",
        "FO": "FÄRÖER", "GI": "GIBRALTAR", "GL": "GRÖNLAND", "MC": "MONACO", "MD": "MOLDAU",
        "ME": "MONTENEGRO", "MK": "NORDMAZEDONIEN", "RS": "SERBIEN", "RU": "RUSSLAND",
        "SM": "SAN MARINO", "TR": "TÜRKEI", "UA": "UKRAINE", "VA": "VATIKANSTADT",
        "GE": "GEORGIEN", "AM": "ARMENIEN", "AZ": "ASERBAIDSCHAN", "KZ": "KASACHSTAN",
        // Americas
        "US": "VEREINIGTE STAATEN", "CA": "KANADA", "MX": "MEXIKO", "BR": "BRASILIEN",
        "AR": "ARGENTINIEN", "CL": "CHILE", "CO": "KOLUMBIEN", "PE": "PERU",
        // Asia, Oceania
        "AU": "AUSTRALIEN", "NZ": "NEUSEELAND", "JP": "JAPAN", "CN": "CHINA", "HK": "HONGKONG",
        "TW": "TAIWAN", "KR": "SÜDKOREA", "SG": "SINGAPUR", "IN": "INDIEN", "TH": "THAILAND",
        "VN": "VIETNAM", "ID": "INDONESIEN", "MY": "MALAYSIA", "PH": "PHILIPPINEN",
        "IL": "ISRAEL", "AE": "VEREINIGTE ARABISCHE EMIRATE", "SA": "SAUDI-ARABIEN", "QA": "KATAR",
        // Africa
        "ZA": "SÜDAFRIKA", "EG": "ÄGYPTEN", "MA": "MAROKKO", "TN": "TUNESIEN",
    ]
}
