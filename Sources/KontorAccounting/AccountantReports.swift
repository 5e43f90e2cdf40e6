import Foundation
import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// The reports the tax advisor asks for a period, in `outbox/<shop>/accounting/`, as German
/// spreadsheets open them (`;`, decimal comma, UTF-8 with BOM): the trial balance (Summen-
/// und Saldenliste), the figures of the VAT advance return (Umsatzsteuer-Voranmeldung) and a
/// short profit and loss (GuV). Made only when asked for; without `--from`/`--to`, for the
/// last month that has ended.
enum AccountantReports {
    /// Every report.
    static let reports = [trialBalance, vatReturn, profitAndLoss, VATCaseReports.recapitulativeStatement, VATCaseReports.ossReturn]

    /// Per account of the shop: the balance brought forward (entries before the period),
    /// debits and credits in the period, and the balance at its end (debit positive).
    struct AccountTotals {
        var account: Int
        var name: String
        var opening: Int
        var debit: Int
        var credit: Int
        var closing: Int { opening + debit - credit }
        /// What the period moved, as revenue counts: credit less debit.
        var earned: Int { credit - debit }
    }

    static func totals(shop: String, period: ReportPeriod, in db: Database) throws -> [AccountTotals] {
        try Row.fetchAll(db, sql: """
            SELECT l.account, a.name,
                   SUM(CASE WHEN e.date < ?2 THEN l.debit - l.credit ELSE 0 END),
                   SUM(CASE WHEN e.date >= ?2 THEN l.debit ELSE 0 END),
                   SUM(CASE WHEN e.date >= ?2 THEN l.credit ELSE 0 END)
            FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id JOIN accounts a ON a.account = l.account
            WHERE e.shop = ?1 AND e.date <= ?3
            GROUP BY l.account ORDER BY l.account
            """, arguments: [shop, period.from.description, period.to.description]).map {
            AccountTotals(account: $0[0], name: $0[1], opening: $0[2], debit: $0[3], credit: $0[4])
        }
    }

    /// The period asked for, else the last month that has ended.
    static func chosenPeriod(_ asked: ReportPeriod?) -> ReportPeriod {
        if let asked { return asked }
        let lastMonth = CalendarDate.today.adding(days: -CalendarDate.today.day)
        return .month(year: lastMonth.year, month: lastMonth.month)
    }

    /// `1234,56` for the German spreadsheet.
    static func amount(_ minor: Int) -> CSVWriter.Cell { .number(Money.decimalString(minor, separator: ",")) }

    /// The file: a BOM, then the rows.
    static func file(_ name: String, _ period: ReportPeriod, _ writer: inout CSVWriter) -> ReportFile {
        ReportFile(path: "accounting/\(name)_\(period.slug).csv", bytes: Data([0xEF, 0xBB, 0xBF]) + writer.take())
    }

    static let trialBalance = Report(name: "trial-balance", title: "Trial balance (Summen- und Saldenliste) for a period",
                                     takesPeriod: true) { shop, asked, db in
        let period = AccountantReports.chosenPeriod(asked)
        var w = CSVWriter(header: ["Konto", "Bezeichnung", "Saldovortrag", "Soll", "Haben", "Saldo"], delimiter: ";")
        var sums = (opening: 0, debit: 0, credit: 0)
        for t in try AccountantReports.totals(shop: shop, period: period, in: db) {
            w.appendRow([.number(String(t.account)), .text(t.name), AccountantReports.amount(t.opening), AccountantReports.amount(t.debit), AccountantReports.amount(t.credit), AccountantReports.amount(t.closing)])
            sums = (sums.opening + t.opening, sums.debit + t.debit, sums.credit + t.credit)
        }
        w.appendRow([.text(""), .text("Summe"), AccountantReports.amount(sums.opening), AccountantReports.amount(sums.debit), AccountantReports.amount(sums.credit),
                     AccountantReports.amount(sums.opening + sums.debit - sums.credit)])
        return AccountantReports.file("trial-balance", period, &w)
    }.onDemand()

