import GRDB
import KontorCore
import KontorInventory
import KontorLogistics

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
