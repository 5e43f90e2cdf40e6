import KontorLogistics
import Testing

@Suite struct CountriesTests {
    @Test(arguments: ["DE", "AT", "FR", "GR", "IE", "HR", "at", " nl "])
    func memberStatesAreInTheEU(code: String) {
        #expect(Countries.isEU(code))
    }

    @Test(arguments: ["CH", "NO", "GB", "IS", "LI", "US", "EL", "", "XX"])
    func othersAreNot(code: String) {
        #expect(!Countries.isEU(code))
    }

    @Test func thereAreTwentySevenMembers() {
        let all = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                   "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
        #expect(Set(all).count == 27)
        #expect(all.allSatisfy { Countries.isEU($0) && Countries.name($0) != nil })
    }

    @Test func namesAreGermanInCapitals() {
        #expect(Countries.name("AT") == "ÖSTERREICH")
        #expect(Countries.name("ch") == "SCHWEIZ")
        #expect(Countries.name("FR") == "FRANKREICH")
        #expect(Countries.name("US") == "VEREINIGTE STAATEN")
        #expect(Countries.name("GB") == "VEREINIGTES KÖNIGREICH")
        #expect(Countries.name("NO") == "NORWEGEN")
        #expect(Countries.name("XX") == nil)
        #expect(Countries.name("Germany") == nil)
    }

    @Test func specialTerritoriesOutsideTheVATArea() {
        #expect(Countries.specialTerritory(country: "DE", postcode: "27498") == "Heligoland")
        #expect(Countries.specialTerritory(country: "ES", postcode: "35001") == "Canary Islands")
        #expect(Countries.specialTerritory(country: "ES", postcode: "28013") == nil)
        #expect(Countries.specialTerritory(country: "FR", postcode: "97400") == "French overseas territory")
        #expect(Countries.specialTerritory(country: "FR", postcode: "75001") == nil)
        #expect(Countries.specialTerritory(country: "DE", postcode: "21335") == nil)
    }
}