    static let vatReturn = Report(name: "vat-return", title: "Figures of the VAT advance return (Umsatzsteuer-Voranmeldung) for a period",
                                  takesPeriod: true) { shop, asked, db in
        let period = AccountantReports.chosenPeriod(asked)
        let moved = Dictionary(try AccountantReports.totals(shop: shop, period: period, in: db).map { ($0.account, $0.earned) },
                               uniquingKeysWith: +)
        func earned(_ account: LedgerAccount?) -> Int { account.map { moved[$0.number] ?? 0 } ?? 0 }
        var w = CSVWriter(header: ["Kennzahl", "Bezeichnung", "Bemessungsgrundlage", "Bemessungsgrundlage volle EUR", "Steuer"],
                          delimiter: ";")
        var tax = 0
        for (code, rate, text) in [("81", VATRate.standard, "Steuerpflichtige Umsätze zu 19 %"), ("86", VATRate.reduced, "Steuerpflichtige Umsätze zu 7 %")] {
            let base = earned(ChartOfAccounts.revenue(rate)) + earned(ChartOfAccounts.revenueReduction(rate))
            let vat = earned(ChartOfAccounts.vat(rate))
            tax += vat
            w.appendRow([.text(code), .text(text), AccountantReports.amount(base), .number(String(base / 100)), AccountantReports.amount(vat)])
        }
        let free = earned(ChartOfAccounts.revenue(.zero)) + earned(ChartOfAccounts.revenueReduction(.zero))
        w.appendRow([.text(""), .text("Umsätze ohne Umsatzsteuer (8200)"), AccountantReports.amount(free), .number(String(free / 100)), AccountantReports.amount(0)])
        // The other VAT cases: tax-free supplies, OSS sales (declared in the OSS return, not
        // here), a small business's revenue.
        let intraCommunity = earned(ChartOfAccounts.intraCommunitySupplies), exports = earned(ChartOfAccounts.exports)
        w.appendRow([.text("41"), .text("Steuerfreie innergemeinschaftliche Lieferungen an Abnehmer mit USt-IdNr. (8125)"),
                     AccountantReports.amount(intraCommunity), .number(String(intraCommunity / 100)), AccountantReports.amount(0)])
        w.appendRow([.text("43"), .text("Steuerfreie Ausfuhrlieferungen (8120)"),
                     AccountantReports.amount(exports), .number(String(exports / 100)), AccountantReports.amount(0)])
        let small = earned(ChartOfAccounts.smallBusinessRevenue)
        if small != 0 {
            w.appendRow([.text(""), .text("Umsätze als Kleinunternehmer § 19 UStG (8195)"), AccountantReports.amount(small),
                         .number(String(small / 100)), AccountantReports.amount(0)])
        }
        for row in try VATCaseReports.ossTotals(shop: shop, period: period, in: db) {
            w.appendRow([.text(""), .text("OSS \(row.country) \(EUVATRates.text(row.rate)) % (nachrichtlich, 8320/1767)"),
                         AccountantReports.amount(row.net), .number(String(row.net / 100)), AccountantReports.amount(row.vat)])
        }
        w.appendRow([.text("66"), .text("Vorsteuer (von Kontor nicht gebucht)"), AccountantReports.amount(0), .text(""), AccountantReports.amount(0)])
        w.appendRow([.text("83"), .text("Umsatzsteuer-Vorauszahlung"), .text(""), .text(""), AccountantReports.amount(tax)])
        return AccountantReports.file("vat-return", period, &w)
    }.onDemand()

    static let profitAndLoss = Report(name: "profit-and-loss", title: "Short profit and loss (GuV) for a period",
                                      takesPeriod: true) { shop, asked, db in
        let period = AccountantReports.chosenPeriod(asked)
        var w = CSVWriter(header: ["Gruppe", "Konto", "Bezeichnung", "Betrag"], delimiter: ";")
        var result = 0
        // SKR03: revenue in class 8, expenses in class 4, other income and expense in 2.
        for (group, accounts) in [("Umsatzerlöse", 8000...8999), ("Sonstige Erträge und Aufwendungen", 2000...2999),
                                  ("Betriebliche Aufwendungen", 4000...4999)] {
            var subtotal = 0
            for t in try AccountantReports.totals(shop: shop, period: period, in: db) where accounts.contains(t.account) && t.earned != 0 {
                w.appendRow([.text(group), .number(String(t.account)), .text(t.name), AccountantReports.amount(t.earned)])
                subtotal += t.earned
            }
            w.appendRow([.text(group), .text(""), .text("Summe \(group)"), AccountantReports.amount(subtotal)])
            result += subtotal
        }
        w.appendRow([.text("Ergebnis"), .text(""), .text(result >= 0 ? "Gewinn" : "Verlust"), AccountantReports.amount(result)])
        return AccountantReports.file("profit-and-loss", period, &w)
    }.onDemand()
}
