/// Checks the lines of a customs declaration for a parcel leaving the EU.
///
/// Call it when `CarrierChoice.needsCustoms` is true: every line then needs a tariff number
/// (HS/KN code, 6 to 11 digits, spaces or dots between groups allowed, "0902 30 00") and a
/// known country of origin, and a positive quantity, value and net weight for the form.
public enum CustomsCheck {
    /// One sentence per problem, naming the article and the fix; empty when the declaration
    /// can be made.
    public static func problems(_ lines: [CustomsLine]) -> [String] {
        guard !lines.isEmpty else {
            return ["the customs declaration has no lines; a parcel leaving the EU needs its contents listed"]
        }
        var problems: [String] = []
        for line in lines {
            let article = "article \"\(line.sku)\"" + (line.description.isEmpty ? "" : " (\(line.description))")
            let tariff = LogisticsText.trimmed(line.tariffNumber ?? "")
            let origin = LogisticsText.trimmed(line.originCountry ?? "")
            switch (tariff.isEmpty, origin.isEmpty) {
            case (true, true):
                problems.append("\(article) has no tariff number and no country of origin; "
                                + "add tariff_number and origin_country to the products file")
            case (true, false):
                problems.append("\(article) has no tariff number; add tariff_number to the products file, such as \"0902 30 00\"")
            case (false, true):
                problems.append("\(article) has no country of origin; add origin_country to the products file, such as CN")
            case (false, false):
                break
            }
            if !tariff.isEmpty && !isTariffNumber(tariff) {
                problems.append("\(article) has tariff number \"\(tariff)\", which is not 6 to 11 digits; "
                                + "correct tariff_number in the products file, such as \"0902 30 00\"")
            }
            if !origin.isEmpty && !Countries.isKnown(origin) {
                problems.append("\(article) has origin country \"\(origin)\", which is not a country code Kontor knows; "
                                + "write origin_country as two letters in the products file, such as CN")
            }
            if line.quantity <= 0 {
                problems.append("\(article) has quantity \(line.quantity); customs lines need at least one unit")
            }
            if line.valueMinor <= 0 {
                problems.append("\(article) has no value; customs need the value of the goods, gifts and samples included")
            }
            if line.netGrams <= 0 {
                problems.append("\(article) has no net weight; add weight_g to the products file")
            }
        }
        return problems
    }

    /// Whether `text` is a tariff number: 6 to 11 digits, with spaces or dots between groups.
    public static func isTariffNumber(_ text: String) -> Bool {
        let digits = text.filter { $0 != " " && $0 != "." }
        return (6...11).contains(digits.count) && LogisticsText.isDigits(digits)
            && text.first.map { $0.isNumber } == true
    }
}
