import KontorCore
import KontorLogistics
import Testing

@Suite struct PostalAddressTests {
    @Test func domesticAddressKeepsTheCityAsWritten() {
        let address = Address(name: "Erika Mustermann", street: "Am Sande 1", zip: "21335", city: "Lüneburg", country: "DE")
        #expect(PostalAddress.lines(address) == ["Erika Mustermann", "Am Sande 1", "21335 Lüneburg"])
    }

    @Test func theAdditionGoesBetweenNameAndStreet() {
        let address = Address(name: "Erika Mustermann", addition: "c/o Teehaus Nord GmbH", street: "Am Sande 1",
                              zip: "21335", city: "Lüneburg", country: "de")
        #expect(PostalAddress.lines(address)
            == ["Erika Mustermann", "c/o Teehaus Nord GmbH", "Am Sande 1", "21335 Lüneburg"])
    }

    @Test func abroadTheCityIsInCapitalsAndTheCountryLast() {
        let address = Address(name: "Anna Huber", addition: " ", street: "Mariahilfer Straße 12", zip: "1060",
                              city: "Wien", country: "AT")
        #expect(PostalAddress.lines(address) == ["Anna Huber", "Mariahilfer Straße 12", "1060 WIEN", "ÖSTERREICH"])
    }

    @Test func dutchPostcodeInCapitals() {
        let address = Address(name: "Jan de Vries", street: "Damrak 1", zip: "1012 lg", city: "Amsterdam", country: "NL")
        #expect(PostalAddress.lines(address) == ["Jan de Vries", "Damrak 1", "1012 LG AMSTERDAM", "NIEDERLANDE"])
    }

    @Test func britishAndAmericanPostcodesFollowTheCity() {
        let london = Address(name: "John Smith", street: "10 Downing Street", zip: "SW1A 2AA", city: "London", country: "GB")
        #expect(PostalAddress.lines(london)
            == ["John Smith", "10 Downing Street", "LONDON SW1A 2AA", "VEREINIGTES KÖNIGREICH"])
        let newYork = Address(name: "Jane Doe", street: "350 Fifth Avenue", zip: "10118", city: "New York NY", country: "US")
        #expect(PostalAddress.lines(newYork)
            == ["Jane Doe", "350 Fifth Avenue", "NEW YORK NY 10118", "VEREINIGTE STAATEN"])
    }

    @Test func germanyIsAbroadForASwissSender() {
        let address = Address(name: "Erika Mustermann", street: "Am Sande 1", zip: "21335", city: "Lüneburg", country: "DE")
        #expect(PostalAddress.lines(address, senderCountry: "CH")
            == ["Erika Mustermann", "Am Sande 1", "21335 LÜNEBURG", "DEUTSCHLAND"])
    }

    @Test func emptyPartsLeaveNoBlankLines() {
        let address = Address(name: "", street: "Am Sande 1", zip: "", city: "Lüneburg", country: "DE")
        #expect(PostalAddress.lines(address) == ["Am Sande 1", "Lüneburg"])
    }

    @Test func packstation() {
        let address = Address(name: "Erika Mustermann", addition: "Postnummer 12345678", street: "Packstation 123",
                              zip: "21335", city: "Lüneburg", country: "DE")
        #expect(PostalAddress.lines(address)
            == ["Erika Mustermann", "Postnummer 12345678", "Packstation 123", "21335 Lüneburg"])
    }
}
