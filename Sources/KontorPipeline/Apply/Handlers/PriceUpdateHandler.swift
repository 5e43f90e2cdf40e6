import KontorCore
import KontorInventory

/// A new price of a known article.
struct PriceUpdateHandler: RecordHandler {
    let kind = RecordKind.priceUpdate

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .priceUpdate(let update) = record,
              try context.known(update.sku, at: update.location, log: &log) != nil else { return }
        try context.inventory.updatePrice(update, shop: context.shop, batch: context.batch)
        context.articles[update.sku] = nil
    }
}
