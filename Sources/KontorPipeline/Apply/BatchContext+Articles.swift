import KontorCore
import KontorInventory

extension BatchContext {
    /// The article with `sku`, from the batch's cache or the catalogue; an unknown article
    /// is an error at `location`, and nil.
    mutating func known(_ sku: String, at location: SourceLocation, log: inout DiagnosticLog) throws -> Article? {
        if let article = try article(sku) { return article }
        log.append(Diagnostic("article.unknown", "article \"\(sku)\" is not in the catalogue",
                              de: "Artikel \"\(sku)\" ist nicht im Artikelstamm",
                              hint: "Check the article number, or send a products file with this article first.",
                              at: location))
        return nil
    }

    /// The article with `sku`, from the batch's cache or the catalogue, or nil.
    mutating func article(_ sku: String) throws -> Article? {
        if let article = articles[sku] { return article }
        guard let article = try inventory.article(shop: shop, sku: sku) else { return nil }
        articles[sku] = article
        return article
    }
}
