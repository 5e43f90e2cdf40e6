import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorStore

/// `outbox/<shop>/datev/`: the journal as DATEV booking batches, one file per month
/// (`EXTF_Buchungsstapel_2025-03.csv`), and, where customers have debtor accounts of their
/// own, the master data of the debtors in it (`EXTF_Debitoren_2025-03.csv`). After a run the
/// files of the months its entries are dated in are made anew; the same entries always give
/// the same bytes.
enum DATEVReport {
    /// The report, reading each shop's DATEV settings from `settings`.
    static func report(settings: Settings) -> Report {
        Report(name: "datev", title: "DATEV booking batch (EXTF) per month, with the debtors in it", months: ReportMonths(
            touched: { shop, cursor, db in
                let touched = try Ledger.datevMonths(shop: shop, after: cursor, in: db)
                return (touched.months.map { ReportPeriod.month(year: $0.year, month: $0.month) }, touched.last)
            },
            files: { shop, period, db in
                try files(shop: shop, period: period, settings: settings.shop(shop), in: db)
            })).onDemand()
    }

    /// The files of `shop` for `period` (days of one month).
    static func files(shop: String, period: ReportPeriod, settings: ShopSettings, in db: Database) throws -> [ReportFile] {
        let datev = settings.datev
        let entries = try Ledger.datevEntries(shop: shop, from: period.from, to: period.to, in: db)
        let receivables = datev.ledgerAccount(ChartOfAccounts.receivables.number)
        var numbers: [String: Int] = [:]
        switch datev.debtors {
        case .collective: break
        case .perCustomer:
            let first = datev.firstDebtor
            let customers = try Ledger.datevCustomers(shop: shop, in: db)
            guard customers.isEmpty || datev.isPersonalAccount(first + customers.count - 1) else {
                throw DATEVExport.Refusal(description: """
                    \(customers.count) customers do not fit on debtor accounts of \(datev.accountLength + 1) digits from \(first)
                    """)
            }
            for (i, key) in customers.enumerated() { numbers[key] = first + i }
        }
        let debtor: (String?) -> Int = { key in
            switch datev.debtors {
            case .collective:
                datev.collectiveDebtor == ChartOfAccounts.receivables.number ? receivables : datev.collectiveDebtor
            case .perCustomer: key.flatMap { numbers[$0] } ?? receivables
            }
        }
        let missing = datev.unmapped(entries.flatMap(\.lines).map(\.account).filter { !datev.isPersonalAccount($0) })
        guard missing.isEmpty else {
            throw DATEVExport.Refusal(description: """
                no SKR04 account is known for SKR03 \(missing.map(String.init).joined(separator: ", ")); \
                give each in [shops.<name>.datev.skr04] as <SKR03 number> = <SKR04 number>
                """)
        }
        let bookings = entries.flatMap { $0.bookings(debtor: debtor, ledger: datev.ledgerAccount) }
        let madeAt = try Ledger.datevMadeAt(entries: entries.map(\.id), in: db) ?? "\(period.to)T00:00:00Z"
        let whole = period == ReportPeriod.month(year: period.from.year, month: period.from.month)
        let name = whole ? String(period.from.description.prefix(7)) : period.slug
        var files = [ReportFile(path: "datev/EXTF_Buchungsstapel_\(name).csv", bytes: try DATEVExport.bookingBatch(
            bookings, from: period.from, to: period.to, created: DATEVExport.timestamp(madeAt),
            label: "Kontor \(shop) \(name)", settings: datev))]
        if case .perCustomer = datev.debtors {
            var seen = Set<String>()
            let keys = entries.flatMap(\.lines).compactMap { line -> String? in
                guard line.account == ChartOfAccounts.receivables.number, let key = line.customerKey, numbers[key] != nil else { return nil }
                return seen.insert(key).inserted ? key : nil
            }
            let debtors = try keys.sorted { numbers[$0]! < numbers[$1]! }.map { key in
                let address = try CreditBook.address(shop: shop, key: key, in: db)
                return DATEVExport.Debtor(account: numbers[key]!, customerKey: key, name: address?.name ?? key,
                                          email: address?.email ?? (key.contains("@") ? key : ""), street: address?.street ?? "",
                                          zip: address?.zip ?? "", city: address?.city ?? "", country: address?.country ?? "",
                                          vatID: address?.vatID ?? "")
            }
            files.append(ReportFile(path: "datev/EXTF_Debitoren_\(name).csv", bytes: DATEVExport.debtorFile(
                debtors, fiscalYearOf: period.from, created: DATEVExport.timestamp(madeAt), settings: datev)))
        }
        return files
    }
}
