import GRDB
import KontorCore
import KontorInventory
import KontorLogistics
import KontorOrders

extension BatchContext {
    /// Ships an order that waited: its reserved goods leave the stock and a shipment is created.
    mutating func ship(_ order: String, weight: Int, to address: Address?) throws {
        try inventory.issue(shop: shop, order: order, batch: batch)
        try createShipment(order, weight: weight, to: address)
    }

    /// Creates the shipment of an order whose goods left the stock.
    mutating func createShipment(_ order: String, weight: Int, to address: Address?) throws {
        let id = try shipping.ship(shop: shop, order: order, weightGrams: weight, to: address, batch: batch)
        summary.shipments.append("\(id) (order \(order))")
    }

    /// The day the batch was received, for records that carry no date of their own.
    func receivedDate() throws -> CalendarDate {
        let received = try String.fetchOne(db, sql: "SELECT received_at FROM batches WHERE id = ?", arguments: [batch]) ?? ""
        return CalendarDate(parsing: received) ?? CalendarDate(year: 2025, month: 1, day: 1)!
    }
}

extension BatchContext {
    /// Ships the orders that wait for stock and hold goods of `sku` reserved, first come first
    /// served: each in turn whose goods are now there for it (the orders before it keep their
    /// claim, `Inventory.canShip`). Held orders and orders awaiting payment keep waiting.
    mutating func serveWaitingOrders(sku: String) throws {
        for number in try inventory.queue(shop: shop, sku: sku) {
            guard let order = try orders.order(shop: shop, number: number), order.status == .awaitingStock,
                  try inventory.canShip(shop: shop, order: number) else { continue }
            try ship(number, weight: order.weightGrams, to: order.shipTo)
            try orders.move(order, to: .shipped, batch: batch)
        }
    }
}
