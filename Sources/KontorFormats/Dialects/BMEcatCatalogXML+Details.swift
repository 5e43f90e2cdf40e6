import KontorCore

extension BMEcatCatalogXML {
    /// `DESCRIPTION_SHORT` of `ARTICLE_DETAILS`/`PRODUCT_DETAILS`: the German one where
    /// several languages are given, else the first.
    static func name(_ node: XMLElementNode, sku: String, fields: inout BMEcatFields) -> String? {
        let details = node.child(node.name == "ARTICLE" ? "ARTICLE_DETAILS" : "PRODUCT_DETAILS")
        let names = BMEcatFields.all(details, "DESCRIPTION_SHORT")
        let german = names.first { ["deu", "ger", "de"].contains($0.attribute("lang")?.lowercased() ?? "") }
        if let name = BMEcatFields.text(german ?? names.first) { return name }
        fields.fail("field.missing", "article \(sku) has no DESCRIPTION_SHORT (its name)",
                    de: "Artikel \(sku) hat keine DESCRIPTION_SHORT (seinen Namen)",
                    hint: "Give every article a short description; Kontor shows it as the article's name.",
                    at: names.first ?? details ?? node)
        return nil
    }

    /// The GTIN: `EAN` (1.2), or `INTERNATIONAL_PID` of type `gtin` or `ean` (2005).
    static func ean(_ node: XMLElementNode, subject: BMEcatSubject, fields: inout BMEcatFields) -> String? {
        let element: XMLElementNode?
        if node.name == "ARTICLE" {
            element = BMEcatFields.find(node, "ARTICLE_DETAILS", "EAN")
        } else {
            element = BMEcatFields.all(node.child("PRODUCT_DETAILS"), "INTERNATIONAL_PID").first {
                ["gtin", "ean"].contains($0.attribute("type")?.lowercased() ?? "")
            }
        }
        guard let element, let text = BMEcatFields.text(element) else { return nil }
        guard let problem = GTIN.problem(text) else { return text }
        let words = problem.words(element.name, text, subject: (subject.en, subject.de))
        fields.fail("field.invalid", words.en, de: words.de, hint: words.hint, at: element)
        return nil
    }

    /// The customs tariff number and the country of origin of a BMEcat 2005 product:
    /// `PRODUCT_LOGISTIC_DETAILS/CUSTOMS_TARIFF_NUMBER/CUSTOMS_NUMBER` (6 to 11 digits) and
    /// `PRODUCT_LOGISTIC_DETAILS/COUNTRY_OF_ORIGIN` (two letters).
    static func customs(_ node: XMLElementNode, subject: BMEcatSubject, fields: inout BMEcatFields)
        -> (tariffNumber: String?, originCountry: String?) {
        let details = node.child("PRODUCT_LOGISTIC_DETAILS")
        var tariff: String?, origin: String?
        if let element = BMEcatFields.find(details, "CUSTOMS_TARIFF_NUMBER", "CUSTOMS_NUMBER"),
           let text = BMEcatFields.text(element) {
            tariff = TariffNumber.digits(text)
            if tariff == nil {
                let words = TariffNumber.problem(element.name, text, subject: (subject.en, subject.de))
                fields.fail("field.invalid", words.en, de: words.de, hint: words.hint, at: element)
            }
        }
        if let element = details?.child("COUNTRY_OF_ORIGIN"), let text = BMEcatFields.text(element) {
            if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isLetter }) {
                origin = text.uppercased()
            } else {
                fields.fail("field.invalid", "\(element.name) \"\(text)\" \(subject.en) is not a two-letter country code",
                            de: "\(element.name) \"\(text)\" \(subject.de) ist kein zweistelliger Ländercode",
                            hint: "Use ISO codes such as DE, AT, CH.", at: element)
            }
        }
        return (tariff, origin)
    }

    /// The weight in grams: `PRODUCT_LOGISTIC_DETAILS/PRODUCT_DIMENSIONS/WEIGHT` in kilograms
    /// (2005), else a feature named Gewicht or Weight with the unit KGM/kg or GRM/g.
    static func weightGrams(_ node: XMLElementNode, subject: BMEcatSubject, fields: inout BMEcatFields) -> Int? {
        if let weight = BMEcatFields.find(node, "PRODUCT_LOGISTIC_DETAILS", "PRODUCT_DIMENSIONS", "WEIGHT") {
            return fields.weightGrams(weight, places: 3, what: subject)
        }
        let features = BMEcatFields.all(node, node.name == "ARTICLE" ? "ARTICLE_FEATURES" : "PRODUCT_FEATURES")
            .flatMap { BMEcatFields.all($0, "FEATURE") }
        for feature in features {
            guard let name = BMEcatFields.text(feature.child("FNAME"))?.lowercased(),
                  ["gewicht", "weight", "nettogewicht", "net weight"].contains(name),
                  let value = feature.child("FVALUE") else { continue }
            switch BMEcatFields.text(feature.child("FUNIT"))?.lowercased() {
            case "kgm", "kg": return fields.weightGrams(value, places: 3, what: subject)
            case "grm", "g": return fields.weightGrams(value, places: 0, what: subject)
            default: continue
            }
        }
        return nil
    }
}
