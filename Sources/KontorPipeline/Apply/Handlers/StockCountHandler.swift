import KontorCore
import KontorInventory

/// A counted quantity of a known article: on-hand is set to it.
struct StockCountHandler: RecordHandler {
    let kind = RecordKind.stockCount

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .stockCount(let line) = record,
              try context.known(line.sku, at: line.location, log: &log) != nil else { return }
        try context.inventory.count(line, shop: context.shop, batch: context.batch)
        context.summary.stockMovements += 1
    }
}
