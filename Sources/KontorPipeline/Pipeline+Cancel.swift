import GRDB
import KontorCore
import KontorLogistics
import KontorOrders
import KontorStore

extension Pipeline {
    /// Cancels an order by hand (`kontor cancel ORDER --note ...`), as a command batch: its
    /// reservations end, an invoice it carries gets a cancellation invoice, and the batch
    /// names the operator and the note; `kontor revert` takes it back. An order that was
    /// shipped, is cancelled already or does not exist is refused before any batch opens.
    public func cancel(order number: String, shop: String?, note: String) throws -> RunReport.Line {
        let shop = try shop ?? shopHolding(order: number)
        let (entry, parcelBack) = try openDatabase().writer.read { db in
            (try OrderBook(db).order(shop: shop, number: number),
             try Shipping(db).returnedShipment(shop: shop, order: number) != nil)
        }
        guard let entry else {
            throw CommandRefused("cancel.unknown", "shop \(shop) has no order \(number); check the number",
                                 de: "Shop \(shop) hat keine Bestellung \(number)")
        }
        // An order whose parcel came back is cancelled by correcting its invoice.
        if !(entry.status == .returned && parcelBack), let refusal = BatchContext.cancelRefusal(entry) { throw refusal }
        return try runCommand(shop: shop, command: "cancel \(number)", note: note) { context, _ in
            guard let entry = try context.orders.order(shop: shop, number: number) else {
                throw CommandRefused("cancel.unknown", "shop \(shop) has no order \(number)",
                                     de: "Shop \(shop) hat keine Bestellung \(number)")
            }
            if let refusal = try context.cancel(entry, reason: note) { throw refusal }
        }
    }
}
