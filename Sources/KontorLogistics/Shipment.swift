import GRDB
import KontorCore

/// Where a shipment is.
public enum ShipmentStatus: String, Sendable, Codable, CaseIterable {
    /// No label may be printed yet: the address, the carrier, customs data or a parcel's
    /// weight needs a person (`hold_reason`).
    case held
    /// Labelled, waiting for the carrier.
    case ready
    /// Handed to the carrier (tracking).
    case shipped
    /// Delivered to the customer (tracking).
    case delivered
    /// Came back refused or undeliverable (tracking); its goods are back in stock.
    case returned
    /// Its batch was reversed.
    case cancelled
}

/// A shipment as listed.
public struct Shipment: Sendable, Equatable {
    public var shop: String
    public var shipmentID: String
    public var orderNumber: String
    public var status: ShipmentStatus
    public var carrier: String
    public var service: String?
    public var productCode: String?
    /// The carrier rule that chose the carrier, and why.
    public var rule: String?
    public var ruleReason: String?
    /// Why it is held.
    public var holdReason: String?
    public var parcels: Int
    public var weightGrams: Int
    public var shipTo: Address?
    /// The day its goods left the stock, the order's delivery date (nil for shipments made
    /// before Kontor kept it).
    public var shippedOn: String?
    public var trackingNumber: String?
    public var handedOverOn: String?
    public var deliveredOn: String?
    public var returnedOn: String?
    public var returnedReason: String?
    /// The batch that created it.
    public var batch: Int64

    init(row: Row) {
        let name: String? = row["ship_name"]
        shop = row["shop"]
        shipmentID = row["shipment_id"]
        orderNumber = row["order_number"]
        status = ShipmentStatus(rawValue: row["status"]) ?? .cancelled
        carrier = row["carrier"]
        service = row["service"]
        productCode = row["product_code"]
        rule = row["rule"]
        ruleReason = row["rule_reason"]
        holdReason = row["hold_reason"]
        parcels = row["parcels"]
        weightGrams = row["weight_g"]
        shipTo = name.map {
            Address(name: $0, addition: row["ship_addition"], street: row["ship_street"] ?? "", zip: row["ship_zip"] ?? "",
                    city: row["ship_city"] ?? "", country: row["ship_country"] ?? "DE")
        }
        shippedOn = row["shipped_on"]
        trackingNumber = row["tracking_number"]
        handedOverOn = row["handed_over_on"]
        deliveredOn = row["delivered_on"]
        returnedOn = row["returned_on"]
        returnedReason = row["returned_reason"]
        batch = row["batch_id"]
    }
}

/// A parcel of a shipment: its number within the shipment, its SSCC (none without a GS1
/// company prefix), its weight with packaging.
public struct Parcel: Sendable, Equatable {
    public var number: Int
    public var sscc: String?
    public var weightGrams: Int
}
