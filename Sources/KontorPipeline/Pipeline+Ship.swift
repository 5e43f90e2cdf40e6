import GRDB
import KontorCore
import KontorLogistics
import KontorOrders
import KontorStore

extension Pipeline {
    /// Corrects the address of a held shipment by hand (`kontor ship SH-00001 --street ...
    /// --note ...`), as a command batch: the fields given replace the shipment's, the
    /// shipment is checked again, and once it passes it is ready, its parcels get their
    /// SSCCs, its labels are printed after the run, and its order becomes shipped.
    public func correctShipment(_ id: String, shop: String?, change: AddressChange, note: String) throws -> RunReport.Line {
        let shop = try shop ?? shopHolding(shipment: id)
        return try runCommand(shop: shop, command: "ship \(id)", note: note) { context, log in
            guard let shipment = try context.shipping.shipment(shop: shop, id: id) else {
                throw CommandRefused("ship.unknown", "shop \(shop) has no shipment \(id)", de: "Shop \(shop) hat keine Sendung \(id)")
            }
            guard shipment.status == .held else {
                throw CommandRefused("ship.not-held", "shipment \(id) is \(shipment.status.rawValue), not held; only a held shipment is corrected",
                                     de: "Sendung \(id) ist \(shipment.status.rawValue), nicht angehalten; nur angehaltene Sendungen werden korrigiert")
            }
            guard let order = try context.orders.order(shop: shop, number: shipment.orderNumber),
                  let stored = try context.orders.stored(order) else {
                throw CommandRefused("ship.order", "the order of shipment \(id) is not in the books", de: "Die Bestellung der Sendung \(id) ist nicht gebucht")
            }
            let address = change.applied(to: shipment.shipTo)
            // A delivery of an order that ships in parts carries that delivery's lines.
            let lines = try context.orders.delivery(order: order.id, shipment: id)?.lines ?? stored.lines
            let outcome = try context.shipping.correct(shipment, address: address, items: try context.shipmentItems(lines),
                                                       on: try context.receivedDate(), settings: context.settings.logistics,
                                                       batch: context.batch)
            if let held = outcome.held {
                throw CommandRefused("ship.still-held", "shipment \(id) is still held: \(held)",
                                     de: "Sendung \(id) bleibt angehalten: \(held)")
            }
            context.summary.shipments.append("\(id) (order \(order.orderNumber)), corrected")
            if order.status == .invoiced {
                try context.orders.move(order, to: .shipped, cause: "shipment \(id), address corrected by hand: \(note)",
                                        batch: context.batch)
            }
        }
    }

    /// The one shop with a shipment `id`.
    func shopHolding(shipment id: String) throws -> String {
        let shops = try openDatabase().writer.read { db in
            try String.fetchAll(db, sql: "SELECT shop FROM shipments WHERE shipment_id = ?", arguments: [id])
        }
        guard shops.count == 1, let shop = shops.first else {
            throw RerunRefused(description: shops.isEmpty
                ? "no shop has a shipment \(id); check the number"
                : "shops \(shops.joined(separator: ", ")) each have a shipment \(id); name one with --shop")
        }
        return shop
    }
}

/// The fields of an address a person corrects; those not given stay as they were.
public struct AddressChange: Sendable, Equatable {
    public var name, addition, street, zip, city, country: String?

    public init(name: String? = nil, addition: String? = nil, street: String? = nil, zip: String? = nil,
                city: String? = nil, country: String? = nil) {
        (self.name, self.addition, self.street, self.zip, self.city, self.country) = (name, addition, street, zip, city, country)
    }

    /// `address` with the given fields replaced (an empty addition removes it).
    func applied(to address: Address?) -> Address {
        var a = address ?? Address(name: "", street: "", zip: "", city: "", country: "DE")
        if let name { a.name = name }
        if let addition { a.addition = addition.isEmpty ? nil : addition }
        if let street { a.street = street }
        if let zip { a.zip = zip }
        if let city { a.city = city }
        if let country { a.country = country.uppercased() }
        return a
    }
}
