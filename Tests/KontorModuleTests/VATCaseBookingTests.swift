import GRDB
import KontorAccounting
import KontorCore
import KontorStore
import Testing

/// Invoices under a VAT case other than domestic, and the corrections that follow their case.
@Suite struct VATCaseBookingTests {
    let date = CalendarDate(year: 2026, month: 11, day: 10)!
    let austria = VATCase.oss(country: "AT", rates: CountryVATRates(standard: 2000, reduced: 1000))

    /// An OSS invoice of 119.00 at 19 % in Germany: 20 % Austrian VAT out of the gross; its
    /// cancellation mirrors it, records its case with the figures negated and takes its
    /// distance sale off the running figure.
    @Test func aCancellationFollowsTheCaseOfTheInvoice() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let ledger = Ledger(db)
            let invoice = try ledger.postInvoice(shop: "shop", orderNumber: "V4", customerKey: "K", date: date, dueDays: 0,
                                                 goods: [TaxableAmount(gross: 11_900, rate: .standard)], shipping: 0,
                                                 vatCase: austria, distanceSale: true, batch: batch)
            #expect(invoice.gross == 11_900 && invoice.vat == 1_983)
            #expect(try ledger.distanceSales(shop: "shop", year: 2026) == 9_917)
            #expect(try ledger.vatCase(shop: "shop", invoice: invoice.number) == (austria, true))
            let correction = try #require(try ledger.postCancellation(shop: "shop", invoice: invoice.number, date: date, batch: batch))
            #expect(try ledger.vatCase(shop: "shop", invoice: correction.number) == (austria, true))
            #expect(try ledger.ossLines(shop: "shop", number: correction.number).map { [$0.rate, $0.net, $0.vat] } == [[2000, -9_917, -1_983]])
            #expect(try ledger.distanceSales(shop: "shop", year: 2026) == 0)
            let rows = try String.fetchAll(db, sql: "SELECT account || ':' || debit || ':' || credit FROM journal_lines ORDER BY id")
            #expect(rows == ["1400:11900:0", "8320:0:9917", "1767:0:1983", "1400:0:11900", "8320:9917:0", "1767:1983:0"])
        }
    }

    /// A return credited on an export invoice of gross prices is credited at the net, on 8120.
    @Test func aCreditNoteOfAnExportIsAtTheNet() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            let ledger = Ledger(db)
            let invoice = try ledger.postInvoice(shop: "shop", orderNumber: "V2", customerKey: "K", date: date, dueDays: 0,
                                                 goods: [TaxableAmount(gross: 11_900, rate: .standard), TaxableAmount(gross: 1_070, rate: .reduced)],
                                                 shipping: 0, vatCase: .export, batch: batch)
            #expect(invoice.gross == 11_000 && invoice.vat == 0)
            let note = try ledger.postCreditNote(shop: "shop", invoice: invoice.number, orderNumber: "V2", customerKey: "K", date: date,
                                                 goods: [TaxableAmount(gross: 1_070, rate: .reduced)], batch: batch)
            #expect(note.gross == 1_000 && note.vat == 0)
            let rows = try String.fetchAll(db, sql: "SELECT account || ':' || debit || ':' || credit FROM journal_lines WHERE document = '\(note.number)' ORDER BY id")
            #expect(rows == ["1400:0:1000", "8120:1000:0"])
        }
    }
}
