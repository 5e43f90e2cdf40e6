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
        let digits = text.filter { $0 != " " }
        guard (6...11).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
            fail(name, "\(name) \"\(text)\" is not a customs tariff number of 6 to 11 digits",
                 de: "\(name) \"\(text)\" ist keine Zolltarifnummer mit 6 bis 11 Ziffern",
                 hint: "Write the digits of the tariff number, spaces allowed, such as 0902 30 00.")
            return nil
        }
        return digits
    }
}
