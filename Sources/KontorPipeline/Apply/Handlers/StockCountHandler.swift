import KontorCore
import KontorInventory

/// A counted quantity of a known article: on-hand is set to it.
struct StockCountHandler: RecordHandler {
    let kind = RecordKind.stockCount

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .stockCount(let line) = record,
              try context.known(line.sku, at: line.location, log: &log) != nil else { return }
        if try context.inventory.count(line, shop: context.shop, batch: context.batch) > 0 {
            try context.serveWaitingOrders(sku: line.sku, log: &log)
        }
        context.summary.stockMovements += 1
    }
}
