import KontorPipeline
import Testing

/// `ship_complete` in kontor.toml: whether an order waits for all its goods.
@Suite struct ShipCompleteSettingsTests {
    @Test func ordersShipCompleteUnlessAShopAllowsDeliveriesInParts() throws {
        let settings = try SettingsFile.parse("""
            [shops.teekontor]
            ship_complete = false
            """)
        #expect(!settings.shop("teekontor").shipComplete)
        #expect(settings.shop("other").shipComplete)
        #expect(try SettingsFile.parse("[kontor]\nship_complete = false\n").shop("any").shipComplete == false)
    }

    @Test(arguments: [("\"no\"", "kontor.toml:2: ship_complete must be true or false"),
                      ("0", "kontor.toml:2: ship_complete must be true or false"),
                      ("yes", "kontor.toml:2: cannot read value yes; write strings in quotes")])
    func aValueOtherThanTrueOrFalseIsRefusedWithItsLine(value: String, message: String) {
        #expect(throws: SettingsFile.ParseError.self) { try SettingsFile.parse("[shops.teekontor]\nship_complete = \(value)\n") }
        do {
            _ = try SettingsFile.parse("[shops.teekontor]\nship_complete = \(value)\n")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
