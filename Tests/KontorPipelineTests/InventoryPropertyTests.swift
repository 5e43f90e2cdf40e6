import Foundation
import GRDB
import KontorCore
import KontorInventory
@testable import KontorPipeline
import KontorStore
import KontorTestSupport
import Testing

/// 1,000 random sequences of goods receipts, orders (shipped or waiting for goods),
/// cancellations, returns, transfers between two warehouses and stock counts, each step a
/// batch of its own applied in memory as a file would be (kept whole, or rolled back whole
/// on an error). After every step:
/// - on hand, reserved and value of every article and warehouse equal the sums of their
///   movements and reservations, and on hand is never below zero;
/// - reserved is never above on hand, available never below zero, and reserved plus the
///   shortfall is what was promised;
/// - every movement's value equals a moving average computed here from the quantities alone
///   (receipts at their cost, decreases at their share of the value, increases at the
///   average, a transfer's arrival at what left the other warehouse);
/// - the valuation as of the day equals the sum of the movements' values, per article and
///   warehouse and in total.
/// Each seed gives the same sequence, so a failure repeats.
@Suite struct InventoryPropertyTests {
    static let sequences = 1_000
    static let steps = 8
    static let skus = ["TEA", "POT", "CUP"]
    static let warehouses = ["main", "outlet"]
    static let place = SourceLocation(file: "generated")
    static let day = CalendarDate(year: 2025, month: 3, day: 1)!

    /// Books in memory with the three articles, for one sequence.
    struct Books {
        let database: KontorDatabase
        var settings = ShopSettings()
        var files = 0

        init() throws {
            database = try KontorDatabase.inMemory(migrator: Pipeline.migrator)
            settings.warehouses = InventoryPropertyTests.warehouses
            _ = try apply(InventoryPropertyTests.skus.enumerated().map { index, sku in
                .product(Product(sku: sku, name: sku, priceGross: 500 + index * 250, vatRate: index == 0 ? .reduced : .standard,
                                 location: InventoryPropertyTests.place))
            })
        }

        /// Applies `records` as one batch: kept if no error was found, else rolled back.
        /// Returns whether it was kept.
        mutating func apply(_ records: [DocumentRecord]) throws -> Bool {
            files += 1
            let (file, settings) = (files, settings)
            return try database.writer.write { db in
                let id = try BatchJournal.open(shop: "shop", file: "step-\(file).csv", workName: "w\(file)",
                                               sha256: String(repeating: "0", count: 64 - String(file).count) + String(file),
                                               size: 1, receivedAt: "2025-03-01T00:00:00Z", settledAt: nil, actor: "test", in: db)
                var log = DiagnosticLog(cap: 100)
                var applier = Applier(db: db, shop: "shop", batch: id, settings: settings)
                var kept = false
                try db.inSavepoint {
                    for record in records { try applier.apply(record, log: &log) }
                    try applier.finish(log: &log)
                    kept = !log.hasErrors
                    return kept ? .commit : .rollback
                }
                return kept
            }
        }
    }

    /// What a sequence has done so far: the orders and what shipped of them.
    struct History {
        var orders: [String] = []
        var shipped: [(order: String, sku: String)] = []
    }

    @Test func randomSequencesKeepTheStockWhole() throws {
        var kinds: [String: Int] = [:]
        var kept = 0
        for seed in 1...Self.sequences {
            var g = SeededGenerator(seed: UInt64(seed) &* 7_919)
            var books = try Books()
            var history = History()
            var done: [String] = []
            for step in 1...Self.steps {
                let (what, records) = try Self.next(&g, step: step, seed: seed, books: books, history: &history)
                let applied = try books.apply(records)
                kinds[what, default: 0] += 1
                if applied { kept += 1 }
                done.append(what + (applied ? "" : " (refused)"))
                let problems = try Self.check(books)
                #expect(problems.isEmpty, "seed \(seed) after \(done.joined(separator: "; ")): \(problems)")
                if !problems.isEmpty { return }
            }
        }
        // The sequences do what they are meant to: every kind of step, mostly kept.
        #expect(Set(kinds.keys) == ["receipt", "order", "cancellation", "return", "transfer", "count"], "\(kinds)")
        #expect(kept > Self.sequences * Self.steps / 2, "only \(kept) steps kept")
    }

