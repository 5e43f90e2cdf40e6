import KontorCore
import KontorInventory
import KontorOrders

/// A catalogue article: inserted or updated, and kept in the batch's cache; orders held for
/// want of it (or of its rate) are released. A catalogue that gives no VAT rate for an
/// article books it at the article's current rate, else at the shop's `default_vat_rate`,
/// with a warning naming the rate taken. An article given
/// twice in one file is an error naming both places: Kontor would not know which to take.
struct ProductHandler: RecordHandler {
    let kind = RecordKind.product

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .product(var p) = record else { return }
        if let first = context.productsSeen[p.sku] {
            log.append(Diagnostic("product.duplicate", "article \"\(p.sku)\" is in the file twice: \(first) and \(p.location)",
                                  de: "Artikel \"\(p.sku)\" steht zweimal in der Datei: \(first) und \(p.location)",
                                  hint: "Keep one line per article; Kontor would not know which to take.", at: p.location))
            return
        }
        context.productsSeen[p.sku] = p.location
        if !p.vatRateStated { try takeRate(&p, in: &context, log: &log) }
        try context.inventory.upsert(p, shop: context.shop, batch: context.batch)
        context.articles[p.sku] = Article(sku: p.sku, name: p.name, priceGross: p.priceGross, vatRate: p.vatRate,
                                          weightGrams: p.weightGrams, reorderPoint: p.reorderPoint)
        try context.releaseWaiting(for: .article, of: p.sku, because: "article \(p.sku) is now in the catalogue", log: &log)
        try context.releaseWaiting(for: .rate, of: p.sku, because: "article \(p.sku) is now at \(p.vatRate.percent) % VAT", log: &log)
    }
}

extension ProductHandler {
    /// Gives an article whose file stated no VAT rate the rate it has in the books, else the
    /// shop's default, and makes a net price gross at it.
    func takeRate(_ p: inout Product, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        let current = try context.article(p.sku)?.vatRate
        p.vatRate = current ?? context.settings.defaultVATRate
        if let net = p.netPrice { p.priceGross = net.gross(at: p.vatRate) }
        let source = current == nil ? "the shop's default_vat_rate" : "its current rate"
        let sourceDE = current == nil ? "dem default_vat_rate des Shops" : "seinem bisherigen Satz"
        log.append(Diagnostic("product.rate-taken",
                              "article \(p.sku) has no VAT rate in the file: booked at \(p.vatRate.percent) %, \(source), gross \(Money.decimalString(p.priceGross))",
                              de: "Artikel \(p.sku) hat in der Datei keinen Umsatzsteuersatz: gebucht zu \(p.vatRate.percent) %, \(sourceDE), brutto \(Money.decimalString(p.priceGross))",
                              hint: "Check the rate; a products file or catalogue with the rate corrects it.",
                              at: p.location, severity: .warning))
    }
}
