import KontorCore
import KontorInventory

/// Goods moved between two of the shop's warehouses: out of one at their average cost and
/// into the other at the same value. Only goods that are free may move: what orders hold
/// reserved stays. The orders waiting for the article are served from the goods moved in.
struct TransferHandler: RecordHandler {
    let kind = RecordKind.transfer

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .transfer(let line) = record,
              try context.known(line.sku, at: line.location, log: &log) != nil,
              context.knownWarehouse(line.from, at: line.location, log: &log),
              context.knownWarehouse(line.to, at: line.location, log: &log) else { return }
        let stock = try context.inventory.balance(shop: context.shop, sku: line.sku, warehouse: line.from)
        let free = max(0, stock.onHand - max(0, stock.reserved))
        guard line.quantity <= free else {
            log.append(Diagnostic("transfer.too-many",
                                  "\(line.quantity) of \(line.sku) cannot leave \(line.from): \(stock.onHand) on hand, \(max(0, stock.reserved)) of them reserved, \(free) free",
                                  de: "\(line.quantity) von \(line.sku) können \(line.from) nicht verlassen: \(stock.onHand) am Lager, davon \(max(0, stock.reserved)) reserviert, \(free) frei",
                                  hint: "Move at most what is free; count the warehouse first if its stock is not what the books say.",
                                  at: line.location))
            return
        }
        try context.inventory.transfer(line, shop: context.shop, batch: context.batch)
        context.summary.stockMovements += 2
        try context.serveWaitingOrders(sku: line.sku, in: line.to, log: &log)
    }
}
