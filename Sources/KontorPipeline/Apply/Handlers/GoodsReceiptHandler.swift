import KontorCore
import KontorInventory

/// Goods received of a known article: added to the stock; the orders waiting for it are
/// released and ship, first come first served, as far as the stock now goes.
struct GoodsReceiptHandler: RecordHandler {
    let kind = RecordKind.goodsReceipt

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .goodsReceipt(let line) = record,
              try context.known(line.sku, at: line.location, log: &log) != nil,
              context.knownWarehouse(line.warehouse, at: line.location, log: &log) else { return }
        try context.inventory.receive(line, shop: context.shop, batch: context.batch)
        context.summary.stockMovements += 1
        try context.serveWaitingOrders(sku: line.sku, in: line.warehouse, log: &log)
    }
}
