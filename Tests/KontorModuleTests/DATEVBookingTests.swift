import KontorAccounting
import KontorCore
import KontorPipeline
import Testing

/// How journal entries become DATEV rows, and the settings the export reads.
@Suite struct DATEVBookingTests {
    static let day = CalendarDate(year: 2025, month: 3, day: 4)!

    static func rows(_ lines: [DATEVEntry.Line], debtors: [String: Int] = [:]) -> [DATEVBooking] {
        DATEVEntry(id: 1, date: day, document: "RE2025-00010", text: "Rechnung", lines: lines)
            .bookings(debtor: { key in key.flatMap { debtors[$0] } ?? 1400 }, ledger: { $0 })
    }

    @Test func anInvoiceIsItsGrossPerRateAgainstTheAutomaticAccountsWithoutVATRows() {
        // 55.00: 22.42 + 4.26 at 19 %, 26.47 + 1.85 at 7 %.
        let rows = Self.rows([
            .init(account: 1400, debit: 5500, credit: 0, customerKey: "K-1002"),
            .init(account: 8400, debit: 0, credit: 2242), .init(account: 1776, debit: 0, credit: 426),
            .init(account: 8300, debit: 0, credit: 2647), .init(account: 1771, debit: 0, credit: 185),
        ], debtors: ["K-1002": 10001])
        #expect(rows.map { "\($0.amount) \($0.side.rawValue) \($0.account) \($0.contraAccount)" } == [
            "2668 S 10001 8400", "2832 S 10001 8300",
        ])
        #expect(rows.allSatisfy { $0.serviceDate == Self.day })
    }

    @Test func aDiscountOnTheReductionAccountCarriesItsOwnGrossAndTheRevenueTheRest() {
        // Goods 100.00 net at 19 %, 10.00 net off as a discount: VAT 17.10, receivable 107.10.
        let rows = Self.rows([
            .init(account: 1400, debit: 10710, credit: 0),
            .init(account: 8400, debit: 0, credit: 10000),
            .init(account: 8720, debit: 1000, credit: 0),
            .init(account: 1776, debit: 0, credit: 1710),
        ])
        // 8720: 10.00 + 1.90 DATEV derives; 8400 takes the rest of the VAT: 100.00 + 19.00.
        #expect(rows.map { "\($0.amount) \($0.side.rawValue) \($0.account) \($0.contraAccount)" } == [
            "10710 S 1400 8400", "1190 S 8720 8400",
        ])
        let onRevenue = rows.reduce(0) { $0 + ($1.contraAccount == 8400 ? $1.amount : 0) }
        #expect(onRevenue - 1190 == 10000 + 1710 - 1000)
    }

    @Test func aCreditNoteCreditsTheDebtorAndAPaymentDebitsTheMoney() {
        let note = Self.rows([
            .init(account: 1400, debit: 0, credit: 450, customerKey: "K-1001"),
            .init(account: 8400, debit: 378, credit: 0), .init(account: 1776, debit: 72, credit: 0),
        ])
        #expect(note.map { "\($0.amount) \($0.side.rawValue) \($0.account) \($0.contraAccount)" } == ["450 H 1400 8400"])
        let payment = Self.rows([.init(account: 1360, debit: 3455, credit: 0), .init(account: 1400, debit: 0, credit: 3455)])
        #expect(payment.map { "\($0.amount) \($0.side.rawValue) \($0.account) \($0.contraAccount)" } == ["3455 S 1360 1400"])
        #expect(payment.allSatisfy { $0.serviceDate == nil })
    }

    @Test func aPayoutIsPairedLineByLine() {
        // 100.00 of two orders in transit: 97.10 paid out, 2.90 fees.
        let rows = Self.rows([
            .init(account: 1361, debit: 9710, credit: 0), .init(account: 4970, debit: 290, credit: 0),
            .init(account: 1360, debit: 0, credit: 6000), .init(account: 1360, debit: 0, credit: 4000),
        ])
        #expect(rows.map { "\($0.amount) \($0.side.rawValue) \($0.account) \($0.contraAccount)" } == [
            "9710 S 1361 1360", "290 H 1360 4970",
        ])
    }

    @Test func amountsDocumentsAndPeriodsAsDATEVTakesThem() throws {
        #expect(DATEVExport.amount(123456) == "1234,56")
        #expect(DATEVExport.amount(5) == "0,05")
        #expect(DATEVExport.documentField("RE 2025_00001.a") == "RE-2025-00001-a")
        #expect(DATEVExport.documentField(String(repeating: "A", count: 40)).count == 36)
        #expect(DATEVExport.timestamp("2025-03-11T09:30:00Z") == "20250311093000000")
        let july = CalendarDate(year: 2025, month: 7, day: 1)!
        #expect(DATEVExport.fiscalYearStart(of: CalendarDate(year: 2025, month: 3, day: 9)!, startMonth: 7)
                == CalendarDate(year: 2024, month: 7, day: 1)!)
        var settings = DATEVSettings()
        settings.fiscalYearStartMonth = 7
        #expect(throws: DATEVExport.Refusal.self) {
            try DATEVExport.check(CalendarDate(year: 2025, month: 6, day: 30)!, july, settings: settings)
        }
    }

    @Test func theSellerAndTheDATEVSettingsOfAShop() throws {
        let settings = try SettingsFile.parse("""
            [kontor.datev]
            consultant_number = 29098
            [shops.teekontor.seller]
            legal_name = "Teekontor Lüneburg GmbH"
            street = "Am Sande 1"
            zip = "21335"
            city = "Lüneburg"
            tax_number = "33/123/45678"
            vat_id = "DE 123456789"
            iban = "DE02 1203 0000 0000 2020 51"
            bic = "BYLADEM1001"
            [shops.teekontor.datev]
            client_number = 4711
            fiscal_year_start_month = 7
            account_length = 5
            debtors = "per_customer"
            """)
        let shop = settings.shop("teekontor")
        #expect(shop.seller.legalName == "Teekontor Lüneburg GmbH")
        #expect(shop.seller.vatID == "DE123456789")
        #expect(shop.seller.iban == "DE02120300000000202051")
        #expect(shop.datev.consultant == 29098)
        #expect(shop.datev.client == 4711)
        #expect(shop.datev.fiscalYearStartMonth == 7)
        #expect(shop.datev.debtors == .perCustomer && shop.datev.firstDebtor == 100000)
        #expect(shop.datev.ledgerAccount(8400) == 84000)
        #expect(settings.shop("other").datev.debtors == .collective && settings.shop("other").datev.collectiveDebtor == 1400)
        #expect(settings.shop("other").datev.consultant == 29098)
        let collective = try SettingsFile.parse("[kontor.datev]\ncollective_debtor = 10000\nfirst_debtor = 20000\n")
        #expect(collective.defaultShop.datev.debtors == .collective && collective.defaultShop.datev.collectiveDebtor == 10000)
        #expect(collective.defaultShop.datev.firstDebtor == 20000)
    }

    @Test(arguments: [
        ("[kontor.datev]\nconsultant_number = 12", "kontor.toml:2: consultant_number must be the advisor's number (Beraternummer) from 1001 to 9999999"),
        ("[kontor.datev]\ndebtors = \"each\"", "kontor.toml:2: debtors must be \"collective\" or \"per_customer\""),
        ("[kontor.datev]\nfirst_debtor = 1000", "kontor.toml:2: first_debtor must be a debtor account of 5 digits, such as 10000"),
        ("[kontor.datev]\nchart = \"SKR05\"", "kontor.toml:2: chart must be \"SKR03\" or \"SKR04\""),
        ("[kontor.datev.skr04]\n1361 = \"1461\"", "kontor.toml:2: an SKR04 account is given as <SKR03 number> = <SKR04 number>, four digits each, such as 1361 = 1461"),
        ("[shops.a.seller]\niban = \"DE02\"", "kontor.toml:2: iban must be 15 to 34 letters and digits, such as \"DE02120300000000202051\""),
        ("[shops.a.seller]\nowner = \"x\"", "kontor.toml:2: unknown seller setting owner; use legal_name, street, zip, city, country, tax_number, vat_id, iban or bic"),
    ])
    func wrongSettingsAreNamedWithTheirLine(_ text: String, _ message: String) {
        #expect { try SettingsFile.parse(text) } throws: { "\($0)" == message }
    }
}
