import KontorLogistics
import Testing

@Suite struct CustomsCheckTests {
    func tea(tariff: String? = "0902 30 00", origin: String? = "IN") -> CustomsLine {
        CustomsLine(sku: "TEA-01", description: "Darjeeling tea", quantity: 2, tariffNumber: tariff,
                    originCountry: origin, valueMinor: 1800, netGrams: 200)
    }

    @Test func aCompleteDeclarationHasNoProblems() {
        #expect(CustomsCheck.problems([tea(), tea(tariff: "090230", origin: "cn"), tea(tariff: "0902.30.00.00 0")]).isEmpty)
    }

    @Test func tariffNumberAndOriginAreNeeded() {
        #expect(CustomsCheck.problems([tea(tariff: nil, origin: nil)]) == [
            "article \"TEA-01\" (Darjeeling tea) has no tariff number and no country of origin; "
                + "add tariff_number and origin_country to the products file",
        ])
        #expect(CustomsCheck.problems([tea(tariff: " ")]) == [
            "article \"TEA-01\" (Darjeeling tea) has no tariff number; add tariff_number to the products file, such as \"0902 30 00\"",
        ])
        #expect(CustomsCheck.problems([tea(origin: "")]) == [
            "article \"TEA-01\" (Darjeeling tea) has no country of origin; add origin_country to the products file, such as CN",
        ])
    }

    @Test(arguments: ["09023", "0902 30 00 00 00", "0902-30-00", "tea", "HS 090230"])
    func tariffNumbersThatAreNot(tariff: String) {
        #expect(CustomsCheck.problems([tea(tariff: tariff)]) == [
            "article \"TEA-01\" (Darjeeling tea) has tariff number \"\(tariff)\", which is not 6 to 11 digits; "
                + "correct tariff_number in the products file, such as \"0902 30 00\"",
        ])
    }

    @Test func originMustBeKnown() {
        #expect(CustomsCheck.problems([tea(origin: "India")]) == [
            "article \"TEA-01\" (Darjeeling tea) has origin country \"India\", which is not a country code Kontor knows; "
                + "write origin_country as two letters in the products file, such as CN",
        ])
    }

    @Test func quantityValueAndWeight() {
        let line = CustomsLine(sku: "MUG", description: "", quantity: 0, tariffNumber: "6912 00 10", originCountry: "DE",
                               valueMinor: 0, netGrams: 0)
        #expect(CustomsCheck.problems([line]) == [
            "article \"MUG\" has quantity 0; customs lines need at least one unit",
            "article \"MUG\" has no value; customs need the value of the goods, gifts and samples included",
            "article \"MUG\" has no net weight; add weight_g to the products file",
        ])
    }

    @Test func anEmptyDeclaration() {
        #expect(CustomsCheck.problems([]) == ["the customs declaration has no lines; a parcel leaving the EU needs its contents listed"])
    }
}
