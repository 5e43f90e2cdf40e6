import KontorCore

/// Checks a shipping address before a label is bought, naming each problem so the shop owner
/// can fix it.
///
/// - name, street and city must not be empty; the country must be a code Kontor knows
///   (`Countries.name`).
/// - Germany: the postcode is five digits without a "D-" prefix, from 01001 to 99998, and its
///   first two digits (Leitregion) are assigned; the street ends with a house number unless it
///   is a Packstation or Postfiliale ("Packstation 123", three digits), which needs the
///   recipient's post number (Postnummer, 6 to 10 digits) in the addition line.
/// - Abroad: the postcode has the country's shape where Kontor knows it (`PostcodeFormat`),
///   any postcode elsewhere; house numbers are not checked, as many countries put them first
///   or use house names.
/// - Every printed line (`PostalAddress.lines`) fits a label: at most `maxLineLength`
///   characters. Nothing is shortened here; a longer line is a problem.
public enum AddressCheck {
    /// The longest address line a label takes, in characters.
    public static let maxLineLength = 35

    /// Leitregionen (first two digits) no German postcode begins with: 00, 05, 43 and 62 are
    /// held in reserve by Deutsche Post (11 was unused until 1999/2000, now federal offices in
    /// Berlin, e.g. 11011 Berlin). Source: Freie Presse, "Warum fängt keine deutsche
    /// Postleitzahl mit 05 an?",
    /// https://www.freiepresse.de/ratgeber/onkel-max/warum-faengt-keine-deutsche-postleitzahl-mit-05-an-artikel10660284
    public static let unassignedGermanRegions: Set<String> = ["00", "05", "43", "62"]

    /// Everything wrong with `address` for a parcel sent from Germany, in the order of the
    /// fields; empty when it can be printed as it is.
    public static func problems(_ address: Address) -> [AddressProblem] {
        problems(address, senderCountry: "DE")
    }

    /// Everything wrong with `address` for a parcel sent from `senderCountry` (which decides
    /// the printed lines whose length is checked).
    public static func problems(_ address: Address, senderCountry: String) -> [AddressProblem] {
        var problems: [AddressProblem] = []
        let street = LogisticsText.trimmed(address.street)
        let country = LogisticsText.countryCode(address.country)

        if LogisticsText.trimmed(address.name).isEmpty {
            problems.append(AddressProblem(field: "name", message: "name is empty; the label needs the recipient's name"))
        }
        if street.isEmpty {
            problems.append(AddressProblem(field: "street",
                                           message: "street is empty; the label needs street and house number"))
        }
        if country == "DE" {
            problems += germanStreetProblems(street: street, addition: address.addition)
            problems += germanPostcodeProblems(LogisticsText.trimmed(address.zip))
        } else if let format = PostcodeFormat.of(country) {
            let zip = LogisticsText.trimmed(address.zip)
            if !format.accepts(zip) {
                let shown = zip.isEmpty ? "postcode is empty" : "postcode \"\(zip)\" does not fit"
                problems.append(AddressProblem(field: "zip", message: "\(shown); \(format.rule)"))
            }
        }
        if LogisticsText.trimmed(address.city).isEmpty {
            problems.append(AddressProblem(field: "city", message: "city is empty; the label needs the town"))
        }
        if country.isEmpty {
            problems.append(AddressProblem(field: "country",
                                           message: "country is empty; write the two-letter ISO code, such as DE or AT"))
        } else if !Countries.isKnown(country) {
            problems.append(AddressProblem(
                field: "country",
                message: "country \"\(LogisticsText.trimmed(address.country))\" is not a country code Kontor knows; "
                    + "write the two-letter ISO 3166 code, such as DE, AT or CH"))
        }
        problems += lineLengthProblems(address, senderCountry: senderCountry)
        return problems
    }

    // MARK: Germany

    static func germanPostcodeProblems(_ zip: String) -> [AddressProblem] {
        let example = "German postcodes have five digits, such as 21335"
        if zip.isEmpty {
            return [AddressProblem(field: "zip", message: "postcode is empty; \(example)")]
        }
        var digits = Substring(zip)
        var problems: [AddressProblem] = []
        for prefix in ["DE-", "DE ", "D-", "D "] where zip.uppercased().hasPrefix(prefix) {
            digits = digits.dropFirst(prefix.count).drop { $0.isWhitespace }
            let fix = isFiveDigits(digits) ? "write the five digits alone: \(digits)" : "write the five digits alone"
            problems.append(AddressProblem(
                field: "zip",
                message: "postcode \"\(zip)\" has a \"\(LogisticsText.trimmed(prefix))\" prefix, which German addresses do not use; \(fix)"))
            break
        }
        guard isFiveDigits(digits) else {
            problems.append(AddressProblem(field: "zip", message: "postcode \"\(digits)\" is not five digits; \(example)"))
            return problems
        }
        let region = String(digits.prefix(2))
        if unassignedGermanRegions.contains(region) {
            problems.append(AddressProblem(
                field: "zip", message: "postcode \"\(digits)\" does not exist: no German postcode begins with \(region)"))
        } else if digits < "01001" || digits > "99998" {
            problems.append(AddressProblem(
                field: "zip", message: "postcode \"\(digits)\" does not exist: German postcodes run from 01001 to 99998"))
        }
        return problems
    }

