@testable import KontorPipeline
import Testing

@Suite struct SettleTrackerTests {
    func file(_ name: String, size: Int64, mtime: Int64 = 1, marked: Bool = false) -> Candidate {
        Candidate(shop: "s", name: name, rawName: Array(name.utf8), size: size, mtimeNanos: mtime, marked: marked)
    }

    @Test func aFileIsReadyOnlyAfterStayingUnchangedForTheSettleTime() {
        var tracker = SettleTracker(settleSeconds: 2)
        #expect(tracker.observe([file("a", size: 10)], now: 100).isEmpty)
        #expect(tracker.observe([file("a", size: 10)], now: 101).isEmpty)
        #expect(tracker.observe([file("a", size: 10)], now: 102).map(\.name) == ["a"])
    }

    @Test func growthRestartsTheClockEvenWithAnOldModificationTime() {
        var tracker = SettleTracker(settleSeconds: 2)
        _ = tracker.observe([file("a", size: 10, mtime: 5)], now: 100)
        #expect(tracker.observe([file("a", size: 20, mtime: 5)], now: 101.5).isEmpty)
        #expect(tracker.observe([file("a", size: 20, mtime: 5)], now: 103).isEmpty)
        #expect(tracker.observe([file("a", size: 20, mtime: 5)], now: 103.5).map(\.name) == ["a"])
        #expect(tracker.secondsUntilNextReady(now: 103.5) == 0)
    }

    @Test func aMarkerMakesAFileReadyAtOnce() {
        var tracker = SettleTracker(settleSeconds: 60)
        #expect(tracker.observe([file("a", size: 10, marked: true), file("b", size: 1)], now: 0).map(\.name) == ["a"])
        #expect(tracker.pendingCount == 2)
    }
}

@Suite struct DiscoveryTests {
    @Test(arguments: [".hidden.csv", "x.part", "x.PART", "x.filepart", "x.tmp", "rejected", "x.csv.done", "x.csv.errors.txt"])
    func skips(name: String) {
        #expect(Discovery.skipReason(name) != nil)
    }

    @Test(arguments: ["orders.csv", "-orders.csv", "Bestellungen März.csv", "a..b.xml"])
    func takes(name: String) {
        #expect(Discovery.skipReason(name) == nil)
    }

    @Test func shopNamesAreSafePathComponents() {
        #expect(Discovery.isValidShopName("teekontor"))
        #expect(Discovery.isValidShopName("shop-2_b.de"))
        #expect(!Discovery.isValidShopName(".."))
        #expect(!Discovery.isValidShopName(".kontor"))
        #expect(!Discovery.isValidShopName("a/b"))
        #expect(!Discovery.isValidShopName(String(repeating: "x", count: 65)))
    }
}

@Suite struct SettingsFileTests {
    @Test func readsKontorAndShopTables() throws {
        let settings = try SettingsFile.parse("""
            # comment
            [kontor]
            settle_seconds = 5 # trailing comment
            default_credit_limit = "250.00"

            [shops.teekontor]
            name = "Teekontor # Lüneburg"
            default_credit_limit = "1000.00"
            """)
        #expect(settings.settleSeconds == 5)
        #expect(settings.defaultShop.defaultCreditLimit == 25_000)
        #expect(settings.shop("teekontor").defaultCreditLimit == 100_000)
        #expect(settings.shop("teekontor").name == "Teekontor # Lüneburg")
        #expect(settings.shop("other").defaultCreditLimit == 25_000)
    }

    @Test func mistakesNameTheirLine() {
        #expect(throws: SettingsFile.ParseError.self) { try SettingsFile.parse("[kontor]\nsettle_seconds = soon\n") }
        do {
            _ = try SettingsFile.parse("\n[kontor]\nunknown_key = 1\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "kontor.toml:3: unknown setting unknown_key")
        }
    }

    @Test func theTemplateParsesToTheDefaults() throws {
        #expect(try SettingsFile.parse(SettingsFile.template) == Settings())
    }
}

@Suite struct FileNameTests {
    @Test func namesThatAreNotUTF8AreReadAsWindows1252() {
        #expect(Discovery.displayName([0x42, 0xE4, 0x72, 0x2E, 0x63, 0x73, 0x76]) == "Bär.csv")
        #expect(Discovery.displayName(Array("Bär.csv".utf8)) == "Bär.csv")
    }

    @Test func controlCharactersBecomeUnderscores() {
        #expect(Discovery.displayName(Array("a\nb\tc.csv".utf8)) == "a_b_c.csv")
    }

    @Test func longNamesAreShortenedKeepingTheirExtension() {
        let long = String(repeating: "ä", count: 150) + ".csv"
        let name = Discovery.displayName(Array(long.utf8))
        #expect(name.utf8.count <= 170)
        #expect(name.hasSuffix(".csv"))
        #expect(name != Discovery.displayName(Array((String(repeating: "ä", count: 151) + ".csv").utf8)))
    }
}
