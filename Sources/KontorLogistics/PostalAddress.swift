import KontorCore

/// The lines of an address as printed on a label, DIN 5008 style.
///
/// Order: name, addition (c/o, company, post number), street, postcode and city, and abroad
/// the country in German capitals on the last line. Empty parts are left out, never printed as
/// blank lines, so there are at most five lines (DIN 5008 allows six).
///
/// At home the city keeps its spelling: `21335 Lüneburg`. Abroad postcode and city are in
/// capitals, postcode first (`1010 WIEN`, `75001 PARIS`), except in countries that put the
/// postcode after the town: GB, IE, US, CA, AU and NZ (`LONDON SW1A 1AA`). Where a state or
/// province belongs between them (US, CA, AU), the shop keeps it in the city field
/// (`NEW YORK NY` → `NEW YORK NY 10001`). Lines are never shortened; `AddressCheck` reports a
/// line longer than a label takes.
public enum PostalAddress {
    /// The printed lines of `address` sent from `senderCountry`.
    public static func lines(_ address: Address, senderCountry: String = "DE") -> [String] {
        taggedLines(address, senderCountry: senderCountry).map(\.text)
    }

    /// Countries that write the postcode after the town.
    static let postcodeAfterCity: Set<String> = ["GB", "IE", "US", "CA", "AU", "NZ"]

    /// A printed line and the address field it comes from (the postcode line counts as city).
    struct Line: Equatable {
        var field: String
        var text: String
    }

    /// The printed lines with the field each comes from.
    static func taggedLines(_ address: Address, senderCountry: String) -> [Line] {
        let country = LogisticsText.countryCode(address.country)
        let domestic = country == LogisticsText.countryCode(senderCountry)
        let zip = LogisticsText.trimmed(address.zip)
        let city = LogisticsText.trimmed(address.city)
        let place: String
        if domestic {
            place = [zip, city].filter { !$0.isEmpty }.joined(separator: " ")
        } else {
            let parts = postcodeAfterCity.contains(country) ? [city, zip] : [zip, city]
            place = parts.filter { !$0.isEmpty }.joined(separator: " ").uppercased()
        }
        var lines = [
            Line(field: "name", text: LogisticsText.trimmed(address.name)),
            Line(field: "addition", text: LogisticsText.trimmed(address.addition ?? "")),
            Line(field: "street", text: LogisticsText.trimmed(address.street)),
            Line(field: "city", text: place),
        ]
        if !domestic {
            lines.append(Line(field: "country", text: Countries.name(country) ?? country))
        }
        return lines.filter { !$0.text.isEmpty }
    }
}
