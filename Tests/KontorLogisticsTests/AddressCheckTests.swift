import KontorCore
import KontorLogistics
import Testing

@Suite struct AddressCheckTests {
    func german(name: String = "Erika Mustermann", addition: String? = nil, street: String = "Am Sande 1",
                zip: String = "21335", city: String = "Lüneburg") -> Address {
        Address(name: name, addition: addition, street: street, zip: zip, city: city, country: "DE")
    }

    func messages(_ address: Address) -> [String] {
        AddressCheck.problems(address).map(\.message)
    }

    @Test func aGoodGermanAddressHasNoProblems() {
        #expect(AddressCheck.problems(german()).isEmpty)
        #expect(AddressCheck.problems(german(addition: "c/o Teehaus Nord GmbH", street: "Hauptstraße 5 a")).isEmpty)
        #expect(AddressCheck.problems(german(street: "Musterstr. 12-14", zip: "01067", city: "Dresden")).isEmpty)
        #expect(AddressCheck.problems(german(zip: "11011", city: "Berlin")).isEmpty)
    }

    @Test func emptyNameStreetAndCity() {
        let problems = AddressCheck.problems(german(name: " ", street: "", city: ""))
        #expect(problems == [
            AddressProblem(field: "name", message: "name is empty; the label needs the recipient's name"),
            AddressProblem(field: "street", message: "street is empty; the label needs street and house number"),
            AddressProblem(field: "city", message: "city is empty; the label needs the town"),
        ])
        #expect(problems[0].description == "name: name is empty; the label needs the recipient's name")
    }

    @Test func postcodeMustBeFiveDigits() {
        #expect(messages(german(zip: "1234"))
            == ["postcode \"1234\" is not five digits; German postcodes have five digits, such as 21335"])
        #expect(messages(german(zip: "2133S"))
            == ["postcode \"2133S\" is not five digits; German postcodes have five digits, such as 21335"])
        #expect(messages(german(zip: ""))
            == ["postcode is empty; German postcodes have five digits, such as 21335"])
    }

    @Test(arguments: ["00123", "05123", "43210", "62001"])
    func unassignedLeitregionen(zip: String) {
        let region = String(zip.prefix(2))
        #expect(AddressCheck.problems(german(zip: zip))
            == [AddressProblem(field: "zip",
                               message: "postcode \"\(zip)\" does not exist: no German postcode begins with \(region)")])
    }

    @Test func postcodesOutsideTheAssignedRange() {
        #expect(messages(german(zip: "01000"))
            == ["postcode \"01000\" does not exist: German postcodes run from 01001 to 99998"])
        #expect(messages(german(zip: "99999"))
            == ["postcode \"99999\" does not exist: German postcodes run from 01001 to 99998"])
        #expect(messages(german(zip: "01001")).isEmpty)
        #expect(messages(german(zip: "99998")).isEmpty)
    }

    @Test func noDPrefix() {
        #expect(messages(german(zip: "D-21335"))
            == ["postcode \"D-21335\" has a \"D-\" prefix, which German addresses do not use; write the five digits alone: 21335"])
        #expect(messages(german(zip: "de-21335"))
            == ["postcode \"de-21335\" has a \"DE-\" prefix, which German addresses do not use; write the five digits alone: 21335"])
        #expect(messages(german(zip: "D-2133")) == [
            "postcode \"D-2133\" has a \"D-\" prefix, which German addresses do not use; write the five digits alone",
            "postcode \"2133\" is not five digits; German postcodes have five digits, such as 21335",
        ])
    }

    @Test func streetNeedsAHouseNumber() {
        #expect(AddressCheck.problems(german(street: "Am Sande")) == [AddressProblem(
            field: "street",
            message: "street \"Am Sande\" has no house number; write it after the street name, such as \"Hauptstraße 5\"")])
        #expect(messages(german(street: "Straße des 17. Juni")).count == 1)
        #expect(messages(german(street: "Straße des 17. Juni 135")).isEmpty)
        #expect(messages(german(street: "Musterstr. 795 // W 34")).isEmpty)
        #expect(messages(german(street: "Am Sande 12-14, Hinterhaus")).isEmpty)
        #expect(messages(german(street: "Hauptstr.5")).isEmpty)
        #expect(messages(german(street: "12")).count == 1)
    }

    @Test func packstationWithPostNumber() {
        #expect(messages(german(addition: "Postnummer 12345678", street: "Packstation 123")).isEmpty)
        #expect(messages(german(addition: "123456", street: "Packstation 123")).isEmpty)
        #expect(messages(german(addition: "Postnr.: 1234567890", street: "packstation 001")).isEmpty)
        #expect(messages(german(addition: "Postnummer 12345678", street: "Postfiliale 502")).isEmpty)
    }

    @Test func packstationWithoutPostNumber() {
        #expect(AddressCheck.problems(german(street: "Packstation 123")) == [AddressProblem(
            field: "addition",
            message: "a Packstation address needs the recipient's post number (Postnummer, 6 to 10 digits) "
                + "in the addition line, such as \"Postnummer 12345678\"")])
        #expect(messages(german(addition: "c/o Müller", street: "Postfiliale 502")) == [
            "addition \"c/o Müller\" is not a post number; a Postfiliale address needs the recipient's post number "
                + "(Postnummer, 6 to 10 digits) in the addition line, such as \"Postnummer 12345678\"",
        ])
        #expect(messages(german(addition: "Postnummer 12345", street: "Packstation 123"))
            == ["post number \"12345\" has 5 digits; a Postnummer has 6 to 10 digits"])
    }

    @Test func packstationNeedsAThreeDigitStation() {
        #expect(AddressCheck.problems(german(addition: "12345678", street: "Packstation 12")) == [AddressProblem(
            field: "street",
            message: "street \"Packstation 12\" needs the three-digit number of the Packstation, such as \"Packstation 123\"")])
        #expect(messages(german(addition: "12345678", street: "Packstation")).count == 1)
    }

    @Test func countryMustBeKnown() {
        let address = Address(name: "Erika Mustermann", street: "Am Sande 1", zip: "21335", city: "Lüneburg",
                              country: "Germany")
        #expect(AddressCheck.problems(address) == [AddressProblem(
            field: "country",
            message: "country \"Germany\" is not a country code Kontor knows; write the two-letter ISO 3166 code, "
                + "such as DE, AT or CH")])
        let empty = Address(name: "Erika Mustermann", street: "Am Sande 1", zip: "21335", city: "Lüneburg", country: "")
        #expect(AddressCheck.problems(empty).map(\.field) == ["country"])
    }

    @Test(arguments: [("AT", "1060"), ("CH", "8001"), ("NL", "1012 LG"), ("NL", "1012 lg"), ("FR", "75001"),
                      ("SE", "111 52"), ("PL", "00-950"), ("GB", "SW1A 2AA"), ("US", "10118-0110"), ("IE", ""),
                      ("NO", "0150"), ("JP", "100-0001")])
    func foreignPostcodesThatFit(country: String, zip: String) {
        let address = Address(name: "Anna Huber", street: "Hauptplatz 1", zip: zip, city: "Stadt", country: country)
        #expect(AddressCheck.problems(address).isEmpty)
    }

    @Test func foreignPostcodesThatDoNotFit() {
        func check(_ country: String, _ zip: String) -> [String] {
            messages(Address(name: "Anna Huber", street: "Hauptplatz 1", zip: zip, city: "Stadt", country: country))
        }
        #expect(check("AT", "10600") == ["postcode \"10600\" does not fit; Austrian postcodes have four digits, such as 1010"])
        #expect(check("AT", "A-1060") == ["postcode \"A-1060\" does not fit; Austrian postcodes have four digits, such as 1010"])
        #expect(check("CH", "") == ["postcode is empty; Swiss postcodes have four digits, such as 8001"])
        #expect(check("NL", "1012LG") == [
            "postcode \"1012LG\" does not fit; Dutch postcodes have four digits, a space and two letters, such as 1012 AB",
        ])
        #expect(check("FR", "7500") == ["postcode \"7500\" does not fit; French postcodes have five digits, such as 75001"])
    }

    @Test func lenientForCountriesWithoutAKnownFormat() {
        let address = Address(name: "Ana Silva", street: "Rua 1", zip: "", city: "Lima", country: "PE")
        #expect(AddressCheck.problems(address).isEmpty)
        let noCity = Address(name: "Ana Silva", street: "Rua 1", zip: "15001", city: " ", country: "PE")
        #expect(AddressCheck.problems(noCity).map(\.field) == ["city"])
    }

    @Test func abroadNoHouseNumberRule() {
        let address = Address(name: "John Smith", street: "Rose Cottage, High Street", zip: "M1 1AE",
                              city: "Manchester", country: "GB")
        #expect(AddressCheck.problems(address).isEmpty)
    }

    @Test func longLinesAreNamedNotCut() {
        let street = "Bürgermeister-Heinrich-Müller-Straße 12"
        #expect(street.count == 39)
        #expect(AddressCheck.problems(german(street: street)) == [AddressProblem(
            field: "street",
            message: "line 2 \"\(street)\" is 39 characters; a label line holds at most 35: "
                + "shorten the street, for example \"Str.\" for \"Straße\"")])
        #expect(PostalAddress.lines(german(street: street))[1] == street)
    }

    @Test func aLineOfExactly35CharactersFits() {
        let name = String(repeating: "a", count: 35)
        #expect(AddressCheck.problems(german(name: name)).isEmpty)
        #expect(AddressCheck.problems(german(name: name + "b")).map(\.field) == ["name"])
    }

    @Test func theCountryLineCountsToo() {
        let address = Address(name: "Ahmed Ali", street: "Sheikh Zayed Road 1", zip: "", city: "Dubai", country: "AE")
        #expect(AddressCheck.problems(address).isEmpty)
        let long = Address(name: "Ahmed Ali", street: "Sheikh Zayed Road 1", zip: "",
                           city: "Dubai International Financial Centre", country: "AE")
        #expect(AddressCheck.problems(long).map(\.message)
            == ["line 3 \"DUBAI INTERNATIONAL FINANCIAL CENTRE\" is 36 characters; a label line holds at most 35: shorten the city"])
    }
}
