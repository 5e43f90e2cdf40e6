import KontorCore
import KontorCredit
import KontorPipeline
import Testing

/// The liquidity forecast on a small worked case, computed by hand week by week.
@Suite struct LiquidityForecastTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    /// From Monday 2 March 2026 with 5,000.00 in the bank and a threshold of 3,000.00.
    ///
    /// In: RE-1 (1,190.00, due 20.02., overdue) in week 1; RE-2 (2,000.00 due 05.03., the
    /// customer 10 days late and counted at 870 ‰) on 15.03., week 2: 1,740.00; RE-3 (333.33
    /// due 20.03. at 750 ‰: 249.9975) in week 3: 250.00; RE-4, due in July, after week 13.
    ///
    /// Out: the supplier invoice for goods of 10.02. (1,000.00 net + 19 %) on 12.03., week 2:
    /// 1,190.00; goods of 15.01. due 14.02., before the start, taken as paid; goods of 03.03.
    /// (123.45 net + 7 % = 8.6415 → 8.64) on 02.04., week 5: 132.09; rent 1,500.00 on the 1st
    /// (01.04. week 5, 01.05. week 9); insurance 50.00 on the 31st (31.03. week 5, 30.04.
    /// week 9, 31.05. week 13); the tax advisor 600.00 on the 10th of each quarter (10.04.,
    /// week 6); wages 100.00 each Friday (one a week).
    @Test func aWorkedCase() {
        let forecast = LiquidityForecast.make(
            start: day("2026-03-02"), opening: 500_000, threshold: 300_000,
            receivables: [
                .init(document: "RE-1", customerKey: "K-1", open: 119_000, dueDate: day("2026-02-20"), daysLate: 0, weightPerMille: 1000),
                .init(document: "RE-2", customerKey: "K-2", open: 200_000, dueDate: day("2026-03-05"), daysLate: 10, weightPerMille: 870),
                .init(document: "RE-3", customerKey: "K-3", open: 33_333, dueDate: day("2026-03-20"), daysLate: 0, weightPerMille: 750),
                .init(document: "RE-4", customerKey: "K-1", open: 50_000, dueDate: day("2026-07-01"), daysLate: 0, weightPerMille: 1000),
            ],
            payables: [
                .supplierInvoice(text: "goods of 10.02.", received: day("2026-02-10"), net: 100_000, vatPercent: 19, paymentDays: 30),
                .supplierInvoice(text: "goods of 15.01.", received: day("2026-01-15"), net: 50_000, vatPercent: 19, paymentDays: 30),
                .supplierInvoice(text: "goods of 03.03.", received: day("2026-03-03"), net: 12_345, vatPercent: 7, paymentDays: 30),
            ],
            costs: [
                RecurringCost(name: "rent", amount: 150_000, every: .month, day: 1),
                RecurringCost(name: "insurance", amount: 5_000, every: .month, day: 31),
                RecurringCost(name: "tax advisor", amount: 60_000, every: .quarter, day: 10),
                RecurringCost(name: "wages", amount: 10_000, every: .week, day: 5),
            ])
        #expect(forecast.weeks.count == 13)
        #expect(forecast.weeks.map(\.receipts) == [119_000, 174_000, 25_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(forecast.weeks.map(\.payments)
                == [10_000, 129_000, 10_000, 10_000, 178_209, 70_000, 10_000, 10_000, 165_000, 10_000, 10_000, 10_000, 15_000])
        // 5,000.00 + 1,190.00 − 100.00 = 6,090.00; + 1,740.00 − 1,290.00 = 6,540.00; … ;
        // week 5: 6,590.00 − (1,500.00 + 50.00 + 132.09 + 100.00) = 4,807.91; week 9 falls to 2,257.91.
        #expect(forecast.weeks.map(\.closing)
                == [609_000, 654_000, 669_000, 659_000, 480_791, 410_791, 400_791, 390_791, 225_791, 215_791, 205_791, 195_791, 180_791])
        #expect(forecast.weeks.map(\.opening).first == 500_000)
        #expect(zip(forecast.weeks.dropFirst(), forecast.weeks).allSatisfy { $0.opening == $1.closing })
        #expect(forecast.weeks[8].from == day("2026-04-27") && forecast.weeks[8].to == day("2026-05-03"))
        #expect(forecast.weeks[12].to == day("2026-05-31"))
        #expect(forecast.weeksBelowThreshold.map(\.number) == [9, 10, 11, 12, 13])
        // Week 5 is made of these, by day.
        #expect(forecast.flows.filter { $0.week == 5 }.map { "\($0.date) \($0.text) \($0.amount)" } == [
            "2026-03-31 insurance -5000", "2026-04-01 rent -150000", "2026-04-02 goods of 03.03. -13209", "2026-04-03 wages -10000",
        ])
        #expect(forecast.flows.first { $0.text.hasPrefix("RE-1") }?.date == day("2026-03-02"), "an overdue item counts on the first day")
    }

    @Test func aCustomersBehaviourShiftsAndWeighsTheirItems() {
        // 0, 10 and 20 days late, one letter: 12 + 13 + 5 = 30 points of how they paid → 700 ‰;
        // exposure and a young relationship do not count.
        let late = PaymentBehaviour(daysLate: [0, 10, 20], dunningLetters: 1, exposure: 90_000, limit: 50_000,
                                    relationshipDays: 30, invoicedLastYear: 0)
        #expect(late.averageDaysLate == 10)
        #expect(late.collectionPerMille == 700)
        let new = PaymentBehaviour(daysLate: [], dunningLetters: 0, exposure: 0, limit: 0, relationshipDays: nil, invoicedLastYear: 0)
        #expect(new.averageDaysLate == 0 && new.collectionPerMille == 1000)
        let worst = PaymentBehaviour(daysLate: [90, 121], dunningLetters: 6, exposure: 0, limit: 0, relationshipDays: 400, invoicedLastYear: 0)
        #expect(worst.averageDaysLate == 106 && worst.collectionPerMille == 250)
    }

    @Test func recurringCostsFallOnTheirDays() {
        let weekly = RecurringCost(name: "w", amount: 1, every: .week, day: 1)
        #expect(weekly.isPaid(on: day("2026-03-02")) && !weekly.isPaid(on: day("2026-03-03")))
        let monthly = RecurringCost(name: "m", amount: 1, every: .month, day: 30)
        #expect(monthly.isPaid(on: day("2026-02-28")) && monthly.isPaid(on: day("2026-03-30")) && !monthly.isPaid(on: day("2026-03-31")))
        let quarterly = RecurringCost(name: "q", amount: 1, every: .quarter, day: 15)
        #expect(quarterly.isPaid(on: day("2026-07-15")) && !quarterly.isPaid(on: day("2026-08-15")))
    }
}

