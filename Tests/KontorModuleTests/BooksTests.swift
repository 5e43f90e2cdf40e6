import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorPipeline
import KontorStore
import Testing

/// A fresh set of books with one shop and one batch, in memory and in a temporary file.
func makeBooks(inMemory: Bool) throws -> (KontorDatabase, Int64) {
    let migrator = Pipeline.migrator
    let database: KontorDatabase
    if inMemory {
        database = try KontorDatabase.inMemory(migrator: migrator)
    } else {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-\(UUID().uuidString).sqlite").path
        database = try KontorDatabase.open(path: path, migrator: migrator)
    }
    let batch = try database.writer.write { db in
        try BatchJournal.open(shop: "shop", file: "f.csv", workName: "w", sha256: String(repeating: "a", count: 64),
                              size: 1, receivedAt: "2025-03-01T00:00:00Z", settledAt: nil, actor: "test", in: db)
    }
    return (database, batch)
}

import Foundation

@Suite struct LedgerTests {
    @Test(arguments: [true, false])
    func invoicePostsBalancedLinesAndNumbersWithoutGaps(inMemory: Bool) throws {
        let (database, batch) = try makeBooks(inMemory: inMemory)
        let date = CalendarDate(year: 2025, month: 3, day: 3)!
        let numbers = try database.writer.write { db in
            try (1...3).map { i in
                try Ledger(db).postInvoice(shop: "shop", orderNumber: "100\(i)", customerKey: "K1", date: date, dueDays: 14,
                                           goods: [TaxableAmount(gross: 1780, rate: .reduced), TaxableAmount(gross: 2490, rate: .standard)],
                                           shipping: 490, batch: batch).number
            }
        }
        #expect(numbers == ["RE2025-00001", "RE2025-00002", "RE2025-00003"])
        let balance = try database.writer.read { try Ledger.trialBalance(in: $0) }
        #expect(balance.reduce(0) { $0 + $1.debit } == balance.reduce(0) { $0 + $1.credit })
        #expect(balance.first { $0.account == 1400 }?.debit == 3 * (1780 + 2490 + 490))
        let exposure = try database.writer.read { try Ledger($0).exposure(shop: "shop", customerKey: "K1") }
        #expect(exposure == 3 * 4760)
    }

    @Test func postedLinesCanBeNeitherChangedNorDeleted() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        try database.writer.write { db in
            try Ledger(db).postPayment(shop: "shop", document: "RE1", customerKey: "K", amount: 100,
                                       date: CalendarDate(year: 2025, month: 1, day: 1)!, account: ChartOfAccounts.bank, text: "t", batch: batch)
        }
        #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: "UPDATE journal_lines SET debit = 1") } }
        #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: "DELETE FROM journal_lines") } }
        #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: "DELETE FROM journal_entries") } }
    }

    @Test func anUnbalancedEntryIsRefused() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        #expect(throws: AccountingError.self) {
            try database.writer.write { db in
                try Ledger(db).post(shop: "shop", date: CalendarDate(year: 2025, month: 1, day: 1)!, document: "X", text: "t",
                                    lines: [.debit(ChartOfAccounts.bank, 100), .credit(ChartOfAccounts.receivables, 99)], batch: batch)
            }
        }
    }

    @Test func reversalMirrorsEveryEntry() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        let reversal = try database.writer.write { db in
            _ = try Ledger(db).postInvoice(shop: "shop", orderNumber: "1", customerKey: "K", date: CalendarDate(year: 2025, month: 3, day: 3)!,
                                           dueDays: 0, goods: [TaxableAmount(gross: 11900, rate: .standard)], shipping: 0, batch: batch)
            let reversal = try BatchJournal.open(shop: "shop", file: "f.csv", workName: "w2", sha256: String(repeating: "b", count: 64),
                                                 size: 1, receivedAt: "2025-03-02T00:00:00Z", settledAt: nil, actor: "test", in: db)
            try Ledger(db).reverse(batch: batch, by: reversal, date: CalendarDate(year: 2025, month: 3, day: 4)!)
            return reversal
        }
        let balance = try database.writer.read { try Ledger.trialBalance(in: $0) }
        #expect(balance.allSatisfy { $0.balance == 0 })
        #expect(balance.first { $0.account == 8400 }?.credit == 10000)
        let invoice = try database.writer.read { try Ledger($0).invoice(shop: "shop", orderNumber: "1") }
        #expect(invoice == nil)
        #expect(reversal > batch)
    }
}

