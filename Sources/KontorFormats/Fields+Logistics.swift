import KontorCore

extension Fields {
    /// An SSCC: 18 digits, the last the GS1 check digit of the 17 before it.
    mutating func sscc(_ name: String) -> String? {
        guard let text = optional(name) else { return nil }
        guard text.count == 18, text.allSatisfy(\.isASCIIDigit) else {
            fail(name, "\(name) \"\(text)\" is not 18 digits", de: "\(name) \"\(text)\" hat nicht 18 Ziffern",
                 hint: "An SSCC is the 18-digit number under the barcode of a parcel label (00), without spaces.")
            return nil
        }
        let digits = text.map { $0.wholeNumberValue! }
        let expected = GTIN.checkDigit(of: digits.dropLast())
        guard digits.last == expected else {
            fail(name, "\(name) \"\(text)\" has a wrong check digit: it ends in \(digits.last!), but the digits before it give \(expected)",
                 de: "\(name) \"\(text)\" hat eine falsche Prüfziffer: sie endet auf \(digits.last!), die Ziffern davor ergeben aber \(expected)",
                 hint: "Copy the SSCC again from the parcel label: a digit is wrong.")
            return nil
        }
        return text
    }

    /// A customs tariff number (Zolltarifnummer): 6 to 11 digits, spaces allowed between
    /// them and removed.
    mutating func tariffNumber(_ name: String) -> String? {
        guard let text = optional(name) else { return nil }
        if let digits = TariffNumber.digits(text) { return digits }
        let words = TariffNumber.problem(name, text)
        fail(name, words.en, de: words.de, hint: words.hint)
        return nil
    }
}
