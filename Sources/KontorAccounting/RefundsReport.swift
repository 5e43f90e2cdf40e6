import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `orders/refunds.csv`, among the lists of what needs doing: per customer, what the shop
/// owes them (their credit balance: a second payment, a correction of a paid invoice) and
/// what it paid back so far.
enum RefundsReport {
    /// The report.
    static let report = Report(name: "refunds", title: "Refunds: owed and paid back, per customer") { shop, _, db in
        ReportFile(path: "orders/refunds.csv", bytes: try csv(shop: shop, in: db).bytes)
    }

    /// The refunds of `shop` as CSV.
    static func csv(shop: String, in db: Database) throws -> CSVWriter {
        var w = CSVWriter(header: ["customer", "owed", "paid"])
        for r in try Ledger.refunds(shop: shop, in: db) {
            w.appendRow([.text(r.customerKey), .number(Money.decimalString(r.owed)), .number(Money.decimalString(r.paid))])
        }
        return w
    }
}
