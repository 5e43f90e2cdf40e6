import KontorCore
import KontorInventory
import KontorLogistics
import KontorOrders

/// What a carrier's tracking says of a parcel: handed over (with its tracking number),
/// delivered (the order becomes delivered), or come back refused or undeliverable (its
/// goods go back into stock, the order becomes returned and is listed for a person to
/// decide: ship again, or correct the invoice). An event that names no shipment of the
/// shop, or cannot apply, is a warning; the rest of the file is booked.
struct TrackingHandler: RecordHandler {
    let kind = RecordKind.tracking

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .tracking(let event) = record else { return }
        let shop = context.shop
        let named = event.shipment ?? event.sscc.map { "SSCC \($0)" } ?? "?"
        let found = if let id = event.shipment { try context.shipping.shipment(shop: shop, id: id) }
                    else if let sscc = event.sscc { try context.shipping.shipment(shop: shop, sscc: sscc) }
                    else { nil as Shipment? }
        guard let shipment = found else {
            refuse("tracking.unknown", "\(named) is not a shipment of this shop",
                   de: "\(named) ist keine Sendung dieses Shops", hint: "Check the shipment reference or SSCC.",
                   event: event, in: &context, log: &log)
            return
        }
        let status: ShipmentStatus = switch event.status {
        case .shipped: .shipped
        case .delivered: .delivered
        case .returned: .returned
        }
        let result = try context.shipping.track(shipment, to: status, on: event.date, trackingNumber: event.trackingNumber,
                                                reason: event.reason, batch: context.batch)
        switch result {
        case .unchanged:
            return
        case .refused(let why):
            refuse("tracking.state", why, de: why, hint: nil, event: event, in: &context, log: &log)
            return
        case .moved:
            break
        }
        let id = shipment.shipmentID
        context.summary.tracked.append("\(id) (order \(shipment.orderNumber)): \(status.rawValue) \(event.date)"
                                       + (event.trackingNumber.map { ", \($0)" } ?? "") + (event.reason.map { ", \($0)" } ?? ""))
        guard status != .shipped, let order = try context.orders.order(shop: shop, number: shipment.orderNumber) else { return }
        if status == .delivered {
            if order.status == .shipped {
                try context.orders.move(order, to: .delivered, cause: "delivered \(event.date) (\(id))", batch: context.batch)
            }
            return
        }
        // Came back: every unit still with the customer goes back on the shelf, once.
        if try context.orders.shipsInParts(order: order.id) {
            refuse("tracking.in-parts",
                   "shipment \(id) of order \(order.orderNumber), which went out in parts, came back; Kontor does not yet take back a delivery of such an order",
                   de: "Sendung \(id) der in Teilen gelieferten Bestellung \(order.orderNumber) kam zurück; Kontor bucht die Rücknahme einer solchen Lieferung noch nicht",
                   hint: "Count the goods back in with a stock count and correct the delivery's invoice by hand.",
                   event: event, in: &context, log: &log)
            return
        }
        guard let stored = try context.orders.stored(order) else { return }
        var quantities: [String: Int] = [:]
        for line in stored.lines { quantities[line.sku, default: 0] += line.quantity }
        for (sku, _) in quantities.sorted(by: { $0.key < $1.key }) {
            let booked = try context.orders.article(order: order.id, sku: sku)
            guard booked.open > 0 else { continue }
            try context.inventory.restock(ReturnLine(orderNumber: order.orderNumber, sku: sku, quantity: booked.open,
                                                     reason: event.reason ?? "parcel came back", location: event.location),
                                          shop: shop, batch: context.batch)
            try context.orders.addReturn(order: order.id, sku: sku, quantity: booked.open, batch: context.batch)
            context.summary.stockMovements += 1
        }
        if order.status == .shipped || order.status == .delivered {
            try context.orders.move(order, to: .returned,
                                    cause: "parcel came back \(event.date) (\(id)\(event.reason.map { ": \($0)" } ?? ""))",
                                    batch: context.batch)
        }
    }

    private func refuse(_ code: String, _ message: String, de: String, hint: String?, event: TrackingEvent,
                        in context: inout BatchContext, log: inout DiagnosticLog) {
        context.summary.refused.append(.init(place: event.location.description, reason: message))
        log.append(Diagnostic(code, message, de: de, hint: hint, at: event.location, severity: .warning))
    }
}
