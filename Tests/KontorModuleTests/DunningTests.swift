import KontorAccounting
import KontorCore
import KontorCredit
import KontorPipeline
import Testing

private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

/// Default interest under § 288 BGB against examples worked by hand.
@Suite struct DefaultInterestTests {
    @Test func aConsumerAcrossTheChangeOfTheBaseRateOnFirstJuly2024() throws {
        // 1,000.00 EUR owed by a consumer from 15.06.2024 through 14.07.2024:
        //   15.06.–30.06.: 16 days at 3.62 + 5 = 8.62 % (862 bp)
        //   01.07.–14.07.: 14 days at 3.37 + 5 = 8.37 % (837 bp)
        //   100000 × (862 × 16 + 837 × 14) = 100000 × 25510 = 2 551 000 000
        //   / (365 × 10 000) = 698.90… → 699 cents = 6.99 EUR
        let charge = try DefaultInterest.charge(on: 100_000, from: day("2024-06-15"), through: day("2024-07-14"),
                                                business: false, rates: .embedded)
        #expect(charge.amount == 699)
        #expect(charge.spans.map(\.days) == [16, 14])
        #expect(charge.spans.map(\.basisPoints) == [862, 837])
    }

    @Test func businessesPayNinePointsAboveTheBaseRate() throws {
        // The same claim between businesses: 3.62 + 9 = 12.62 % (1262 bp), 3.37 + 9 = 12.37 % (1237 bp);
        // 1262 × 16 + 1237 × 14 = 20192 + 17318 = 37510; 100000 × 37510 / 3 650 000 = 1027.67… → 10.28 EUR.
        let charge = try DefaultInterest.charge(on: 100_000, from: day("2024-06-15"), through: day("2024-07-14"),
                                                business: true, rates: .embedded)
        #expect(charge.amount == 1028)
    }

    @Test func acrossTheTurnOfTheYear() throws {
        // 250.00 EUR between businesses, 20.12.2024 through 10.01.2025:
        //   20.12.–31.12.: 12 days at 3.37 + 9 = 12.37 % → 1237 × 12 = 14844
        //   01.01.–10.01.: 10 days at 2.27 + 9 = 11.27 % → 1127 × 10 = 11270
        //   25000 × 26114 = 652 850 000 / 3 650 000 = 178.86… → 1.79 EUR
        let charge = try DefaultInterest.charge(on: 25_000, from: day("2024-12-20"), through: day("2025-01-10"),
                                                business: true, rates: .embedded)
        #expect(charge.amount == 179)
        #expect(charge.days == 22)
    }

    @Test func halfACentIsRoundedAwayFromZeroAndTheBaseRateMayBeNegative() throws {
        // A base rate of -1.35 %: a consumer pays 3.65 % (365 bp). 10.00 EUR for 5 days:
        // 1000 × 365 × 5 = 1 825 000 / 3 650 000 = 0.5 cent → 1 cent.
        let rates = BaseRateTable([.init(validFrom: day("2020-01-01"), basisPoints: -135)])
        let charge = try DefaultInterest.charge(on: 1_000, from: day("2020-03-01"), through: day("2020-03-05"),
                                                business: false, rates: rates)
        #expect(charge.amount == 1)
        #expect(DefaultInterest.roundHalfAwayFromZero(5, 10) == 1)
        #expect(DefaultInterest.roundHalfAwayFromZero(-5, 10) == -1)
        #expect(DefaultInterest.roundHalfAwayFromZero(4, 10) == 0)
    }

    @Test func aDayWithoutABaseRateIsNamedNotGuessed() {
        #expect(throws: DefaultInterest.MissingRate(day: day("2023-12-30"))) {
            try DefaultInterest.charge(on: 100, from: day("2023-12-30"), through: day("2024-01-02"), business: false, rates: .embedded)
        }
    }

    @Test func theEmbeddedTableHoldsTheReferenceValues() {
        #expect(BaseRateTable.embedded.entries.map { "\($0.validFrom) \($0.basisPoints)" }
                == ["2024-01-01 362", "2024-07-01 337", "2025-01-01 227", "2025-07-01 127"])
    }
}

/// Which level an overdue invoice reaches, with the standard levels: reminder after 7 days,
/// first dunning after 21, final after 35; each letter gives 7 days to pay.
@Suite struct DunningDecisionTests {
    static let levels = DunningTerms.standard.levels
    static let due = day("2025-06-16")

