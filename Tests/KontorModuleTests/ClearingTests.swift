import GRDB
import KontorAccounting
import KontorCore
import KontorPipeline
import KontorStore
import Testing

@Suite struct ClearingSettingsTests {
    @Test func clearingAccountsPerShopAndMethod() throws {
        let settings = try SettingsFile.parse("""
            [kontor.clearing_accounts]
            paypal = 1361

            [shops.teekontor]
            refund_shipping_on_full_return = false
            [shops.teekontor.clearing_accounts]
            default = 1370
            card = 1362
            """)
        #expect(settings.defaultShop.clearingAccounts.account(method: "PayPal").number == 1361)
        #expect(settings.defaultShop.clearingAccounts.account(method: "prepaid").number == 1360)
        #expect(settings.defaultShop.refundShippingOnFullReturn)
        let shop = settings.shop("teekontor")
        #expect(shop.clearingAccounts.account(method: "paypal").number == 1361)
        #expect(shop.clearingAccounts.account(method: "card").number == 1362)
        #expect(shop.clearingAccounts.account(method: "prepaid").number == 1370)
        #expect(shop.clearingAccounts.numbers == [1361, 1362, 1370])
        #expect(!shop.refundShippingOnFullReturn)
        #expect(shop.clearingAccounts.isProvider("card") && !shop.clearingAccounts.isProvider("transfer")
                && !shop.clearingAccounts.isProvider(nil))
        do {
            _ = try SettingsFile.parse("[shops.teekontor.clearing_accounts]\npaypal = 1400\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("kontor.toml:2: paypal must be an account number of class 1 (1000–1999) other than 1200, 1400"))
        }
    }

}

/// The ledger's part of "the same money is booked once", with no pipeline around it.
@Suite struct LedgerClearingTests {
    private let date = CalendarDate(year: 2025, month: 3, day: 3)!

    private func invoice(_ ledger: Ledger, batch: Int64) throws -> PostedInvoice {
        try ledger.postInvoice(shop: "shop", orderNumber: "1", customerKey: "K", date: date, dueDays: 0,
                               goods: [TaxableAmount(gross: 4270, rate: .standard)], shipping: 490, batch: batch)
    }

    private func balance(_ account: Int, in db: Database) throws -> Int {
        try Ledger.trialBalance(shop: "shop", in: db).first { $0.account == account }?.balance ?? 0
    }

    @Test func moneyInTransitIsKeptPerDocumentAndClearedByTheBank() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let ledger = Ledger(db)
            let invoice = try invoice(ledger, batch: batch)
            try ledger.postPayment(shop: "shop", document: invoice.number, customerKey: "K", amount: 4760, date: date,
                                   account: ChartOfAccounts.cashInTransit, text: "t", batch: batch)
            let waiting = try ledger.inTransit(shop: "shop", document: invoice.number, on: [1360, 1361])
            #expect(waiting.map(\.account) == [1360] && waiting.map(\.amount) == [4760])
            try ledger.postClearing(shop: "shop", document: invoice.number, amount: 4760, from: 1360, date: date, text: "t", batch: batch)
            #expect(try ledger.inTransit(shop: "shop", document: invoice.number, on: [1360]).isEmpty)
            #expect(try balance(1360, in: db) == 0)
            #expect(try balance(1200, in: db) == 4760)
            #expect(try ledger.openAmount(shop: "shop", document: invoice.number) == 0)
        }
    }

    @Test func aPayoutBooksItsFeesAndKeepsItsNetUnderItsId() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let ledger = Ledger(db)
            let invoice = try invoice(ledger, batch: batch)
            try ledger.postPayment(shop: "shop", document: invoice.number, customerKey: "K", amount: 4760, date: date,
                                   account: ChartOfAccounts.cashInTransit, text: "t", batch: batch)
            #expect(try !ledger.payoutBooked(shop: "shop", id: "PP-1"))
            try ledger.postPayout(shop: "shop", id: "PP-1", date: date, clearing: ChartOfAccounts.cashInTransit, fees: 141, net: 4619,
                                  orders: [.credit(ChartOfAccounts.cashInTransit, 4760, document: invoice.number)], batch: batch)
            #expect(try ledger.payoutBooked(shop: "shop", id: "PP-1"))
            #expect(try balance(4970, in: db) == 141)
            #expect(try balance(1360, in: db) == 4619)
            #expect(try ledger.inTransit(shop: "shop", document: "PP-1", on: [1360]).first?.amount == 4619)
            #expect(try ledger.inTransit(shop: "shop", document: invoice.number, on: [1360]).isEmpty)
        }
    }

    @Test func refundsOwedAndPaidPerCustomerAndTheirReversal() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let ledger = Ledger(db)
            let invoice = try invoice(ledger, batch: batch)
            for _ in 1...2 {
                try ledger.postPayment(shop: "shop", document: invoice.number, customerKey: "K", amount: 4760, date: date,
                                       account: ChartOfAccounts.bank, text: "t", batch: batch)
            }
            #expect(try ledger.refundOwed(shop: "shop", customerKey: "K") == 4760)
            try ledger.postPayment(shop: "shop", document: invoice.number, customerKey: "K", amount: -2000, date: date,
                                   account: ChartOfAccounts.bank, text: "t", batch: batch)
            try ledger.recordRefund(shop: "shop", customerKey: "K", document: invoice.number, amount: 2000, date: date,
                                    channel: "bank", batch: batch)
            #expect(try Ledger.refunds(shop: "shop", in: db) == [CustomerRefunds(customerKey: "K", owed: 2760, paid: 2000)])
            let reversal = try BatchJournal.open(shop: "shop", file: "f.csv", workName: "w2", sha256: String(repeating: "b", count: 64),
                                                 size: 1, receivedAt: "2025-03-02T00:00:00Z", settledAt: nil, actor: "test", in: db)
            try AccountingModule().reverse(batch: batch, by: reversal, on: date, in: db)
            #expect(try Ledger.refunds(shop: "shop", in: db).isEmpty)
        }
    }
}
