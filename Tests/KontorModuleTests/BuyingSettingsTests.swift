import KontorInventory
import KontorPipeline
import Testing

/// `reorder_review_days`, `reorder_window_days` and `slow_mover_days` in kontor.toml.
@Suite struct BuyingSettingsTests {
    @Test func aShopSetsItsDaysAndOthersKeepTheDefaults() throws {
        let settings = try SettingsFile.parse("""
            [shops.teekontor]
            reorder_review_days = 7
            reorder_window_days = 30
            slow_mover_days = 60
            """)
        let buying = settings.shop("teekontor").buying
        #expect(buying.reviewDays == 7 && buying.windowDays == 30 && buying.slowMoverDays == 60)
        let standard = settings.shop("other").buying
        #expect(standard.reviewDays == 14 && standard.windowDays == 90 && standard.slowMoverDays == 90)
    }

    @Test(arguments: [("reorder_window_days = 0", "kontor.toml:2: reorder_window_days must be at least 1"),
                      ("slow_mover_days = 0", "kontor.toml:2: slow_mover_days must be at least 1"),
                      ("reorder_review_days = -1", "kontor.toml:2: reorder_review_days must be a whole number")])
    func aWindowOfNoDaysIsRefused(line: String, message: String) {
        #expect(throws: SettingsFile.ParseError.self) { try SettingsFile.parse("[shops.teekontor]\n\(line)\n") }
        do {
            _ = try SettingsFile.parse("[shops.teekontor]\n\(line)\n")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
