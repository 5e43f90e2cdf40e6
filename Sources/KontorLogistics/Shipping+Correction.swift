import Foundation
import GRDB
import KontorCore

extension Shipping {
    /// Gives a held shipment a corrected address (a person's command) and checks it again:
    /// it becomes ready, its parcels numbered, or stays held with the reasons that remain.
    /// What it was before is kept in the event row, so that a rerun of `batch` restores it.
    public func correct(_ shipment: Shipment, address: Address, items: [ShipmentItem], on date: CalendarDate,
                        settings: LogisticsSettings, batch: Int64) throws -> ShipmentOutcome {
        guard shipment.status == .held else {
            throw ShippingError("shipment \(shipment.shipmentID) is \(shipment.status.rawValue), not held; only a held shipment's address can be corrected")
        }
        let plan = ShipmentPlan.make(items: items, address: address, settings: settings)
        let before = String(decoding: try JSONEncoder().encode(Before(shipment)), as: UTF8.self)
        let status: ShipmentStatus = plan.held == nil ? .ready : .held
        try db.execute(sql: """
            INSERT INTO shipment_events (shop, shipment_id, from_status, to_status, date, note, batch_id)
            VALUES (?, ?, 'held', ?, ?, ?, ?)
            """, arguments: [shipment.shop, shipment.shipmentID, status.rawValue, date.description, before, batch])
        try db.execute(sql: """
            UPDATE shipments SET status = ?, carrier = ?, service = ?, product_code = ?, rule = ?, rule_reason = ?,
                   hold_reason = ?, parcels = ?, weight_g = ?, ship_name = ?, ship_addition = ?, ship_street = ?,
                   ship_zip = ?, ship_city = ?, ship_country = ?
            WHERE shop = ? AND shipment_id = ?
            """, arguments: [status.rawValue, plan.choice?.rule.carrier ?? "-", plan.choice?.rule.service,
                             plan.choice?.rule.productCode, plan.choice?.rule.name, plan.choice?.reason, plan.held,
                             plan.parcels.count, plan.weightGrams, address.name, address.addition, address.street,
                             address.zip, address.city, address.country, shipment.shop, shipment.shipmentID])
        if plan.held == nil {
            try addParcels(plan.parcels, shop: shipment.shop, shipment: shipment.shipmentID, settings: settings, batch: batch)
        }
        return ShipmentOutcome(id: shipment.shipmentID, held: plan.held)
    }

    /// Restores a shipment corrected by a reversed batch from its event's record.
    func restore(shop: String, shipment: String, note: String?, reversal: Int64, batch: Int64) throws {
        guard let note, let before = try? JSONDecoder().decode(Before.self, from: Data(note.utf8)) else { return }
        try db.execute(sql: """
            UPDATE shipments SET status = 'held', carrier = ?, service = ?, product_code = ?, rule = ?, rule_reason = ?,
                   hold_reason = ?, parcels = ?, weight_g = ?, ship_name = ?, ship_addition = ?, ship_street = ?,
                   ship_zip = ?, ship_city = ?, ship_country = ?
            WHERE shop = ? AND shipment_id = ?
            """, arguments: [before.carrier, before.service, before.productCode, before.rule, before.ruleReason,
                             before.holdReason, before.parcels, before.weightGrams, before.address?.name,
                             before.address?.addition, before.address?.street, before.address?.zip, before.address?.city,
                             before.address?.country, shop, shipment])
        try db.execute(sql: """
            UPDATE parcels SET cancelled_by = ? WHERE shop = ? AND shipment_id = ? AND batch_id = ? AND cancelled_by IS NULL
            """, arguments: [reversal, shop, shipment, batch])
    }

    /// A held shipment as it was before a correction.
    private struct Before: Codable {
        var carrier: String
        var service, productCode, rule, ruleReason, holdReason: String?
        var parcels, weightGrams: Int
        var address: Address?

        init(_ s: Shipment) {
            (carrier, service, productCode, rule, ruleReason, holdReason) = (s.carrier, s.service, s.productCode, s.rule,
                                                                             s.ruleReason, s.holdReason)
            (parcels, weightGrams, address) = (s.parcels, s.weightGrams, s.shipTo)
        }
    }
}