/// `[shops.<name>.liquidity]` and its recurring costs in kontor.toml.
@Suite struct LiquiditySettingsTests {
    @Test func aShopSetsItsForecast() throws {
        let settings = try SettingsFile.parse("""
            [shops.teekontor.liquidity]
            opening_balance = "-1200.50"
            opening_date = "2026-01-01"
            threshold = "5000.00"
            supplier_payment_days = 14
            [shops.teekontor.liquidity.costs.rent]
            amount = "1500.00"
            every = "month"
            day = 1
            [shops.teekontor.liquidity.costs.wages]
            every = "week"
            day = 5
            amount = "800.00"
            """)
        let liquidity = settings.shop("teekontor").liquidity
        #expect(liquidity.openingBalance == -120_050)
        #expect(liquidity.openingDate == CalendarDate(year: 2026, month: 1, day: 1))
        #expect(liquidity.threshold == 500_000 && liquidity.supplierPaymentDays == 14)
        #expect(liquidity.costs == [RecurringCost(name: "rent", amount: 150_000, every: .month, day: 1),
                                    RecurringCost(name: "wages", amount: 80_000, every: .week, day: 5)])
        #expect(settings.shop("other").liquidity == LiquiditySettings())
    }

    @Test(arguments: [
        ("[shops.s.liquidity]\nthreshold = \"viel\"", "kontor.toml:2: threshold must be an amount such as \"5000.00\" (or \"-2000.00\" for an overdraft)"),
        ("[shops.s.liquidity]\nopening_date = \"01.01.2026\"", "kontor.toml:2: opening_date must be a day such as \"2026-01-01\""),
        ("[shops.s.liquidity]\nsupplier_days = 30",
         "kontor.toml:2: unknown liquidity setting supplier_days; use opening_balance, opening_date, threshold or supplier_payment_days, and a [shops.<name>.liquidity.costs.<cost>] table for each recurring cost"),
        ("[shops.s.liquidity.costs.rent]\nevery = \"year\"", "kontor.toml:2: every must be \"week\", \"month\" or \"quarter\""),
        ("[shops.s.liquidity.costs.rent]\nevery = \"week\"\nday = 8", "kontor.toml:3: a weekly cost's day is a day of the week from 1 (Monday) to 7 (Sunday)"),
        ("[shops.s.liquidity.costs.rent]\nday = 32", "kontor.toml:2: day must be a day of the month from 1 to 31, or of the week from 1 (Monday) to 7 (Sunday)"),
    ])
    func aWrongValueNamesItsLine(text: String, message: String) {
        do {
            _ = try SettingsFile.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
