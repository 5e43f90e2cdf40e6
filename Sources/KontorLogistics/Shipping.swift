import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// Shipments of released orders, in the caller's transaction: each is checked before a
/// label may exist (address, carrier, customs, parcel weights) and is then either ready,
/// its parcels numbered with SSCCs, or held with the reason.
public struct Shipping {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Creates the shipment of an order whose goods left the stock on `date`, checked as
    /// `ShipmentPlan` does, and returns it: ready with its parcels, or held with the reason.
    public func ship(shop: String, order: String, items: [ShipmentItem], to address: Address?, on date: CalendarDate,
                     settings: LogisticsSettings, batch: Int64) throws -> ShipmentOutcome {
        let plan = ShipmentPlan.make(items: items, address: address, settings: settings)
        let digits = String(try Counters.next(shop: shop, series: "SH", in: db))
        let id = "SH-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
        try db.cachedStatement(sql: """
            INSERT INTO shipments (shop, shipment_id, order_number, status, carrier, service, product_code, rule,
                                   rule_reason, hold_reason, parcels, weight_g, ship_name, ship_addition, ship_street,
                                   ship_zip, ship_city, ship_country, batch_id, shipped_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, id, order, plan.held == nil ? "ready" : "held", plan.choice?.rule.carrier ?? "-",
                     plan.choice?.rule.service, plan.choice?.rule.productCode, plan.choice?.rule.name, plan.choice?.reason,
                     plan.held, plan.parcels.count, plan.weightGrams, address?.name, address?.addition, address?.street,
                     address?.zip, address?.city, address?.country, batch, date.description)
        // Parcels are numbered (and labelled) only where there is an address to print.
        if plan.held == nil, address != nil {
            try addParcels(plan.parcels, shop: shop, shipment: id, settings: settings, batch: batch)
        }
        return ShipmentOutcome(id: id, held: plan.held)
    }

    /// Numbers the parcels of a shipment that is ready: each gets an SSCC drawn from the
    /// range of the shop's GS1 company prefix (one range for every shop under that prefix),
    /// so that no SSCC is drawn twice, also not after a rerun.
    func addParcels(_ parcels: [PlannedParcel], shop: String, shipment: String, settings: LogisticsSettings,
                            batch: Int64) throws {
        for (index, parcel) in parcels.enumerated() {
            var sscc: String?
            if let prefix = settings.gs1CompanyPrefix {
                let serial = try Counters.next(shop: "", series: "SSCC \(settings.ssccExtensionDigit)\(prefix)", in: db)
                guard let code = SSCC(extensionDigit: settings.ssccExtensionDigit, companyPrefix: prefix, serial: serial) else {
                    throw ShippingError("the SSCC range of GS1 company prefix \(prefix) is used up (serial \(serial)); "
                                        + "use another extension digit (sscc_extension_digit) or prefix")
                }
                sscc = code.digits
            }
            try db.cachedStatement(sql: """
                INSERT INTO parcels (shop, shipment_id, parcel, sscc, weight_g, batch_id) VALUES (?, ?, ?, ?, ?, ?)
                """).run(shop, shipment, index + 1, sscc, parcel.weightGrams, batch)
        }
    }

    /// Cancels the shipments and parcels created by `batch` (the parcels' SSCCs stay used).
    public func cancel(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: "UPDATE parcels SET cancelled_by = ? WHERE batch_id = ? AND cancelled_by IS NULL",
                       arguments: [reversal, batch])
        try db.execute(sql: """
            UPDATE shipments SET status = 'cancelled', cancelled_by = ? WHERE batch_id = ? AND status IN ('held', 'ready')
            """, arguments: [reversal, batch])
    }

    /// All shipments, by shop and id; of one status if given. The status is written into
    /// the statement, so that the held and returned ones are found through their partial
    /// indexes, at the cost of what is held, not of every shipment.
    public static func shipments(shop: String? = nil, status: ShipmentStatus? = nil, in db: Database) throws -> [Shipment] {
        let only = status.map { " AND status = '\($0.rawValue)'" } ?? ""
        let sql = shop == nil
            ? "SELECT * FROM shipments WHERE 1\(only) ORDER BY shop, id"
            : "SELECT * FROM shipments WHERE shop = ?\(only) ORDER BY id"
        return try Row.fetchAll(db, sql: sql, arguments: shop.map { [$0] } ?? []).map(Shipment.init(row:))
    }

    /// The shipment `id` of `shop`, if there is one.
    public func shipment(shop: String, id: String) throws -> Shipment? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM shipments WHERE shop = ? AND shipment_id = ?"),
                         arguments: [shop, id]).map(Shipment.init(row:))
    }

    /// The shipment whose parcel carries `sscc`, if there is one.
    public func shipment(shop: String, sscc: String) throws -> Shipment? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.* FROM parcels p JOIN shipments s ON s.shop = p.shop AND s.shipment_id = p.shipment_id
            WHERE p.sscc = ? AND p.shop = ?
            """), arguments: [sscc, shop]).map(Shipment.init(row:))
    }

    /// The day the goods of `order` left the stock (its first shipment that was not
    /// cancelled): the delivery date (Leistungsdatum) its invoice states.
    public func shippedOn(shop: String, order: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT shipped_on FROM shipments WHERE shop = ? AND order_number = ? AND status != 'cancelled' ORDER BY id LIMIT 1
            """), arguments: [shop, order])
    }

    /// The parcels of a shipment that count (not cancelled), in order.
    public func parcels(shop: String, shipment: String) throws -> [Parcel] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT parcel, sscc, weight_g FROM parcels WHERE shop = ? AND shipment_id = ? AND cancelled_by IS NULL ORDER BY parcel
            """), arguments: [shop, shipment]).map { Parcel(number: $0[0], sscc: $0[1], weightGrams: $0[2]) }
    }
}

extension Shipping {
    /// Hands the shipments a batch created to `body` in order, one at a time.
    public static func forEachShipment(batch: Int64, in db: Database,
                                       _ body: (_ shipment: String, _ order: String, _ held: String?) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT shipment_id, order_number, hold_reason, status FROM shipments WHERE batch_id = ? ORDER BY id
            """, arguments: [batch])
        while let row = try rows.next() {
            let status: String = row["status"]
            try body(row["shipment_id"], row["order_number"], status == "held" ? row["hold_reason"] : nil)
        }
    }
}

/// A problem of logistics that stops a batch: the files it concerns are not at fault.
public struct ShippingError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) { self.description = description }
}
