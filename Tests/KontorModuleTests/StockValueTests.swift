import Foundation
import GRDB
import KontorCore
import KontorInventory
import KontorPipeline
import KontorStore
import KontorTestSupport
import Testing

/// Stock at moving weighted average cost: every movement carries its value, and a stock is
/// worth the sum of its movements' values.
@Suite struct StockValueTests {
    let place = SourceLocation(file: "f")

    /// Opens batch `n`, received on `day`.
    func open(_ n: Int, on day: String, in db: Database) throws -> Int64 {
        try BatchJournal.open(shop: "shop", file: "f\(n).csv", workName: "w\(n)", sha256: String(repeating: "c", count: 64),
                              size: 1, receivedAt: "\(day)T09:00:00Z", settledAt: nil, actor: "test", in: db)
    }

    /// On hand, value and average cost of `sku` as the stock list has it.
    func level(_ sku: String, in db: Database) throws -> (onHand: Int, value: Int, average: Int?) {
        let level = try #require(try Inventory.levels(shop: "shop", in: db).first { $0.sku == sku })
        return (level.onHand, level.value, level.averageCost)
    }

    /// The value of the last movement of `sku`.
    func lastValue(_ sku: String, in db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT value FROM stock_movements WHERE sku = ? ORDER BY id DESC LIMIT 1", arguments: [sku])
    }

    @Test(arguments: [true, false])
    func aWorkedExampleByHand(inMemory: Bool) throws {
        let (database, first) = try makeBooks(inMemory: inMemory)
        try database.writer.write { db in
            let inv = Inventory(db)
            try inv.upsert(Product(sku: "KAN", name: "Teekanne", priceGross: 2490, vatRate: .standard, cost: 450, location: place),
                           shop: "shop", batch: first)
            // 10 at 4.00 (the receipt's cost, not the catalogue's 4.50).
            try inv.receive(GoodsReceiptLine(sku: "KAN", received: 10, cost: 400, location: place), shop: "shop", batch: first)
            #expect(try level("KAN", in: db) == (10, 4000, 400))
            // 5 at 7.01: 7,505 for 15, an average of 500.33, so 5.00.
            let second = try open(2, on: "2025-03-02", in: db)
            try inv.receive(GoodsReceiptLine(sku: "KAN", received: 5, cost: 701, location: place), shop: "shop", batch: second)
            #expect(try lastValue("KAN", in: db) == 3505)
            #expect(try level("KAN", in: db) == (15, 7505, 500))
            // A sale of 4 takes 4/15 of the value: 2,001.33, so 2,001.
            let sale = try open(3, on: "2025-03-03", in: db)
            try inv.issue(shop: "shop", order: "1001", quantities: ["KAN": 4], batch: sale)
            #expect(try lastValue("KAN", in: db) == -2001)
            #expect(try level("KAN", in: db) == (11, 5504, 500))
            // A count finds 8: the 3 lost take 3/11 of 5,504, 1,501.09, so 1,501.
            let count = try open(4, on: "2025-03-04", in: db)
            try inv.count(StockCountLine(sku: "KAN", counted: 8, location: place), shop: "shop", batch: count)
            #expect(try lastValue("KAN", in: db) == -1501)
            #expect(try level("KAN", in: db) == (8, 4003, 500))
            // A return comes back at the average, 5.00 (4,003 / 8 = 500.375).
            let back = try open(5, on: "2025-03-05", in: db)
            try inv.restock(ReturnLine(orderNumber: "1001", sku: "KAN", quantity: 1, location: place), shop: "shop", batch: back)
            #expect(try lastValue("KAN", in: db) == 500)
            #expect(try level("KAN", in: db) == (9, 4503, 500))
            // The second receipt is reversed: exactly its 35.05 leaves with its 5 units. 998 for
            // 4 is 249.5, rounded half away from zero to 2.50.
            let reversal = try open(6, on: "2025-03-06", in: db)
            try inv.reverse(batch: second, by: reversal)
            #expect(try lastValue("KAN", in: db) == -3505)
            #expect(try level("KAN", in: db) == (4, 998, 250))
            // Selling the last 4 takes exactly what is left: nothing remains, not a cent.
            let last = try open(7, on: "2025-03-07", in: db)
            try inv.issue(shop: "shop", order: "1002", quantities: ["KAN": 4], batch: last)
            #expect(try lastValue("KAN", in: db) == -998)
            #expect(try level("KAN", in: db) == (0, 0, nil))
            // With nothing on hand, a receipt without a cost comes in at the catalogue's 4.50.
            try inv.receive(GoodsReceiptLine(sku: "KAN", received: 2, location: place), shop: "shop", batch: last)
            #expect(try level("KAN", in: db) == (2, 900, 450))
            #expect(try Inventory.verify(in: db).isEmpty)
            // As of each day, the valuation is the sum of the values up to that day.
            let asOf = { (day: Int) in try Inventory.valuation(shop: "shop", asOf: CalendarDate(year: 2025, month: 3, day: day)!, in: db) }
            #expect(try asOf(2).map(\.value) == [7505])
            #expect(try asOf(4).map(\.onHand) == [8])
            #expect(try asOf(6).map(\.value) == [998])
            #expect(try asOf(7).map(\.value) == [900])
        }
    }

