import GRDB
import KontorCore

/// An invoice or invoice correction as posted, with its tax per rate as the journal holds
/// it: what its document prints.
public struct IssuedDocument: Sendable, Equatable {
    /// Net and tax of one VAT rate, in minor units; negative on a correction.
    public struct RateAmount: Sendable, Equatable {
        public var rate: Int
        public var net: Int
        public var vat: Int
    }

    /// The journal entry that posted it: documents are written in this order.
    public var entry: Int64
    public var number: String
    /// `invoice` or `credit_note` (a Rechnungskorrektur).
    public var kind: String
    public var orderNumber: String
    public var customerKey: String
    public var date: String
    public var dueDate: String
    /// Totals, negative on a correction.
    public var net: Int
    public var vat: Int
    public var gross: Int
    /// The invoice a correction corrects.
    public var refersTo: String?
    public var rates: [RateAmount]
}

extension Ledger {
    /// The invoices and corrections of `shop` posted after journal entry `entry`, in the
    /// order they were posted, at most `limit`: found through the entries after it (the
    /// entries by number, never all of the shop's invoices or entries first), so the cost
    /// follows what was posted since, not the books.
    public func documents(shop: String, after entry: Int64, limit: Int) throws -> [IssuedDocument] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.id AS entry, i.number, i.kind, i.order_number, i.customer_key, i.date, i.due_date, i.net, i.vat, i.gross,
                   i.refers_to
            FROM journal_entries e NOT INDEXED CROSS JOIN invoices i ON i.shop = e.shop AND i.number = e.document AND i.entry_id = e.id
            WHERE e.id > ? AND e.shop = ? ORDER BY e.id LIMIT ?
            """), arguments: [entry, shop, limit])
        return try rows.map { row in
            return IssuedDocument(entry: row["entry"], number: row["number"], kind: row["kind"], orderNumber: row["order_number"],
                                  customerKey: row["customer_key"], date: row["date"], dueDate: row["due_date"],
                                  net: row["net"], vat: row["vat"], gross: row["gross"], refersTo: row["refers_to"],
                                  rates: try rateAmounts(entry: row["entry"]))
        }
    }

    /// The invoice or correction `number` of `shop`, if there is one.
    public func document(shop: String, number: String) throws -> IssuedDocument? {
        guard let entry = try Int64.fetchOne(db.cachedStatement(sql: "SELECT entry_id FROM invoices WHERE shop = ? AND number = ?"),
                                             arguments: [shop, number]) else { return nil }
        return try documents(shop: shop, after: entry - 1, limit: 1).first { $0.number == number }
    }

    /// The newest journal entry, or 0.
    public func lastEntry() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM journal_entries") ?? 0
    }

    /// Net (revenue less its reductions) and tax per rate of one entry, signed as revenue:
    /// positive for an invoice, negative for a correction.
    private func rateAmounts(entry: Int64) throws -> [IssuedDocument.RateAmount] {
        var byRate: [Int: IssuedDocument.RateAmount] = [:]
        let lines = try Row.fetchAll(db.cachedStatement(sql: "SELECT account, debit, credit FROM journal_lines WHERE entry_id = ?"),
                                     arguments: [entry])
        for line in lines {
            let account: Int = line["account"]
            let amount = (line["credit"] as Int) - (line["debit"] as Int)
            // Revenue without German VAT (tax-free, small business) is at 0 %; an OSS sale's
            // at the destination's rate is listed with its case (`invoice_oss_lines`).
            if [ChartOfAccounts.intraCommunitySupplies, ChartOfAccounts.exports, ChartOfAccounts.smallBusinessRevenue].map(\.number).contains(account) {
                byRate[0, default: .init(rate: 0, net: 0, vat: 0)].net += amount
                continue
            }
            for rate in VATRate.all {
                if account == ChartOfAccounts.revenue(rate).number || account == ChartOfAccounts.revenueReduction(rate).number {
                    byRate[rate.percent, default: .init(rate: rate.percent, net: 0, vat: 0)].net += amount
                } else if account == ChartOfAccounts.vat(rate)?.number {
                    byRate[rate.percent, default: .init(rate: rate.percent, net: 0, vat: 0)].vat += amount
                }
            }
        }
        return byRate.values.sorted { $0.rate < $1.rate }
    }
}