    /// The next step of a sequence, as records: mostly receipts and orders.
    static func next(_ g: inout SeededGenerator, step: Int, seed: Int, books: Books,
                     history: inout History) throws -> (String, [DocumentRecord]) {
        func pick<T>(_ items: [T]) -> T { items[Int(g.next() % UInt64(items.count))] }
        func number(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(g.next() % UInt64(range.count)) }
        let roll = number(0...99)
        if roll < 25 || step == 1 {
            let cost = number(100...900)
            return ("receipt", [.goodsReceipt(GoodsReceiptLine(sku: pick(skus), received: number(1...8), cost: cost,
                                                               reference: "cost \(cost)", warehouse: pick(warehouses),
                                                               location: place))])
        }
        if roll < 55 {
            let order = "S\(seed)-\(step)"
            history.orders.append(order)
            let lines = (0..<number(1...2)).map { _ in
                OrderLine(sku: pick(skus), quantity: number(1...6), unitPrice: 500, location: place)
            }
            return ("order", [.order(Order(orderNumber: order, orderDate: day.adding(days: -30 + step), paymentMethod: .paypal,
                                           paid: true, lines: lines, location: place))])
        }
        if roll < 63, let order = history.orders.randomElement(using: &g) {
            return ("cancellation", [.cancellation(Cancellation(orderNumber: order, location: place))])
        }
        if roll < 72 {
            let shipped = try books.database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT reference, sku FROM stock_movements WHERE kind = 'issue'")
                    .map { (order: $0["reference"] as String, sku: $0["sku"] as String) }
            }
            if let line = shipped.randomElement(using: &g) {
                return ("return", [.returnLine(ReturnLine(orderNumber: line.order, sku: line.sku, quantity: number(1...2),
                                                          date: day, location: place))])
            }
        }
        if roll < 86 {
            let from = pick(warehouses)
            return ("transfer", [.transfer(TransferLine(sku: pick(skus), quantity: number(1...5), from: from,
                                                        to: warehouses.first { $0 != from }!, location: place))])
        }
        return ("count", [.stockCount(StockCountLine(sku: pick(skus), counted: number(0...12), warehouse: pick(warehouses),
                                                     location: place))])
    }

    /// What is wrong with the books, if anything.
    static func check(_ books: Books) throws -> [String] {
        try books.database.writer.read { db in
            var problems: [String] = []
            // Balances against their movements and reservations.
            for row in try Row.fetchAll(db, sql: """
                SELECT b.sku, b.warehouse, b.on_hand, b.reserved, b.value,
                       (SELECT coalesce(SUM(quantity), 0) FROM stock_movements m WHERE m.sku = b.sku AND m.warehouse = b.warehouse) AS moved,
                       (SELECT coalesce(SUM(value), 0) FROM stock_movements m WHERE m.sku = b.sku AND m.warehouse = b.warehouse) AS worth,
                       (SELECT coalesce(SUM(quantity), 0) FROM reservations r WHERE r.sku = b.sku AND r.warehouse = b.warehouse) AS held
                FROM stock_balances b
                """) {
                let place = "\(row["sku"] as String)@\(row["warehouse"] as String)"
                if (row["on_hand"] as Int) != row["moved"] { problems.append("\(place): on hand \(row["on_hand"] as Int) ≠ movements \(row["moved"] as Int)") }
                if (row["value"] as Int) != row["worth"] { problems.append("\(place): value \(row["value"] as Int) ≠ movements \(row["worth"] as Int)") }
                if (row["reserved"] as Int) != row["held"] { problems.append("\(place): reserved \(row["reserved"] as Int) ≠ reservations \(row["held"] as Int)") }
                if (row["on_hand"] as Int) < 0 { problems.append("\(place): on hand \(row["on_hand"] as Int) below zero") }
            }
            // The stock list: reserved within on hand, nothing negative.
            for level in try Inventory.levels(shop: "shop", in: db) {
                let place = "\(level.sku)@\(level.warehouse)"
                if level.reserved > level.onHand { problems.append("\(place): reserved \(level.reserved) above on hand \(level.onHand)") }
                if level.available < 0 || level.shortfall < 0 || level.reserved < 0 { problems.append("\(place): a negative figure") }
                if level.promised >= 0, level.reserved + level.shortfall != level.promised {
                    problems.append("\(place): reserved \(level.reserved) + shortfall \(level.shortfall) ≠ promised \(level.promised)")
                }
            }
            problems += try movingAverage(db)
            // The valuation of the day is the sum of the movements' values.
            let valuation = try Inventory.valuation(shop: "shop", asOf: day, in: db)
            let total = try Int.fetchOne(db, sql: "SELECT coalesce(SUM(value), 0) FROM stock_movements") ?? 0
            if valuation.reduce(0, { $0 + $1.value }) != total {
                problems.append("valuation \(valuation.reduce(0) { $0 + $1.value }) ≠ movements \(total)")
            }
            for line in valuation {
                let value = try Int.fetchOne(db, sql: "SELECT value FROM stock_balances WHERE sku = ? AND warehouse = ?",
                                             arguments: [line.sku, line.warehouse]) ?? 0
                if value != line.value { problems.append("\(line.sku)@\(line.warehouse): valuation \(line.value) ≠ balance \(value)") }
            }
            return problems
        }
    }

    /// Replays every movement in order through a moving average kept here and compares the
    /// value each was booked at.
    static func movingAverage(_ db: Database) throws -> [String] {
        var stock: [String: (quantity: Int, value: Int)] = [:]
        var problems: [String] = []
        var lastOut: Int?
        for row in try Row.fetchAll(db, sql: "SELECT id, sku, warehouse, quantity, kind, reference, value FROM stock_movements ORDER BY id") {
            let key = "\(row["sku"] as String)@\(row["warehouse"] as String)"
            let quantity: Int = row["quantity"], kind: String = row["kind"], booked: Int = row["value"]
            let (onHand, value) = stock[key] ?? (0, 0)
            let expected: Int
            if kind == "receipt", let reference = row["reference"] as String?, reference.hasPrefix("cost "),
               let cost = Int(reference.dropFirst(5)) {
                expected = quantity * cost
            } else if kind == "transfer", quantity > 0, let out = lastOut {
                expected = -out
            } else if quantity < 0 {
                expected = onHand + quantity == 0 ? -value : onHand > 0 ? -divide(value * -quantity, onHand) : 0
            } else {
                expected = quantity * (onHand > 0 ? divide(value, onHand) : 0)
            }
            lastOut = kind == "transfer" && quantity < 0 ? booked : nil
            if booked != expected { problems.append("movement \(row["id"] as Int64) (\(kind) \(quantity) of \(key)): value \(booked), expected \(expected)") }
            stock[key] = (onHand + quantity, value + booked)
        }
        return problems
    }

    /// `a / b` rounded half away from zero, for b > 0.
    static func divide(_ a: Int, _ b: Int) -> Int {
        let q = a / b, r = a % b
        return r.magnitude * 2 >= b ? q + (a < 0 ? -1 : 1) : q
    }
}
