import KontorCore

extension ShopwareOrdersJSON {
    /// An article line as read, and the discounts taken off it.
    private struct ArticleLine {
        var sku: String
        var quantity: Int
        var total: Int
        var discount = 0
        var rate: VATRate
        var location: SourceLocation
    }

    /// A discount's amount (negative) at one VAT rate, or over all articles when `rate` is nil.
    private struct Discount {
        var node: ShopJSONNode
        var label: String
        var rate: VATRate?
        var amount: Int
    }

    /// The order lines of `lineItems`, each with the discounts it bears as its line discount;
    /// nil when an error is in `problems`.
    func lines(_ items: [ShopJSONNode], taxFree: Bool, problems: inout [Diagnostic]) -> [OrderLine]? {
        let before = problems.count
        var articles: [ArticleLine] = []
        var discounts: [Discount] = []
        for item in items {
            let label = item["label"].text ?? item.positionLabel
            let type = item["type"].text?.lowercased() ?? "product"
            let sku = item["payload"]["productNumber"].text
            let totalNode = item["totalPrice"].isAbsent ? item["price"]["totalPrice"] : item["totalPrice"]
            if sku == nil, ["promotion", "credit", "discount"].contains(type) {
                guard let total = totalNode.money(required: true, problems: &problems) else { continue }
                let parts = taxFree ? [] : item["price"]["calculatedTaxes"].elements ?? []
                if parts.isEmpty { discounts.append(Discount(node: item, label: label, rate: nil, amount: total)) }
                for part in parts {
                    guard let rate = vatRate(part["taxRate"], label: label, problems: &problems),
                          let amount = part["price"].money(required: true, problems: &problems) else { continue }
                    discounts.append(Discount(node: part, label: label, rate: rate, amount: amount))
                }
                continue
            }
            guard let sku else {
                let what = type == "product" ? "" : " of type \"\(type)\""
                problems.append(item["payload"]["productNumber"].problem(
                    "order.line-without-sku", "line item \"\(label)\"\(what) has no product number",
                    de: "Position \"\(label)\"\(what) hat keine Artikelnummer (productNumber)",
                    hint: "Kontor books articles by their product number; give the product in Shopware the number of its article in Kontor."))
                continue
            }
            let quantity = item["quantity"].wholeNumber(minimum: 1, problems: &problems)
            let total = totalNode.money(required: true, problems: &problems)
            let rate = taxFree ? .zero : self.rate(of: item, label: label, problems: &problems)
            guard let quantity, let total, let rate else { continue }
            articles.append(ArticleLine(sku: sku, quantity: quantity, total: total, rate: rate, location: item.location))
        }
        for discount in discounts {
            let indices = articles.indices.filter { discount.rate == nil || articles[$0].rate == discount.rate }
            guard !indices.isEmpty else {
                let rate = discount.rate.map { "\($0.percent) %" } ?? ""
                problems.append(discount.node.problem(
                    "order.discount-unassigned", "discount \"\(discount.label)\" at \(rate) applies to no article at that rate",
                    de: "Rabatt \"\(discount.label)\" zu \(rate) betrifft keinen Artikel mit diesem Steuersatz"))
                continue
            }
            let shares = Rounding.allocate(discount.amount, weights: indices.map { articles[$0].total })
            for (index, share) in zip(indices, shares) { articles[index].discount -= share }
        }
        for article in articles where article.total - article.discount < 0 {
            problems.append(Diagnostic("order.line-negative", "the discounts make line \(article.sku) cost less than nothing",
                                       de: "Die Rabatte machen die Position \(article.sku) billiger als nichts", at: article.location))
        }
        guard problems.count == before else { return nil }
        return articles.flatMap {
            WholeCentLines.lines(sku: $0.sku, quantity: $0.quantity, total: $0.total, discount: $0.discount, rate: $0.rate,
                                 location: $0.location)
        }
    }

    /// The codes of the promotions among `lineItems` (`payload.code`), joined by commas; nil
    /// when there is none.
    static func couponCodes(_ items: [ShopJSONNode]) -> String? {
        let codes = items.filter { ["promotion", "discount"].contains($0["type"].text?.lowercased() ?? "") }
            .compactMap { $0["payload"]["code"].text }
        return codes.isEmpty ? nil : codes.joined(separator: ", ")
    }

    /// The VAT rate of an article line: its `price.calculatedTaxes`, else its `price.taxRules`.
    private func rate(of item: ShopJSONNode, label: String, problems: inout [Diagnostic]) -> VATRate? {
        var rates: [VATRate] = []
        let taxes = item["price"]["calculatedTaxes"].elements ?? []
        for tax in taxes.isEmpty ? item["price"]["taxRules"].elements ?? [] : taxes {
            guard let rate = vatRate(tax["taxRate"], label: label, problems: &problems) else { return nil }
            if !rates.contains(rate) { rates.append(rate) }
        }
        if rates.count == 1 { return rates[0] }
        let found = rates.isEmpty ? "no VAT rate" : "more than one VAT rate (\(rates.map { "\($0.percent) %" }.joined(separator: ", ")))"
        let foundDE = rates.isEmpty ? "keinen Steuersatz" : "mehr als einen Steuersatz (\(rates.map { "\($0.percent) %" }.joined(separator: ", ")))"
        problems.append(item["price"]["calculatedTaxes"].problem(
            "order.line-rates", "line item \"\(label)\" has \(found)", de: "Position \"\(label)\" hat \(foundDE)",
            hint: "Kontor books one VAT rate per article; search the orders with their lineItems' price."))
        return nil
    }

    /// A `taxRate` as a German VAT rate.
    private func vatRate(_ node: ShopJSONNode, label: String, problems: inout [Diagnostic]) -> VATRate? {
        guard let hundredths = node.decimal(places: 2, required: true, problems: &problems) else { return nil }
        if hundredths % 100 == 0, let rate = VATRate(percent: hundredths / 100) { return rate }
        problems.append(node.problem(
            "order.line-rate", "line item \"\(label)\" is taxed at \(node.text ?? "") %, not a German VAT rate",
            de: "Position \"\(label)\" wird mit \(node.text ?? "") % besteuert, keinem deutschen Umsatzsteuersatz",
            hint: "Kontor books 19 %, 7 % and 0 %."))
        return nil
    }
}