    @Test(arguments: [
        // (day, last letter's level and day, level issued)
        ("2025-06-22", nil, nil),                           // 6 days late: not yet
        ("2025-06-23", nil, 0),                             // 7 days: the reminder
        ("2025-09-01", nil, 0),                             // 77 days, never reminded: the reminder first
        ("2025-06-23", (0, "2025-06-23"), nil),             // the same day again: nothing
        ("2025-06-30", (0, "2025-06-23"), nil),             // 14 days, deadline 30.06. not passed
        ("2025-07-07", (0, "2025-06-23"), 1),               // 21 days and the deadline passed: first dunning
        ("2025-07-07", (0, "2025-07-01"), nil),             // 21 days, but the reminder's deadline is 08.07.
        ("2025-07-20", (1, "2025-07-07"), nil),             // 34 days: not yet the final
        ("2025-07-21", (1, "2025-07-07"), 2),               // 35 days: the final dunning
        ("2025-12-31", (2, "2025-07-21"), nil),             // after the final, nothing
    ] as [(String, (Int, String)?, Int?)])
    func level(on date: String, last: (Int, String)?, expected: Int?) {
        let issued = last.map { DunningDecision.Issued(level: $0.0, date: day($0.1)) }
        #expect(DunningDecision.level(due: Self.due, on: day(date), last: issued, levels: Self.levels) == expected)
    }
}

@Suite struct AgingTests {
    @Test(arguments: [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (400, 4)])
    func buckets(daysPastDue: Int, bucket: Int) {
        #expect(Aging.bucket(daysPastDue: daysPastDue) == bucket)
    }

    @Test func perCustomerAndInTotalWithDaysSalesOutstanding() {
        func item(_ doc: String, _ customer: String, _ due: String, _ open: Int) -> OpenItem {
            OpenItem(document: doc, customerKey: customer, date: day(due).adding(days: -14), dueDate: day(due), gross: open, open: open)
        }
        let aging = Aging(items: [item("RE-1", "K-1", "2025-06-16", 2490), item("RE-2", "K-2", "2025-09-03", 12450),
                                  item("RE-3", "K-2", "2025-08-03", 9960)],
                          asOf: day("2025-08-29"), sales: ["K-1": 2490, "K-2": 22410], periodDays: 90)
        #expect(aging.customers.map(\.amounts) == [[0, 0, 0, 2490, 0], [12450, 9960, 0, 0, 0]])
        #expect(aging.total.amounts == [12450, 9960, 0, 2490, 0])
        // Total: 24900 open × 90 days / 24900 sales = 90.0 days; K-1: 2490 × 90 / 2490 = 90.0.
        #expect(aging.total.dsoTenths(periodDays: 90) == 900)
        #expect(aging.customers[1].dsoTenths(periodDays: 90) == 900)
    }
}

@Suite struct DunningSettingsTests {
    @Test func levelsPerShopAndBaseRates() throws {
        let settings = try SettingsFile.parse("""
            [kontor.dunning]
            flat_fee = "40.00"
            [kontor.dunning.first]
            fee = "3.00"
            [kontor.base_rates]
            2026-01-01 = "-0.50"
            [shops.teekontor.dunning.reminder]
            days = 10
            grace_days = 14
            """)
        #expect(settings.defaultShop.dunning.levels[1].fee == 300)
        #expect(settings.shop("teekontor").dunning.levels[0].days == 10)
        #expect(settings.shop("teekontor").dunning.levels[0].graceDays == 14)
        #expect(settings.shop("teekontor").dunning.levels[1].fee == 300)
        #expect(settings.baseRates.basisPoints(on: day("2026-03-01")) == -50)
        #expect(settings.baseRates.basisPoints(on: day("2025-12-31")) == 127)
        do {
            _ = try SettingsFile.parse("[kontor.dunning.second]\nfee = \"1.00\"\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "kontor.toml:2: unknown dunning level second; the levels are reminder, first and final")
        }
    }

    @Test func theTemplateParses() throws {
        // Every commented setting and table of the template, taken in as written.
        let uncommented = SettingsFile.template.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let rest = line.dropFirst(2)
            let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            let isSetting = line.hasPrefix("# ") && !key.isEmpty && rest.dropFirst(key.count).hasPrefix(" = ")
            return line.hasPrefix("# [") || isSetting ? String(rest) : String(line)
        }.joined(separator: "\n")
        let settings = try SettingsFile.parse(uncommented)
        #expect(settings.defaultShop.dunning == DunningTerms.standard)
    }
}