@Suite struct InventoryTests {
    /// The logistics fields of a product are kept with the article; a products file that
    /// leaves them empty keeps what the article has.
    @Test(arguments: [true, false])
    func anArticleKeepsItsLogisticsFields(inMemory: Bool) throws {
        let (database, batch) = try makeBooks(inMemory: inMemory)
        let place = SourceLocation(file: "f")
        let article = try database.writer.write { db in
            let inv = Inventory(db)
            try inv.upsert(Product(sku: "A", name: "Tee", priceGross: 890, vatRate: .reduced, bin: "A-03-2", tariffNumber: "09023000",
                                   originCountry: "IN", warehouse: "Lüneburg", location: place), shop: "shop", batch: batch)
            try inv.upsert(Product(sku: "A", name: "Assam", priceGross: 990, vatRate: .reduced, bin: "B-01-1", location: place),
                           shop: "shop", batch: batch)
            return try inv.article(shop: "shop", sku: "A")
        }
        #expect(article == Article(sku: "A", name: "Assam", priceGross: 990, vatRate: .reduced, weightGrams: nil, reorderPoint: nil,
                                   bin: "B-01-1", tariffNumber: "09023000", originCountry: "IN", warehouse: "Lüneburg"))
        #expect(throws: DatabaseError.self) {
            try database.writer.write { try $0.execute(sql: "UPDATE articles SET tariff_number = '0902-30'") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { try $0.execute(sql: "UPDATE articles SET origin_country = 'in'") }
        }
    }

    @Test(arguments: [true, false])
    func movementsKeepTheBalanceAndReversalsUndoThem(inMemory: Bool) throws {
        let (database, batch) = try makeBooks(inMemory: inMemory)
        let place = SourceLocation(file: "f")
        try database.writer.write { db in
            let inv = Inventory(db)
            try inv.upsert(Product(sku: "A", name: "Tee", priceGross: 890, vatRate: .reduced, location: place), shop: "shop", batch: batch)
            try inv.count(StockCountLine(sku: "A", counted: 10, location: place), shop: "shop", batch: batch)
            try inv.receive(GoodsReceiptLine(sku: "A", received: 5, location: place), shop: "shop", batch: batch)
            try inv.reserve(shop: "shop", order: "1", sku: "A", quantity: 4, batch: batch)
            #expect(try inv.canShip(shop: "shop", order: "1"))
            try inv.issue(shop: "shop", order: "1", batch: batch)
            #expect(try inv.count(StockCountLine(sku: "A", counted: 9, location: place), shop: "shop", batch: batch) == -2)
        }
        var levels = try database.writer.read { try Inventory.levels(in: $0) }
        #expect(levels.map { [$0.onHand, $0.reserved, $0.available] } == [[9, 0, 9]])
        try database.writer.write { db in
            let reversal = try BatchJournal.open(shop: "shop", file: "g", workName: "w2", sha256: String(repeating: "c", count: 64),
                                                 size: 1, receivedAt: "t", settledAt: nil, actor: "test", in: db)
            try Inventory(db).reverse(batch: batch, by: reversal)
        }
        levels = try database.writer.read { try Inventory.levels(in: $0) }
        #expect(levels.map { [$0.onHand, $0.reserved] } == [[0, 0]])
        #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: "UPDATE stock_movements SET quantity = 0") } }
    }

    @Test func anOrderCannotShipWhatEarlierOrdersReserved() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        let place = SourceLocation(file: "f")
        try database.writer.write { db in
            let inv = Inventory(db)
            try inv.upsert(Product(sku: "A", name: "Tee", priceGross: 890, vatRate: .reduced, location: place), shop: "shop", batch: batch)
            try inv.count(StockCountLine(sku: "A", counted: 5, location: place), shop: "shop", batch: batch)
            try inv.reserve(shop: "shop", order: "1", sku: "A", quantity: 4, batch: batch)
            try inv.reserve(shop: "shop", order: "2", sku: "A", quantity: 2, batch: batch)
            #expect(try inv.canShip(shop: "shop", order: "1"))
            #expect(try !inv.canShip(shop: "shop", order: "2"))
        }
    }
}
