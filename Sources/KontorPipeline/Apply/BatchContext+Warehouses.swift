import KontorCore
import KontorInventory
import KontorOrders

extension BatchContext {
    /// The shop's warehouses in the order orders are served from them: as the settings list
    /// them, else the one default warehouse.
    var warehouses: [String] { settings.warehouses ?? [defaultWarehouse] }

    /// Where a new order placed on `date` takes each article from: of the shop's warehouses,
    /// in their order, the first that has the quantity free for it (first come first served,
    /// as `Inventory.isFree` counts), else the first. Empty for a shop with one warehouse:
    /// everything comes from the default one, and nothing is read for it.
    func place(_ quantities: [String: Int], placedOn date: CalendarDate) throws -> [String: String] {
        guard let listed = settings.warehouses, let first = listed.first,
              listed.count > 1 || first != defaultWarehouse else { return [:] }
        var places: [String: String] = [:]
        for (sku, quantity) in quantities {
            places[sku] = first
            for warehouse in listed where try inventory.isFree(shop: shop, quantities: [sku: quantity], placedOn: date,
                                                                 in: [sku: warehouse]) {
                places[sku] = warehouse
                break
            }
        }
        return places
    }

    /// Where the shop has more than one warehouse: the orders waiting for `sku` in another
    /// warehouse, first come first served, whose quantity `warehouse` now has free for them,
    /// move their reservation there, so that goods arriving anywhere serve the queue.
    func relocateWaitingOrders(sku: String, to warehouse: String) throws {
        guard let listed = settings.warehouses, listed.count > 1 else { return }
        for other in listed where other != warehouse {
            for number in try inventory.queue(shop: shop, sku: sku, warehouse: other) {
                guard let order = try orders.order(shop: shop, number: number), order.status == .awaitingStock,
                      let held = try inventory.reservedIn(shop: shop, order: number)[sku], held.warehouse == other,
                      try !inventory.shortfall(shop: shop, order: number).isEmpty,
                      let placed = try inventory.queuedOn(shop: shop, order: number, sku: sku),
                      try inventory.isFree(shop: shop, quantities: [sku: held.quantity], placedOn: placed, in: [sku: warehouse])
                else { continue }
                try inventory.relocate(shop: shop, order: number, sku: sku, to: warehouse, batch: batch)
            }
        }
    }

    /// Whether `name` is a warehouse of the shop; false, with an error in `log`, for a name
    /// the settings do not list. Without a list in the settings every name is taken.
    func knownWarehouse(_ name: String, at location: SourceLocation, log: inout DiagnosticLog) -> Bool {
        guard let listed = settings.warehouses, !listed.contains(name) else { return true }
        log.append(Diagnostic("warehouse.unknown",
                              "warehouse \"\(name)\" is not one of the shop's warehouses (\(listed.joined(separator: ", ")))",
                              de: "Lager \"\(name)\" ist keines der Lager des Shops (\(listed.joined(separator: ", ")))",
                              hint: "Check the warehouse's name, or add it to warehouses in kontor.toml.", at: location))
        return false
    }
}
