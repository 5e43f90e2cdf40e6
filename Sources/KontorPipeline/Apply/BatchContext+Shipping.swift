import GRDB
import KontorCore
import KontorInventory
import KontorLogistics
import KontorOrders

extension BatchContext {
    /// Creates the shipment of an order whose goods left the stock on `date`: checked
    /// (address, carrier, customs, parcel weights) and ready, or held with the reason.
    mutating func createShipment(_ order: String, lines: [BookedLine], to address: Address?,
                                 on date: CalendarDate) throws -> ShipmentOutcome {
        let outcome = try shipping.ship(shop: shop, order: order, items: try shipmentItems(lines), to: address, on: date,
                                        settings: settings.logistics, batch: batch)
        summary.shipments.append("\(outcome.id) (order \(order))" + (outcome.held.map { ", held: \($0)" } ?? ""))
        return outcome
    }

    /// The articles of an order's lines as logistics needs them, from the batch's cache of
    /// the catalogue: an article on two lines once, its quantities summed.
    mutating func shipmentItems(_ lines: [BookedLine]) throws -> [ShipmentItem] {
        var items: [ShipmentItem] = []
        var index: [String: Int] = [:]
        for line in lines {
            if let at = index[line.sku] {
                items[at].quantity += line.quantity
                items[at].valueMinor += line.charged
                continue
            }
            let article = try article(line.sku)
            index[line.sku] = items.count
            items.append(ShipmentItem(sku: line.sku, name: article?.name ?? line.sku, quantity: line.quantity,
                                      unitGrams: article?.weightGrams ?? 0, tariffNumber: article?.tariffNumber,
                                      originCountry: article?.originCountry, valueMinor: line.charged))
        }
        return items
    }

    /// The day the batch was received, for records that carry no date of their own.
    mutating func receivedDate() throws -> CalendarDate {
        if let receivedOn { return receivedOn }
        let received = try String.fetchOne(db, sql: "SELECT received_at FROM batches WHERE id = ?", arguments: [batch]) ?? ""
        let date = CalendarDate(parsing: received) ?? CalendarDate(year: 2025, month: 1, day: 1)!
        receivedOn = date
        return date
    }
}

extension BatchContext {
    /// Releases the orders that wait for stock and hold goods of `sku` reserved, first come
    /// first served: each in turn whose goods are now there for it (the orders before it keep
    /// their claim, `Inventory.canShip`) is invoiced and ships, on the day the batch was
    /// received; where the shop allows deliveries in parts (`ship_complete = false`), each in
    /// turn of which some goods are there ships those. Held orders and orders awaiting
    /// payment keep waiting.
    mutating func serveWaitingOrders(sku: String, in warehouse: String, log: inout DiagnosticLog) throws {
        var date: CalendarDate?
        let inParts = !settings.shipComplete && settings.invoiceIssuer == .kontor
        try relocateWaitingOrders(sku: sku, to: warehouse)
        for number in try inventory.queue(shop: shop, sku: sku, warehouse: warehouse) {
            guard let order = try orders.order(shop: shop, number: number), order.status == .awaitingStock else { continue }
            guard try inventory.canShip(shop: shop, order: number)
                    || inParts && !(try inventory.available(shop: shop, order: number).isEmpty) else { continue }
            if date == nil { date = try receivedDate() }
            guard let date, try dispatch(order, on: date, because: "goods of \(sku) arrived", log: &log) else { continue }
            summary.released.append(.init(order: number, customer: order.customerKey, reason: "goods of \(sku) arrived"))
        }
    }
}