    @Test func aReceiptWithoutAnyCostComesInAtTheAverage() throws {
        #expect(try StockValue.of(3, pricing: .receipt(cost: nil), onHand: 4, value: 1001, articleCost: nil) == 750)
        #expect(try StockValue.of(3, pricing: .receipt(cost: nil), onHand: 0, value: 0, articleCost: nil) == 0)
        #expect(try StockValue.of(3, pricing: .average, onHand: 0, value: 0, articleCost: 120) == 360)
        #expect(try StockValue.of(-1, pricing: .average, onHand: 2, value: 5, articleCost: nil) == -3)
        #expect(try StockValue.of(-1, pricing: .average, onHand: 2, value: -5, articleCost: nil) == 3)
        #expect(throws: StockValue.OutOfRange.self) {
            try StockValue.of(Int.max / 2, pricing: .receipt(cost: 3), onHand: 0, value: 0, articleCost: nil)
        }
    }

    @Test func stockBookedBeforeValuationIsWorthNothingUntilItHasLeft() throws {
        let queue = try DatabaseQueue()
        try Pipeline.migrator.migrate(queue, upTo: "inventory-logistics-1")
        try queue.write { db in
            let batch = try open(1, on: "2025-03-01", in: db)
            try db.execute(sql: """
                INSERT INTO articles (shop, sku, name, price_gross, vat_rate, cost, batch_id) VALUES ('shop', 'KAN', 'Teekanne', 2490, 19, 450, \(batch));
                INSERT INTO stock_movements (shop, sku, warehouse, quantity, kind, batch_id) VALUES ('shop', 'KAN', 'main', 6, 'count', \(batch));
                INSERT INTO stock_balances (shop, sku, warehouse, on_hand) VALUES ('shop', 'KAN', 'main', 6);
                """)
        }
        try Pipeline.migrator.migrate(queue)
        try queue.write { db in
            #expect(try level("KAN", in: db) == (6, 0, 0))
            #expect(try Inventory.verify(in: db).isEmpty)
            let batch = try open(2, on: "2025-03-02", in: db)
            // 4 at 6.00 average in with the 6 worth nothing: 24.00 for 10.
            try Inventory(db).receive(GoodsReceiptLine(sku: "KAN", received: 4, cost: 600, location: place), shop: "shop", batch: batch)
            #expect(try level("KAN", in: db) == (10, 2400, 240))
        }
    }

    @Test func verifyNamesAnArticleWhoseValueDiffersFromItsMovements() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        let problems = try database.writer.write { db in
            try Inventory(db).upsert(Product(sku: "KAN", name: "Teekanne", priceGross: 2490, vatRate: .standard, location: place),
                                     shop: "shop", batch: batch)
            try Inventory(db).receive(GoodsReceiptLine(sku: "KAN", received: 2, cost: 500, location: place), shop: "shop", batch: batch)
            try db.execute(sql: "UPDATE stock_balances SET value = value + 1")
            return try Inventory.verify(in: db)
        }
        #expect(problems.map(\.problem) == ["KAN in main: value 10.01, but its movements' values add up to 10.00"])
    }

    /// One step of a generated sequence.
    enum Step {
        case receipt(Int, cost: Int?), issue(Int), count(Int), back(Int)
    }

    /// A reference of the rules, written apart from `StockValue`: whole numbers that stay
    /// small, rounding half up (every figure here is at least 0).
    struct Reference {
        var onHand = 0, value = 0
        let articleCost: Int?

        func rounded(_ numerator: Int, _ denominator: Int) -> Int { (2 * numerator + denominator) / (2 * denominator) }
        var average: Int? { onHand == 0 ? nil : rounded(value, onHand) }

        mutating func add(_ quantity: Int, unit: Int) {
            onHand += quantity
            value += quantity * unit
        }

        mutating func take(_ quantity: Int) {
            value -= quantity == onHand ? value : rounded(value * quantity, onHand)
            onHand -= quantity
        }

        mutating func apply(_ step: Step) {
            switch step {
            case .receipt(let q, let cost): add(q, unit: cost ?? articleCost ?? average ?? 0)
            case .issue(let q): take(q)
            case .back(let q): add(q, unit: average ?? articleCost ?? 0)
            case .count(let counted):
                if counted > onHand { add(counted - onHand, unit: average ?? articleCost ?? 0) } else { take(onHand - counted) }
            }
        }
    }

    @Test func aThousandRandomSequencesKeepValueAndAverageExact() throws {
        let (database, batch) = try makeBooks(inMemory: true)
        var random = SeededGenerator(seed: 20261203)
        for n in 0..<1000 {
            let sku = "A\(n)"
            let articleCost: Int? = Bool.random(using: &random) ? Int.random(in: 1...9999, using: &random) : nil
            var reference = Reference(articleCost: articleCost)
            try database.writer.write { db in
                let inv = Inventory(db)
                try inv.upsert(Product(sku: sku, name: sku, priceGross: 100, vatRate: .standard, cost: articleCost, location: place),
                               shop: "shop", batch: batch)
                for i in 0..<Int.random(in: 1...20, using: &random) {
                    let step: Step
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: step = .receipt(Int.random(in: 1...50, using: &random),
                                            cost: Bool.random(using: &random) ? Int.random(in: 0...20000, using: &random) : nil)
                    case 1 where reference.onHand > 0: step = .issue(Int.random(in: 1...reference.onHand, using: &random))
                    case 2: step = .count(Int.random(in: 0...60, using: &random))
                    default: step = .back(Int.random(in: 1...5, using: &random))
                    }
                    switch step {
                    case .receipt(let q, let cost):
                        try inv.receive(GoodsReceiptLine(sku: sku, received: q, cost: cost, location: place), shop: "shop", batch: batch)
                    case .issue(let q): try inv.issue(shop: "shop", order: "\(sku)-\(i)", quantities: [sku: q], batch: batch)
                    case .count(let c): try inv.count(StockCountLine(sku: sku, counted: c, location: place), shop: "shop", batch: batch)
                    case .back(let q):
                        try inv.restock(ReturnLine(orderNumber: "\(sku)-\(i)", sku: sku, quantity: q, location: place), shop: "shop", batch: batch)
                    }
                    reference.apply(step)
                    let row = try #require(try Row.fetchOne(db, sql: """
                        SELECT on_hand, value FROM stock_balances WHERE shop = 'shop' AND sku = ? AND warehouse = 'main'
                        """, arguments: [sku]))
                    let (onHand, value): (Int, Int) = (row["on_hand"], row["value"])
                    let average = StockValue.average(value: value, onHand: onHand)
                    let moved = try Int.fetchOne(db, sql: "SELECT SUM(value) FROM stock_movements WHERE shop = 'shop' AND sku = ?",
                                                 arguments: [sku])
                    #expect(value == moved, "\(sku) step \(i): \(step)")
                    #expect(onHand >= 0)
                    #expect(onHand == reference.onHand && value == reference.value && average == reference.average,
                            "\(sku) step \(i): \(step)")
                }
            }
        }
        #expect(try database.writer.read { try Inventory.verify(in: $0) }.isEmpty)
    }
}
