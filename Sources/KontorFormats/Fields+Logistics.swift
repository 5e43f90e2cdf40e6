import KontorCore

extension Fields {
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
