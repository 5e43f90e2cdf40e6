import KontorCore
import KontorInventory
import KontorOrders

/// A catalogue article: inserted or updated, and kept in the batch's cache; orders held for
/// want of it (or of its rate) are released. An article given
/// twice in one file is an error naming both places: Kontor would not know which to take.
struct ProductHandler: RecordHandler {
    let kind = RecordKind.product

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .product(let p) = record else { return }
        if let first = context.productsSeen[p.sku] {
            log.append(Diagnostic("product.duplicate", "article \"\(p.sku)\" is in the file twice: \(first) and \(p.location)",
                                  de: "Artikel \"\(p.sku)\" steht zweimal in der Datei: \(first) und \(p.location)",
                                  hint: "Keep one line per article; Kontor would not know which to take.", at: p.location))
            return
        }
        context.productsSeen[p.sku] = p.location
        try context.inventory.upsert(p, shop: context.shop, batch: context.batch)
        context.articles[p.sku] = Article(sku: p.sku, name: p.name, priceGross: p.priceGross, vatRate: p.vatRate,
                                          weightGrams: p.weightGrams, reorderPoint: p.reorderPoint)
        try context.releaseWaiting(for: .article, of: p.sku, because: "article \(p.sku) is now in the catalogue", log: &log)
        try context.releaseWaiting(for: .rate, of: p.sku, because: "article \(p.sku) is now at \(p.vatRate.percent) % VAT", log: &log)
    }
}