    private static func isFiveDigits(_ text: Substring) -> Bool {
        text.count == 5 && LogisticsText.isDigits(text)
    }

    /// A DHL pick-up point named in the street line.
    enum PickUpPoint: String {
        case packstation = "Packstation"
        case postfiliale = "Postfiliale"

        init?(street: String) {
            let lower = street.lowercased()
            if lower.hasPrefix("packstation") {
                self = .packstation
            } else if lower.hasPrefix("postfiliale") {
                self = .postfiliale
            } else {
                return nil
            }
        }
    }

    static func germanStreetProblems(street: String, addition: String?) -> [AddressProblem] {
        guard !street.isEmpty else { return [] }
        guard let point = PickUpPoint(street: street) else {
            return hasHouseNumber(street) ? [] : [AddressProblem(
                field: "street",
                message: "street \"\(street)\" has no house number; write it after the street name, such as \"Hauptstraße 5\"")]
        }
        var problems: [AddressProblem] = []
        let number = LogisticsText.trimmed(String(street.dropFirst(point.rawValue.count)))
        if !(number.count == 3 && LogisticsText.isDigits(number)) {
            problems.append(AddressProblem(
                field: "street",
                message: "street \"\(street)\" needs the three-digit number of the \(point.rawValue), such as \"\(point.rawValue) 123\""))
        }
        problems += postNumberProblems(addition: addition, point: point)
        return problems
    }

    /// Whether the street has a house number: a word after the first that begins with a digit
    /// ("Am Sande 1", "Hauptstraße 5 a", "Weg 12-14, Hinterhaus"), where a number with a full
    /// stop before another word is an ordinal, not a house number ("Straße des 17. Juni" has
    /// none). A single word counts when it mixes letters and digits ("Hauptstr.5").
    static func hasHouseNumber(_ street: String) -> Bool {
        let words = street.split(whereSeparator: \.isWhitespace)
        guard words.count > 1 else {
            return words.first.map { $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) } ?? false
        }
        return words.indices.dropFirst().contains { index in
            let word = words[index]
            let ordinal = word.hasSuffix(".") && index < words.count - 1
            return word.first?.isNumber == true && !ordinal
        }
    }

    /// The Postnummer in the addition line: "Postnummer 12345678", "Postnr. 12345678" or the
    /// bare digits.
    static func postNumberProblems(addition: String?, point: PickUpPoint) -> [AddressProblem] {
        let text = LogisticsText.trimmed(addition ?? "")
        let needed = "a \(point.rawValue) address needs the recipient's post number (Postnummer, 6 to 10 digits) "
            + "in the addition line, such as \"Postnummer 12345678\""
        guard !text.isEmpty else {
            return [AddressProblem(field: "addition", message: needed)]
        }
        var number = Substring(text)
        for label in ["postnummer", "postnr.", "postnr"] where text.lowercased().hasPrefix(label) {
            number = number.dropFirst(label.count).drop { $0.isWhitespace || $0 == ":" }
            break
        }
        guard LogisticsText.isDigits(number) else {
            return [AddressProblem(field: "addition", message: "addition \"\(text)\" is not a post number; \(needed)")]
        }
        guard (6...10).contains(number.count) else {
            return [AddressProblem(
                field: "addition",
                message: "post number \"\(number)\" has \(number.count) digits; a Postnummer has 6 to 10 digits")]
        }
        return []
    }

    // MARK: Label lines

    static func lineLengthProblems(_ address: Address, senderCountry: String) -> [AddressProblem] {
        PostalAddress.taggedLines(address, senderCountry: senderCountry).enumerated().compactMap { index, line in
            guard line.text.count > maxLineLength else { return nil }
            let hint = switch line.field {
            case "street": "shorten the street, for example \"Str.\" for \"Straße\""
            case "city": "shorten the city"
            default: "shorten the \(line.field)"
            }
            return AddressProblem(
                field: line.field,
                message: "line \(index + 1) \"\(line.text)\" is \(line.text.count) characters; "
                    + "a label line holds at most \(maxLineLength): \(hint)")
        }
    }
}
