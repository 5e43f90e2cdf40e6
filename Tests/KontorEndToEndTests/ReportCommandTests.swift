import Foundation
import KontorTestSupport
import Testing

@Suite struct ReportCommandTests {
    @Test func theReportsOfTheModulesAreListed() throws {
        let root = try stockedRoot()
        let list = try KontorBinary.run(["report"], root: root.path)
        #expect(list.status == 0)
        #expect(list.stdout.contains("stock") && list.stdout.contains("journal"))
        let json = try jsonArray(KontorBinary.run(["report", "--json"], root: root.path))
        #expect(json.map { $0["name"] as? String }
                    == ["stock", "inventory-valuation", "reorder", "slow-movers", "stock-movements", "price-history", "shortfalls", "journal", "refunds", "aging", "trial-balance", "vat-return", "profit-and-loss", "recapitulative-statement", "oss-return", "orders-held", "orders-awaiting-payment", "orders-awaiting-stock",
                        "payments-unmatched", "shipments-held", "parcels-returned", "credit-holds", "datev", "shipping", "invoices", "risk",
                        "liquidity", "currencies", "gobd"])
    }

    @Test func aReportWrittenOnDemandIsTheOneTheRunWrote() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", ordersCSV(prefix: "A", count: 2), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let stock = root.read("outbox/shop/stock.csv"), journal = root.read("outbox/shop/journal.csv")
        #expect(journal?.contains("RE2025-00002") == true)
        try FileManager.default.removeItem(atPath: root.path + "/outbox/shop/journal.csv")
        let result = try KontorBinary.run(["report", "journal", "--shop", "shop"], root: root.path)
        #expect(result.status == 0)
        #expect(result.stdout == "wrote outbox/shop/journal.csv\n")
        #expect(root.read("outbox/shop/journal.csv") == journal)
        #expect(try KontorBinary.run(["report", "stock"], root: root.path).status == 0)
        #expect(root.read("outbox/shop/stock.csv") == stock)
    }

    @Test func aJournalForAPeriodHoldsTheEntriesDatedInIt() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/03-orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            M-1,2025-03-31,paypal,true,4.90,TEA,1,8.90
            A-1,2025-04-01,paypal,true,4.90,TEA,1,8.90

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        let result = try KontorBinary.run(["report", "journal", "--from", "2025-04-01", "--to", "2025-04-30"], root: root.path)
        #expect(result.status == 0)
        #expect(result.stdout == "wrote outbox/shop/journal_2025-04-01_2025-04-30.csv\n")
        let lines = root.read("outbox/shop/journal_2025-04-01_2025-04-30.csv")?.split(separator: "\r\n") ?? []
        #expect(lines.first == "entry,date,document,text,account,debit,credit,batch")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[1] == "2025-04-01" })
        #expect(root.read("outbox/shop/journal.csv")?.contains("2025-03-31") == true)
    }

    @Test func whatCannotBeWrittenIsAUsageError() throws {
        let root = try stockedRoot()
        for arguments in [["report", "balance"], ["report", "stock", "--from", "2025-01-01", "--to", "2025-01-31"],
                          ["report", "journal", "--from", "2025-01-01"], ["report", "journal", "--shop", "elsewhere"],
                          ["report", "journal", "--from", "2025-02-01", "--to", "2025-01-31"]] {
            let result = try KontorBinary.run(arguments, root: root.path)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }
}
