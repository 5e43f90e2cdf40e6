import Foundation
import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// The reports of the VAT cases for a period, in `outbox/<shop>/accounting/`, as the other
/// reports for the tax advisor: the recapitulative statement (Zusammenfassende Meldung) and
/// the One-Stop-Shop return. Made only when asked for.
enum VATCaseReports {
    /// Per buyer's VAT ID, the tax-free intra-community supplies of the period: what the
    /// entries of the period moved on 8125 under the documents of that buyer's invoices and
    /// corrections (a reversal in the period counts in it).
    static func intraCommunitySupplies(shop: String, period: ReportPeriod, in db: Database) throws -> [(vatID: String, net: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT c.vat_id, SUM(l.credit - l.debit)
            FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
            JOIN invoice_vat_cases c ON c.shop = l.shop AND c.number = l.document
            WHERE e.shop = ?1 AND e.date >= ?2 AND e.date <= ?3 AND l.account = \(ChartOfAccounts.intraCommunitySupplies.number)
            GROUP BY c.vat_id ORDER BY c.vat_id
            """, arguments: [shop, period.from.description, period.to.description]).map { ($0[0], $0[1]) }
    }

    /// Per country and rate (hundredths of a percent), net and VAT of the OSS sales of the
    /// period: the invoices and corrections dated in it that were not reversed.
    static func ossTotals(shop: String, period: ReportPeriod, in db: Database) throws -> [(country: String, rate: Int, net: Int, vat: Int)] {
        try Row.fetchAll(db, sql: """
            SELECT o.country, o.rate, SUM(o.net), SUM(o.vat)
            FROM invoice_oss_lines o JOIN invoices i ON i.shop = o.shop AND i.number = o.number
            WHERE o.shop = ?1 AND i.date >= ?2 AND i.date <= ?3
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = i.entry_id)
            GROUP BY o.country, o.rate ORDER BY o.country, o.rate DESC
            """, arguments: [shop, period.from.description, period.to.description]).map { ($0[0], $0[1], $0[2], $0[3]) }
    }

    static let recapitulativeStatement = Report(
        name: "recapitulative-statement", title: "Recapitulative statement (Zusammenfassende Meldung) for a period",
        takesPeriod: true) { shop, asked, db in
        let period = AccountantReports.chosenPeriod(asked)
        var w = CSVWriter(header: ["Zeitraum", "Länderkennzeichen", "USt-IdNr.", "Summe der Bemessungsgrundlagen", "Art der Leistung"],
                          delimiter: ";")
        for row in try intraCommunitySupplies(shop: shop, period: period, in: db) where row.net != 0 {
            w.appendRow([.text("\(period.from) bis \(period.to)"), .text(String(row.vatID.prefix(2))), .text(String(row.vatID.dropFirst(2))),
                         AccountantReports.amount(row.net), .text("L")])
        }
        return AccountantReports.file("recapitulative-statement", period, &w)
    }.onDemand()

    static let ossReturn = Report(name: "oss-return", title: "One-Stop-Shop return (distance sales per country and rate) for a period",
                                  takesPeriod: true) { shop, asked, db in
        let period = AccountantReports.chosenPeriod(asked)
        var w = CSVWriter(header: ["Land", "Steuersatz", "Bemessungsgrundlage", "Steuer"], delimiter: ";")
        var sums = (net: 0, vat: 0)
        for row in try ossTotals(shop: shop, period: period, in: db) {
            w.appendRow([.text(row.country), .number(EUVATRates.text(row.rate).replacingOccurrences(of: ".", with: ",")),
                         AccountantReports.amount(row.net), AccountantReports.amount(row.vat)])
            sums = (sums.net + row.net, sums.vat + row.vat)
        }
        w.appendRow([.text("Summe"), .text(""), AccountantReports.amount(sums.net), AccountantReports.amount(sums.vat)])
        return AccountantReports.file("oss-return", period, &w)
    }.onDemand()
}
