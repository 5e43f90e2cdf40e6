import GRDB
import KontorCore

/// The dunning letters issued per invoice, invoices stopped from dunning, and what the
/// customers file says about dunning a customer, in the caller's transaction.
public struct DunningBook {
    private let db: Database

    public init(_ db: Database) { self.db = db }

    /// What dunning needs to know of a customer.
    public struct Debtor: Sendable, Equatable {
        public var customerID: String
        public var name: String
        public var street: String?
        public var zip: String?
        public var city: String?
        /// A business: the customers file says so, or gives a VAT ID.
        public var isBusiness: Bool
        /// The customers file stops dunning this customer.
        public var stopped: Bool
    }

    /// The customer `id` of `shop`, if the books know them.
    public func debtor(shop: String, id: String) throws -> Debtor? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT customer_id, name, street, zip, city, vat_id, business, dunning_stop FROM customers WHERE shop = ? AND customer_id = ?
            """), arguments: [shop, id]).map { row in
            let vatID: String? = row["vat_id"]
            let business: Bool? = row["business"]
            return Debtor(customerID: row["customer_id"], name: row["name"], street: row["street"], zip: row["zip"],
                          city: row["city"], isBusiness: business ?? !(vatID ?? "").isEmpty,
                          stopped: row["dunning_stop"] ?? false)
        }
    }

    /// What earlier letters, not reverted, did on an invoice.
    public struct History: Sendable, Equatable {
        /// The last letter.
        public var last: DunningDecision.Issued?
        /// The fees, interest and flat fees charged so far.
        public var charged = 0
        /// The last day interest was charged for.
        public var interestThrough: CalendarDate?
        /// Whether the flat fee was charged.
        public var flatFeeCharged = false
    }

    /// The letters an invoice got so far.
    public func history(shop: String, document: String) throws -> History {
        var h = History()
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT level, date, fee + interest + flat_fee AS charged, interest_through, flat_fee FROM dunning_notices
            WHERE shop = ? AND document = ? AND reverted_by IS NULL ORDER BY id
            """), arguments: [shop, document])
        for row in rows {
            if let date = CalendarDate(parsing: row["date"]) { h.last = DunningDecision.Issued(level: row["level"], date: date) }
            h.charged += row["charged"] as Int
            if let through = (row["interest_through"] as String?).flatMap(CalendarDate.init(parsing:)) { h.interestThrough = through }
            if (row["flat_fee"] as Int) > 0 { h.flatFeeCharged = true }
        }
        return h
    }

    /// The invoices of a customer dunned at `level` or above (letters not taken back), each
    /// with the title of its highest letter, oldest first; whether they are still open is
    /// the caller's question.
    public func dunned(shop: String, customerKey: String, atLeast level: Int) throws -> [(document: String, title: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT document, title, max(level) FROM dunning_notices
            WHERE shop = ? AND customer_key = ? AND level >= ? AND reverted_by IS NULL GROUP BY document ORDER BY min(id)
            """), arguments: [shop, customerKey, level]).map { (document: $0[0], title: $0[1]) }
    }

    /// Per customer of `shop`, how many of their invoices were dunned (first dunning or
    /// above, letters not taken back), counting each letter's notice.
    public func dunningCounts(shop: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT customer_key, count(*) FROM dunning_notices WHERE shop = ? AND level >= 1 AND reverted_by IS NULL GROUP BY customer_key
            """, arguments: [shop]) {
            counts[row[0]] = row[1]
        }
        return counts
    }

    /// Whether dunning of an invoice is stopped.
    public func isStopped(shop: String, document: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM dunning_stops WHERE shop = ? AND document = ? AND reverted_by IS NULL)
            """), arguments: [shop, document]) ?? false
    }

    /// Stops dunning an invoice, with the reason.
    public func stop(shop: String, document: String, note: String, batch: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO dunning_stops (shop, document, note, batch_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [shop, document, note, batch])
    }

    /// Records a letter's notice of one invoice.
    public func record(_ n: DunningNotice, shop: String, batch: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO dunning_notices (shop, document, customer_key, level, title, date, deadline, principal, fee, interest,
                                         interest_from, interest_through, flat_fee, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, n.document, n.customerKey, n.level, n.title, n.date.description,
                                     n.deadline.description, n.principal, n.fee, n.interest, n.interestFrom?.description,
                                     n.interestThrough?.description, n.flatFee, batch])
    }

    /// The notices of `shop` dated `date`, not reverted, by customer and invoice.
    public func notices(shop: String, on date: CalendarDate) throws -> [DunningNotice] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM dunning_notices WHERE shop = ? AND date = ? AND reverted_by IS NULL ORDER BY customer_key, document, id
            """), arguments: [shop, date.description]).map(Self.notice)
    }

    /// The notices a batch recorded.
    public func notices(batch: Int64) throws -> [DunningNotice] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM dunning_notices WHERE batch_id = ? ORDER BY customer_key, document, id"),
                         arguments: [batch]).map(Self.notice)
    }

    private static func notice(_ row: Row) -> DunningNotice {
        let date = CalendarDate(parsing: row["date"]) ?? CalendarDate(dayNumber: 0)
        return DunningNotice(document: row["document"], customerKey: row["customer_key"], level: row["level"], title: row["title"],
                             date: date, deadline: CalendarDate(parsing: row["deadline"]) ?? date,
                             principal: row["principal"], fee: row["fee"], interest: row["interest"],
                             interestFrom: (row["interest_from"] as String?).flatMap(CalendarDate.init(parsing:)),
                             interestThrough: (row["interest_through"] as String?).flatMap(CalendarDate.init(parsing:)),
                             flatFee: row["flat_fee"])
    }

    /// Takes back the letters and stops of `batch`, naming `reversal`.
    public func reverse(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: "UPDATE dunning_notices SET reverted_by = ? WHERE batch_id = ? AND reverted_by IS NULL",
                       arguments: [reversal, batch])
        try db.execute(sql: "UPDATE dunning_stops SET reverted_by = ? WHERE batch_id = ? AND reverted_by IS NULL",
                       arguments: [reversal, batch])
    }

    /// The later batches whose letters went on from a letter of `batch` (the next level of
    /// an invoice it dunned).
    public static func batches(buildingOn batch: Int64, in db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT DISTINCT later.batch_id FROM dunning_notices n
            JOIN dunning_notices later ON later.shop = n.shop AND later.document = n.document AND later.id > n.id
            WHERE n.batch_id = ? AND later.reverted_by IS NULL AND later.batch_id != n.batch_id
            ORDER BY 1
            """, arguments: [batch])
    }
}
