import KontorCore
import KontorInventory

/// A catalogue article: inserted or updated, and kept in the batch's cache.
struct ProductHandler: RecordHandler {
    let kind = RecordKind.product

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .product(let p) = record else { return }
        try context.inventory.upsert(p, shop: context.shop, batch: context.batch)
        context.articles[p.sku] = Article(sku: p.sku, name: p.name, priceGross: p.priceGross, vatRate: p.vatRate,
                                          weightGrams: p.weightGrams, reorderPoint: p.reorderPoint)
    }
}
