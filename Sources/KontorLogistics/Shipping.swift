import GRDB
import KontorCore
import KontorStore

/// A shipment as listed.
public struct Shipment: Sendable, Equatable {
    public var shop: String
    public var shipmentID: String
    public var orderNumber: String
    public var status: String
    public var carrier: String
    public var parcels: Int
    public var weightGrams: Int
    public var shipTo: Address?
    /// The day it left, the order's delivery date (nil for shipments made before Kontor kept it).
    public var shippedOn: String?
}

/// Shipments of released orders, in the caller's transaction.
public struct Shipping {
    private let db: Database

    public init(_ db: Database) { self.db = db }

    /// Creates the shipment of an order, leaving on `date`, and returns its id (`SH-00001`,
    /// per shop).
    public func ship(shop: String, order: String, weightGrams: Int, to address: Address?, on date: CalendarDate,
                     batch: Int64) throws -> String {
        let plan = CarrierRules.plan(country: address?.country, weightGrams: weightGrams)
        let digits = String(try Counters.next(shop: shop, series: "SH", in: db))
        let id = "SH-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
        try db.cachedStatement(sql: """
            INSERT INTO shipments (shop, shipment_id, order_number, status, carrier, parcels, weight_g,
                                   ship_name, ship_street, ship_zip, ship_city, ship_country, batch_id, shipped_on)
            VALUES (?, ?, ?, 'ready', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, id, order, plan.carrier, plan.parcels, weightGrams, address?.name, address?.street,
                     address?.zip, address?.city, address?.country, batch, date.description)
        return id
    }

    /// Cancels the shipments created by `batch`.
    public func cancel(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: "UPDATE shipments SET status = 'cancelled', cancelled_by = ? WHERE batch_id = ? AND status = 'ready'",
                       arguments: [reversal, batch])
    }

    /// All shipments, by shop and id.
    public static func shipments(shop: String? = nil, in db: Database) throws -> [Shipment] {
        try Row.fetchAll(db, sql: """
            SELECT * FROM shipments WHERE ?1 IS NULL OR shop = ?1 ORDER BY shop, id
            """, arguments: [shop]).map { row in
            let name: String? = row["ship_name"]
            let address = name.map {
                Address(name: $0, street: row["ship_street"] ?? "", zip: row["ship_zip"] ?? "", city: row["ship_city"] ?? "",
                        country: row["ship_country"] ?? "DE")
            }
            return Shipment(shop: row["shop"], shipmentID: row["shipment_id"], orderNumber: row["order_number"],
                            status: row["status"], carrier: row["carrier"], parcels: row["parcels"],
                            weightGrams: row["weight_g"], shipTo: address, shippedOn: row["shipped_on"])
        }
    }
}

extension Shipping {
    /// Hands the shipments a batch created to `body` in order, one at a time.
    public static func forEachShipment(batch: Int64, in db: Database,
                                       _ body: (_ shipment: String, _ order: String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT shipment_id, order_number FROM shipments WHERE batch_id = ? ORDER BY id",
                                       arguments: [batch])
        while let row = try rows.next() { try body(row["shipment_id"], row["order_number"]) }
    }
}
