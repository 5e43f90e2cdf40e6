import GRDB
import KontorCore
import KontorStore

/// Articles, stock movements, reservations and balances of the shops.
///
/// Every change is a movement in an append-only ledger; the balance row changes in the
/// same statement sequence, inside the caller's transaction.
public struct Inventory {
    private let db: Database

    /// Works in the caller's transaction.
    public init(_ db: Database) { self.db = db }

    /// Inserts or updates an article from the catalogue.
    public func upsert(_ product: Product, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO articles (shop, sku, name, price_gross, vat_rate, weight_g, ean, reorder_point, cost, batch_id,
                                  bin, tariff_number, origin_country, warehouse, lead_time_days, min_order_quantity, supplier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (shop, sku) DO UPDATE SET name = excluded.name, price_gross = excluded.price_gross,
                vat_rate = excluded.vat_rate, weight_g = coalesce(excluded.weight_g, weight_g),
                ean = coalesce(excluded.ean, ean), reorder_point = coalesce(excluded.reorder_point, reorder_point),
                cost = coalesce(excluded.cost, cost), batch_id = excluded.batch_id,
                bin = coalesce(excluded.bin, bin), tariff_number = coalesce(excluded.tariff_number, tariff_number),
                origin_country = coalesce(excluded.origin_country, origin_country),
                warehouse = coalesce(excluded.warehouse, warehouse),
                lead_time_days = coalesce(excluded.lead_time_days, lead_time_days),
                min_order_quantity = coalesce(excluded.min_order_quantity, min_order_quantity),
                supplier = coalesce(excluded.supplier, supplier)
            """).execute(arguments: [shop, product.sku, product.name, product.priceGross, product.vatRate.percent,
                                     product.weightGrams, product.ean, product.reorderPoint, product.cost, batch,
                                     product.bin, product.tariffNumber, product.originCountry, product.warehouse,
                                     product.leadTimeDays, product.minimumOrderQuantity, product.supplier])
    }

    /// Sets a new price (and VAT rate, if given) of an existing article.
    public func updatePrice(_ update: PriceUpdate, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE articles SET price_gross = ?, vat_rate = coalesce(?, vat_rate), batch_id = ? WHERE shop = ? AND sku = ?
            """).execute(arguments: [update.priceGross, update.vatRate?.percent, batch, shop, update.sku])
    }

    /// The article with `sku`, or nil if the catalogue has none.
    public func article(shop: String, sku: String) throws -> Article? {
        try db.cachedStatement(sql: """
            SELECT sku, name, price_gross, vat_rate, weight_g, reorder_point, bin, tariff_number, origin_country, warehouse
            FROM articles WHERE shop = ? AND sku = ?
            """).first(shop, sku) { row in
            Article(sku: row.text(0), name: row.text(1), priceGross: row.int(2),
                    vatRate: VATRate(percent: row.int(3)) ?? .standard,
                    weightGrams: row.optionalInt(4), reorderPoint: row.optionalInt(5), bin: row.optionalText(6),
                    tariffNumber: row.optionalText(7), originCountry: row.optionalText(8), warehouse: row.optionalText(9))
        }
    }

    /// On hand and reserved of one article in one warehouse.
    public func balance(shop: String, sku: String, warehouse: String = defaultWarehouse) throws -> (onHand: Int, reserved: Int) {
        try db.cachedStatement(sql: """
            SELECT on_hand, reserved FROM stock_balances WHERE shop = ? AND sku = ? AND warehouse = ?
            """).first(shop, sku, warehouse) { ($0.int(0), $0.int(1)) } ?? (0, 0)
    }

    /// Sets on-hand to a counted quantity; the difference is recorded as a `count` movement.
    /// Returns the difference.
    @discardableResult
    public func count(_ line: StockCountLine, shop: String, batch: Int64) throws -> Int {
        let delta = line.counted - (try balance(shop: shop, sku: line.sku, warehouse: line.warehouse).onHand)
        try move(shop: shop, sku: line.sku, warehouse: line.warehouse, quantity: delta, kind: "count",
                 reference: "count", batch: batch)
        return delta
    }

