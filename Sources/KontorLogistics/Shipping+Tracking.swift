import GRDB
import KontorCore

/// What a carrier's tracking event did to a shipment.
public enum TrackingResult: Sendable, Equatable {
    /// The shipment moved from one status to the other.
    case moved(from: ShipmentStatus, to: ShipmentStatus)
    /// The shipment was already there (the same event sent twice); nothing changed.
    case unchanged
    /// The event cannot apply; the text says why and what to do.
    case refused(String)
}

extension Shipping {
    /// Applies a carrier's tracking event on `date` to `shipment`: handed over (`shipped`,
    /// with its tracking number), `delivered`, or `returned` (refused or undeliverable).
    /// Every move is an event row of `batch`, which a rerun reverses.
    public func track(_ shipment: Shipment, to status: ShipmentStatus, on date: CalendarDate, trackingNumber: String?,
                      reason: String?, batch: Int64) throws -> TrackingResult {
        let from = shipment.status
        if from == status { return .unchanged }
        switch (from, status) {
        case (.held, _):
            return .refused("shipment \(shipment.shipmentID) is held (\(shipment.holdReason ?? "see kontor shipments")); it has no label yet")
        case (.cancelled, _):
            return .refused("shipment \(shipment.shipmentID) was cancelled by a rerun; send tracking for the shipment that replaced it")
        case (.delivered, _):
            return .refused("""
                shipment \(shipment.shipmentID) was delivered on \(shipment.deliveredOn ?? "?"); \
                goods a customer sends back come as a returns file
                """)
        case (.returned, _):
            return .refused("shipment \(shipment.shipmentID) came back on \(shipment.returnedOn ?? "?"); ship the order anew")
        case (.shipped, .shipped), (_, .held), (_, .ready), (_, .cancelled):
            return .unchanged
        case (.ready, _), (.shipped, _):
            break
        }
        let column = switch status {
        case .shipped: "handed_over_on"
        case .delivered: "delivered_on"
        default: "returned_on"
        }
        try db.execute(sql: """
            INSERT INTO shipment_events (shop, shipment_id, from_status, to_status, date, tracking_number,
                                         previous_tracking_number, note, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [shipment.shop, shipment.shipmentID, from.rawValue, status.rawValue, date.description,
                             trackingNumber, shipment.trackingNumber, reason, batch])
        try db.execute(sql: """
            UPDATE shipments SET status = ?, \(column) = ?, tracking_number = coalesce(?, tracking_number),
                   returned_reason = CASE WHEN ? = 'returned' THEN ? ELSE returned_reason END
            WHERE shop = ? AND shipment_id = ?
            """, arguments: [status.rawValue, date.description, trackingNumber, status.rawValue, reason,
                             shipment.shop, shipment.shipmentID])
        return .moved(from: from, to: status)
    }

    /// Reverses the tracking events of `batch`, newest first: each shipment goes back to
    /// the status and tracking number it had, the event's date cleared.
    public func reverseEvents(batch: Int64, by reversal: Int64) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, shop, shipment_id, from_status, to_status, previous_tracking_number, note FROM shipment_events
            WHERE batch_id = ? AND reversed_by IS NULL ORDER BY id DESC
            """, arguments: [batch])
        for row in rows {
            let to: String = row["to_status"]
            try db.execute(sql: "UPDATE shipment_events SET reversed_by = ? WHERE id = ?", arguments: [reversal, row["id"]])
            if to == "cancelled" {
                try db.execute(sql: "UPDATE shipments SET status = ?, cancelled_by = NULL WHERE shop = ? AND shipment_id = ?",
                               arguments: [row["from_status"], row["shop"], row["shipment_id"]])
                continue
            }
            if row["from_status"] == "held" {
                try restore(shop: row["shop"], shipment: row["shipment_id"], note: row["note"], reversal: reversal, batch: batch)
                continue
            }
            let column = switch to {
            case "shipped": "handed_over_on = NULL"
            case "delivered": "delivered_on = NULL"
            case "returned": "returned_on = NULL, returned_reason = NULL"
            default: "returned_reason = returned_reason"
            }
            try db.execute(sql: """
                UPDATE shipments SET status = ?, tracking_number = ?, \(column) WHERE shop = ? AND shipment_id = ?
                """, arguments: [row["from_status"], row["previous_tracking_number"], row["shop"], row["shipment_id"]])
        }
    }

    /// Cancels the held shipment of an order that is cancelled before a label existed, and
    /// returns whether there was one: its goods, picked but never sent, go back to stock
    /// (the caller's part). An event row of `batch`, which a rerun reverses.
    public func cancelHeld(shop: String, order: String, on date: CalendarDate, batch: Int64) throws -> Bool {
        guard let id = try String.fetchOne(db, sql: """
            SELECT shipment_id FROM shipments WHERE shop = ? AND order_number = ? AND status = 'held'
            """, arguments: [shop, order]) else { return false }
        try db.execute(sql: """
            INSERT INTO shipment_events (shop, shipment_id, from_status, to_status, date, batch_id)
            VALUES (?, ?, 'held', 'cancelled', ?, ?)
            """, arguments: [shop, id, date.description, batch])
        try db.execute(sql: "UPDATE shipments SET status = 'cancelled', cancelled_by = ? WHERE shop = ? AND shipment_id = ?",
                       arguments: [batch, shop, id])
        return true
    }

    /// The shipment of `order` that came back (refused, undeliverable) and waits for a
    /// person's decision, if there is one.
    public func returnedShipment(shop: String, order: String) throws -> Shipment? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM shipments WHERE shop = ? AND order_number = ? AND status = 'returned' ORDER BY id LIMIT 1
            """), arguments: [shop, order]).map(Shipment.init(row:))
    }

    /// Closes a shipment that came back once the person decided (the order cancelled, its
    /// invoice corrected): it leaves the list of parcels returned. An event row of `batch`,
    /// which a rerun reverses.
    public func settleReturned(_ shipment: Shipment, on date: CalendarDate, batch: Int64) throws {
        try db.execute(sql: """
            INSERT INTO shipment_events (shop, shipment_id, from_status, to_status, date, note, batch_id)
            VALUES (?, ?, 'returned', 'cancelled', ?, 'order cancelled after the parcel came back', ?)
            """, arguments: [shipment.shop, shipment.shipmentID, date.description, batch])
        try db.execute(sql: "UPDATE shipments SET status = 'cancelled', cancelled_by = ? WHERE shop = ? AND shipment_id = ?",
                       arguments: [batch, shipment.shop, shipment.shipmentID])
    }
}