    /// The articles of a shop with stock on hand (or below zero) in `warehouse`.
    public func stocked(shop: String, warehouse: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT sku FROM stock_balances WHERE shop = ? AND warehouse = ? AND on_hand != 0 ORDER BY sku
            """), arguments: [shop, warehouse])
    }

    /// Adds received goods.
    public func receive(_ line: GoodsReceiptLine, shop: String, batch: Int64) throws {
        try move(shop: shop, sku: line.sku, warehouse: line.warehouse, quantity: line.received, kind: "receipt",
                 reference: line.reference ?? line.supplier, batch: batch, pricing: .receipt(cost: line.cost))
    }

    /// Moves goods from one warehouse to another: out of `from` at its average cost, into
    /// `to` at the same value, both `transfer` movements with the transfer's reference.
    /// Returns the value moved.
    @discardableResult
    public func transfer(_ line: TransferLine, shop: String, batch: Int64) throws -> Int {
        let out = try move(shop: shop, sku: line.sku, warehouse: line.from, quantity: -line.quantity, kind: "transfer",
                           reference: line.reference ?? "to \(line.to)", batch: batch)
        try move(shop: shop, sku: line.sku, warehouse: line.to, quantity: line.quantity, kind: "transfer",
                 reference: line.reference ?? "from \(line.from)", batch: batch, pricing: .exactly(-out))
        return -out
    }

    /// Reserves goods for an order, queued by `queuedOn` (the order's date): an order placed
    /// earlier is served first.
    public func reserve(shop: String, order: String, sku: String, quantity: Int, batch: Int64,
                        warehouse: String = defaultWarehouse, queuedOn: CalendarDate? = nil) throws {
        try reservation(shop: shop, order: order, sku: sku, warehouse: warehouse, quantity: quantity, batch: batch,
                        queuedOn: queuedOn)
    }

    /// Moves what an order holds reserved of `sku` to warehouse `to`, keeping its place in
    /// the queue (the day it was placed); nothing if it is there already.
    public func relocate(shop: String, order: String, sku: String, to warehouse: String, batch: Int64) throws {
        guard let held = try reservedIn(shop: shop, order: order)[sku], held.warehouse != warehouse, held.quantity > 0 else { return }
        let queuedOn = try queuedOn(shop: shop, order: order, sku: sku)
        try reservation(shop: shop, order: order, sku: sku, warehouse: held.warehouse, quantity: -held.quantity, batch: batch)
        try reservation(shop: shop, order: order, sku: sku, warehouse: warehouse, quantity: held.quantity, batch: batch,
                        queuedOn: queuedOn)
    }

    /// The day an order's reservation of `sku` queues by: the day the order was placed.
    public func queuedOn(shop: String, order: String, sku: String) throws -> CalendarDate? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT queued_on FROM reservations WHERE shop = ? AND order_number = ? AND sku = ? AND queued_on IS NOT NULL
            ORDER BY id LIMIT 1
            """), arguments: [shop, order, sku]).flatMap { CalendarDate(parsing: $0) }
    }

    /// What is reserved for an order, per article, with the warehouse it is reserved in (an
    /// order reserves each article in one warehouse).
    public func reservedIn(shop: String, order: String) throws -> [String: (quantity: Int, warehouse: String)] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT sku, warehouse, SUM(quantity) AS q FROM reservations WHERE shop = ? AND order_number = ? GROUP BY sku, warehouse
            """), arguments: [shop, order])
        var result: [String: (quantity: Int, warehouse: String)] = [:]
        for row in rows where (row["q"] as Int) != 0 { result[row["sku"]] = (row["q"], row["warehouse"]) }
        return result
    }

    /// Whether the goods reserved for an order are physically there for it. Orders that
    /// reserved earlier come first: their reservations count as taken, later ones do not.
    /// When the article's stock covers every open reservation no queue is read at all;
    /// otherwise only the open reservations ahead of this order are summed.
    public func canShip(shop: String, order: String) throws -> Bool {
        try shortfall(shop: shop, order: order).isEmpty
    }

    /// What an order that holds goods reserved still lacks, per article: its reservation less
    /// what the stock on hand leaves for it after the orders that reserved before it. Empty
    /// when its goods are there for it. Each article counts in the warehouse it is reserved in.
    public func shortfall(shop: String, order: String) throws -> [String: Int] {
        var missing: [String: Int] = [:]
        for (sku, (mine, warehouse)) in try reservedIn(shop: shop, order: order) {
            let balance = try balance(shop: shop, sku: sku, warehouse: warehouse)
            if balance.onHand >= balance.reserved { continue }
            let ahead = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT coalesce(SUM(o.quantity), 0) FROM open_reservations o
                WHERE o.shop = ?1 AND o.sku = ?2 AND o.warehouse = ?3 AND (o.queued_on, o.seq) < (
                    SELECT m.queued_on, m.seq FROM open_reservations m
                    WHERE m.shop = ?1 AND m.sku = ?2 AND m.warehouse = ?3 AND m.order_number = ?4)
                """), arguments: [shop, sku, warehouse, order]) ?? 0
            let short = mine - max(0, balance.onHand - ahead)
            if short > 0 { missing[sku] = short }
        }
        return missing
    }

    /// Ships an order's reserved goods: the reservation is released and the stock issued.
    public func issue(shop: String, order: String, batch: Int64) throws {
        for (sku, (quantity, warehouse)) in try reservedIn(shop: shop, order: order).sorted(by: { $0.key < $1.key }) {
            try reservation(shop: shop, order: order, sku: sku, warehouse: warehouse, quantity: -quantity, batch: batch)
            try move(shop: shop, sku: sku, warehouse: warehouse, quantity: -quantity, kind: "issue",
                     reference: order, batch: batch)
        }
    }

    /// What of an order's reservation is physically there for it now, per article: its
    /// reservation less its shortfall (the orders that reserved before it come first).
    /// Articles of which nothing is there are left out.
    public func available(shop: String, order: String) throws -> [String: Int] {
        let missing = try shortfall(shop: shop, order: order)
        var there: [String: Int] = [:]
        for (sku, (mine, _)) in try reservedIn(shop: shop, order: order) where mine - (missing[sku] ?? 0) > 0 {
            there[sku] = mine - (missing[sku] ?? 0)
        }
        return there
    }

    /// Ships part of an order's reserved goods (a delivery of an order that ships in parts):
    /// `quantities` leave its reservation and the stock; the rest stays reserved.
    public func issue(shop: String, order: String, reserved quantities: [String: Int], batch: Int64) throws {
        let places = try reservedIn(shop: shop, order: order)
        for (sku, quantity) in quantities.sorted(by: { $0.key < $1.key }) where quantity > 0 {
            let warehouse = places[sku]?.warehouse ?? defaultWarehouse
            try reservation(shop: shop, order: order, sku: sku, warehouse: warehouse, quantity: -quantity, batch: batch)
            try move(shop: shop, sku: sku, warehouse: warehouse, quantity: -quantity, kind: "issue",
                     reference: order, batch: batch)
        }
    }

    /// Whether goods are free for a new order placed on `date`: for each article, what is on
    /// hand less what the orders before it reserved covers the order's quantity. A new order
    /// queues behind the open reservations of orders placed on or before its date, and ahead
    /// of later ones: the first-come-first-served rule of `canShip`.
    public func isFree(shop: String, quantities: [String: Int], placedOn date: CalendarDate,
                       in places: [String: String] = [:]) throws -> Bool {
        for (sku, quantity) in quantities {
            let warehouse = places[sku] ?? defaultWarehouse
            let balance = try balance(shop: shop, sku: sku, warehouse: warehouse)
            if balance.onHand - balance.reserved >= quantity { continue }
            let ahead = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT coalesce(SUM(quantity), 0) FROM open_reservations
                WHERE shop = ? AND sku = ? AND warehouse = ? AND queued_on <= ?
                """), arguments: [shop, sku, warehouse, date.description]) ?? 0
            if balance.onHand - ahead < quantity { return false }
        }
        return true
    }

    /// Ships goods that were free (see `isFree`) straight from the shelf: they leave the
    /// stock without a reservation first.
    public func issue(shop: String, order: String, quantities: [String: Int], batch: Int64,
                      from places: [String: String] = [:]) throws {
        for (sku, quantity) in quantities.sorted(by: { $0.key < $1.key }) {
            let warehouse = places[sku] ?? defaultWarehouse
            try move(shop: shop, sku: sku, warehouse: warehouse, quantity: -quantity, kind: "issue", reference: order, batch: batch)
        }
    }

    /// The orders that hold goods of an article reserved, first come first served: by the
    /// date they were placed, then by when they reserved.
    public func queue(shop: String, sku: String, warehouse: String = defaultWarehouse) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT order_number FROM open_reservations WHERE shop = ? AND sku = ? AND warehouse = ? ORDER BY queued_on, seq
            """), arguments: [shop, sku, warehouse])
    }

    /// Puts returned goods back on the shelf.
    public func restock(_ line: ReturnLine, shop: String, batch: Int64, warehouse: String = defaultWarehouse) throws {
        try move(shop: shop, sku: line.sku, warehouse: warehouse, quantity: line.quantity, kind: "return",
                 reference: line.orderNumber, batch: batch)
    }

    /// Reverses every stock movement and reservation of `batch` with opposite entries
    /// booked to `reversal`. Nothing is deleted.
    public func reverse(batch: Int64, by reversal: Int64) throws {
        let moves = try Row.fetchAll(db, sql: """
            SELECT id, shop, sku, warehouse, quantity, value FROM stock_movements WHERE batch_id = ? AND reverses IS NULL ORDER BY id DESC
            """, arguments: [batch])
        for m in moves {
            try move(shop: m["shop"], sku: m["sku"], warehouse: m["warehouse"], quantity: -(m["quantity"] as Int),
                     kind: "reversal", reference: "batch \(batch)", batch: reversal, reverses: m["id"],
                     pricing: .exactly(-(m["value"] as Int)))
        }
        let reservations = try Row.fetchAll(db, sql: """
            SELECT id, shop, order_number, sku, warehouse, quantity FROM reservations WHERE batch_id = ? AND reverses IS NULL ORDER BY id DESC
            """, arguments: [batch])
        for r in reservations {
            try reservation(shop: r["shop"], order: r["order_number"], sku: r["sku"], warehouse: r["warehouse"],
                            quantity: -(r["quantity"] as Int), batch: reversal, reverses: r["id"])
        }
    }

    /// The stock list, by shop, article and warehouse.
    public static func levels(shop: String? = nil, in db: Database) throws -> [StockLevel] {
        try Row.fetchAll(db, sql: """
            SELECT a.shop, a.sku, a.name, coalesce(b.warehouse, 'main') AS warehouse,
                   coalesce(b.on_hand, 0) AS on_hand, coalesce(b.reserved, 0) AS reserved, a.reorder_point,
                   coalesce(b.value, 0) AS value
            FROM articles a LEFT JOIN stock_balances b ON b.shop = a.shop AND b.sku = a.sku
            WHERE ?1 IS NULL OR a.shop = ?1
            ORDER BY a.shop, a.sku, warehouse
            """, arguments: [shop]).map {
            StockLevel(shop: $0["shop"], sku: $0["sku"], name: $0["name"], warehouse: $0["warehouse"],
                       onHand: $0["on_hand"], promised: $0["reserved"], reorderPoint: $0["reorder_point"], value: $0["value"])
        }
    }

    /// Books a movement and adds it to its balance. Its value (`StockValue`) needs the
    /// balance as it stands and the article's cost: one read of both rows by primary key,
    /// left out where the value is fixed or the quantity 0. Returns its value.
    @discardableResult
    private func move(shop: String, sku: String, warehouse: String, quantity: Int, kind: String, reference: String?,
                      batch: Int64, reverses: Int64? = nil, pricing: StockValue.Pricing = .average) throws -> Int {
        var value = 0
        if case .exactly(let fixed) = pricing {
            value = fixed
        } else if quantity != 0 {
            let stock = try db.cachedStatement(sql: """
                SELECT coalesce(b.on_hand, 0), coalesce(b.value, 0), a.cost FROM articles a
                LEFT JOIN stock_balances b ON b.shop = a.shop AND b.sku = a.sku AND b.warehouse = ?3
                WHERE a.shop = ?1 AND a.sku = ?2
                """).first(shop, sku, warehouse) { ($0.int(0), $0.int(1), $0.optionalInt(2)) } ?? (0, 0, nil)
            value = try StockValue.of(quantity, pricing: pricing, onHand: stock.0, value: stock.1, articleCost: stock.2)
        }
        try db.cachedStatement(sql: """
            INSERT INTO stock_movements (shop, sku, warehouse, quantity, kind, reference, batch_id, reverses, value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, sku, warehouse, quantity, kind, reference, batch, reverses, value)
        try db.cachedStatement(sql: """
            INSERT INTO stock_balances (shop, sku, warehouse, on_hand, value) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (shop, sku, warehouse) DO UPDATE SET on_hand = on_hand + excluded.on_hand,
                value = value + excluded.value
            """).run(shop, sku, warehouse, quantity, value)
        return value
    }

    private func reservation(shop: String, order: String, sku: String, warehouse: String, quantity: Int,
                             batch: Int64, reverses: Int64? = nil, queuedOn: CalendarDate? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO reservations (shop, order_number, sku, warehouse, quantity, batch_id, reverses, queued_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, order, sku, warehouse, quantity, batch, reverses, queuedOn?.description)
        try db.cachedStatement(sql: """
            INSERT INTO stock_balances (shop, sku, warehouse, reserved) VALUES (?1, ?2, ?3, max(?4, 0))
            ON CONFLICT (shop, sku, warehouse) DO UPDATE SET reserved = reserved + ?4
            """).run(shop, sku, warehouse, quantity)
        try db.cachedStatement(sql: """
            INSERT INTO open_reservations (shop, sku, warehouse, order_number, seq, quantity, queued_on)
            VALUES (?1, ?2, ?3, ?4, (SELECT MIN(id) FROM reservations WHERE shop = ?1 AND order_number = ?4 AND sku = ?2), ?5,
                    coalesce((SELECT queued_on FROM reservations WHERE shop = ?1 AND order_number = ?4 AND sku = ?2
                              AND queued_on IS NOT NULL ORDER BY id LIMIT 1), ''))
            ON CONFLICT (shop, sku, warehouse, order_number) DO UPDATE SET quantity = quantity + excluded.quantity
            """).run(shop, sku, warehouse, order, quantity)
        guard quantity < 0 else { return }
        try db.cachedStatement(sql: """
            DELETE FROM open_reservations WHERE shop = ? AND sku = ? AND warehouse = ? AND order_number = ? AND quantity <= 0
            """).run(shop, sku, warehouse, order)
    }
}

extension Inventory {
    /// Checks the running stock figures against the ledgers they sum up: on hand and value of
    /// every article and warehouse against its stock movements, reserved against its reservations.
    /// Names each figure that differs. Reads every movement: for `kontor verify`, not a run.
    public static func verify(shop: String? = nil, in db: Database) throws -> [(shop: String, problem: String)] {
        var problems: [(shop: String, problem: String)] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT b.shop, b.sku, b.warehouse, b.on_hand, b.reserved, b.value,
                   (SELECT coalesce(SUM(m.quantity), 0) FROM stock_movements m
                    WHERE m.shop = b.shop AND m.sku = b.sku AND m.warehouse = b.warehouse) AS moved,
                   (SELECT coalesce(SUM(m.value), 0) FROM stock_movements m
                    WHERE m.shop = b.shop AND m.sku = b.sku AND m.warehouse = b.warehouse) AS valued,
                   (SELECT coalesce(SUM(r.quantity), 0) FROM reservations r
                    WHERE r.shop = b.shop AND r.sku = b.sku AND r.warehouse = b.warehouse) AS booked
            FROM stock_balances b WHERE ?1 IS NULL OR b.shop = ?1 ORDER BY b.shop, b.sku, b.warehouse
            """, arguments: [shop]) {
            let (onHand, moved, reserved, booked): (Int, Int, Int, Int) = (row["on_hand"], row["moved"], row["reserved"], row["booked"])
            let article = "\(row["sku"] as String) in \(row["warehouse"] as String)"
            if onHand != moved {
                problems.append((row["shop"], "\(article): on hand \(onHand), but its movements add up to \(moved)"))
            }
            let (value, valued): (Int, Int) = (row["value"], row["valued"])
            if value != valued {
                problems.append((row["shop"], "\(article): value \(Money.decimalString(value)), "
                                 + "but its movements' values add up to \(Money.decimalString(valued))"))
            }
            if reserved != max(booked, 0) {
                problems.append((row["shop"], "\(article): reserved \(reserved), but its reservations add up to \(booked)"))
            }
        }
        return problems
    }
}
