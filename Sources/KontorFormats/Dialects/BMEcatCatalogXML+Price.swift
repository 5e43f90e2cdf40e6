import KontorCore

extension BMEcatCatalogXML {
    /// The price types read, in order of preference, and whether each is gross. BMEcat
    /// spells the gross list price `gros_list`; `gross_list` is read too.
    static let priceTypes: [(type: String, gross: Bool)] = [
        ("gros_list", true), ("gross_list", true), ("net_list", false), ("net_customer", false),
    ]

    /// The gross unit price in cents and the VAT rate of an article.
    ///
    /// Of all `ARTICLE_PRICE`/`PRODUCT_PRICE` elements of the article, the first of the most
    /// preferred type with the lowest `LOWER_BOUND` (price scales) is taken. A net price
    /// (up to 4 decimal places) becomes gross as net × (100 + rate) / 100, rounded half
    /// away from zero to the cent; a price for `PRICE_QUANTITY` units is divided down to one
    /// unit before rounding. `taxRequired` is false for price updates with a gross price.
    func grossPrice(_ node: XMLElementNode, sku: String, taxRequired: Bool,
                    fields: inout BMEcatFields) -> (gross: Int, rate: VATRate?)? {
        guard let price = cataloguePrice(node, sku: sku, taxRequired: taxRequired, rateMayBeMissing: false, fields: &fields),
              price.net == nil else { return nil }
        return (price.gross, price.rate)
    }

    /// The gross unit price and VAT rate of an article, as `grossPrice` reads them; where
    /// `rateMayBeMissing`, a price without TAX is a warning instead of an error: the rate is
    /// nil, and a net price comes back as `net` (with `gross` 0) for the books to make gross
    /// at the article's rate.
    func cataloguePrice(_ node: XMLElementNode, sku: String, taxRequired: Bool, rateMayBeMissing: Bool,
                        fields: inout BMEcatFields) -> (gross: Int, rate: VATRate?, net: NetPrice?)? {
        let subject = BMEcatSubject.article(sku)
        let isArticle = node.name == "ARTICLE"
        let prices = BMEcatFields.all(node, isArticle ? "ARTICLE_PRICE_DETAILS" : "PRODUCT_PRICE_DETAILS")
            .flatMap { BMEcatFields.all($0, isArticle ? "ARTICLE_PRICE" : "PRODUCT_PRICE") }
        guard let (price, gross) = Self.preferredPrice(prices) else {
            let found = Set(prices.compactMap { $0.attribute("price_type") }).sorted()
            let foundText = found.isEmpty ? "" : " (found: \(found.joined(separator: ", ")))"
            fields.fail("bmecat.no-price", "article \(sku) has no price of type net_list, gros_list or net_customer\(foundText)",
                        de: "Artikel \(sku) hat keinen Preis der Art net_list, gros_list oder net_customer\(foundText)",
                        hint: "Export list prices: <\(isArticle ? "ARTICLE" : "PRODUCT")_PRICE price_type=\"net_list\"> with PRICE_AMOUNT and TAX.",
                        at: prices.first ?? node)
            return nil
        }
        let currency = BMEcatFields.text(price.child("PRICE_CURRENCY"))?.uppercased() ?? self.currency ?? "EUR"
        if currency != "EUR" {
            fields.fail("bmecat.currency", "the price of article \(sku) is in \(currency); Kontor books EUR only",
                        de: "Der Preis des Artikels \(sku) ist in \(currency); Kontor bucht nur EUR",
                        at: price.child("PRICE_CURRENCY") ?? price)
        }
        if let factor = price.child("PRICE_FACTOR"), case .success(let value) = DecimalParser.parse(factor.text, places: 4),
           value != 10_000 {
            fields.fail("bmecat.price-factor",
                        "PRICE_FACTOR \(factor.text.trimmingSpaces()) \(subject) is not read; Kontor takes PRICE_AMOUNT as the price",
                        de: "PRICE_FACTOR \(factor.text.trimmingSpaces()) \(subject.de) wird nicht gelesen; Kontor nimmt PRICE_AMOUNT als Preis",
                        hint: "Export prices with the factor applied and PRICE_FACTOR 1.", at: factor)
        }
        let tax = price.child("TAX") ?? BMEcatFields.find(price, "TAX_DETAILS", "TAX")
        let rate = tax.flatMap { fields.taxFactor($0, what: subject) }
        if tax == nil, rateMayBeMissing {
            fields.problems.append(Diagnostic(
                "bmecat.no-tax", "the \(price.attribute("price_type") ?? "") price of article \(sku) has no TAX (the VAT factor): it is booked at the article's current rate, or the shop's default_vat_rate",
                de: "Der \(price.attribute("price_type") ?? "")-Preis des Artikels \(sku) hat keine TAX (den Umsatzsteuerfaktor): er wird zum bisherigen Satz des Artikels gebucht, sonst zum default_vat_rate des Shops",
                hint: "Give the VAT rate as a factor in TAX (0.19, 0.07 or 0.00) to be sure of it.",
                at: fields.location(price), severity: .warning))
        } else if tax == nil, taxRequired || !gross {
            fields.fail("field.missing", "the \(price.attribute("price_type") ?? "") price of article \(sku) has no TAX (the VAT factor)",
                        de: "Der \(price.attribute("price_type") ?? "")-Preis des Artikels \(sku) hat keine TAX (den Umsatzsteuerfaktor)",
                        hint: "Give the VAT rate as a factor in TAX: 0.19, 0.07 or 0.00.", at: price)
        }
        guard let amountNode = price.child("PRICE_AMOUNT") else {
            fields.fail("field.missing", "the price of article \(sku) has no PRICE_AMOUNT",
                        de: "Der Preis des Artikels \(sku) hat keinen PRICE_AMOUNT", at: price)
            return nil
        }
        let places = gross ? 2 : 4
        guard let amount = fields.amount(amountNode, places: places, what: subject) else { return nil }
        if amount < 0 {
            fields.fail("field.invalid", "PRICE_AMOUNT \(amountNode.text.trimmingSpaces()) \(subject) is negative",
                        de: "PRICE_AMOUNT \(amountNode.text.trimmingSpaces()) \(subject.de) ist negativ", at: amountNode)
            return nil
        }
        var units = 1
        let orderDetails = node.child(isArticle ? "ARTICLE_ORDER_DETAILS" : "PRODUCT_ORDER_DETAILS")
        if let quantity = orderDetails?.child("PRICE_QUANTITY") {
            guard let value = fields.wholeNumber(quantity, minimum: 1, what: subject) else { return nil }
            units = value
        }
        if gross { return (Rounding.divide(amount, by: units), rate, nil) }
        guard let rate else {
            return rateMayBeMissing && tax == nil ? (0, nil, NetPrice(amount: amount, units: units)) : nil
        }
        // A net amount of at most 10^15 ten-thousandths times 119 stays far within Int.
        let grossPrice = Rounding.divide(amount * (100 + rate.percent), by: 10_000 * units)
        guard FigureLimit.amount.admits(grossPrice) else {
            fields.problems.append(.outOfRange("the gross price", Money.decimalString(grossPrice), .amount, subject: subject,
                                               at: fields.location(amountNode)))
            return nil
        }
        return (grossPrice, rate, nil)
    }

    /// The price to use and whether it is gross: the most preferred type, then the lowest
    /// `LOWER_BOUND`, then the first.
    static func preferredPrice(_ prices: [XMLElementNode]) -> (XMLElementNode, Bool)? {
        for (type, gross) in priceTypes {
            let candidates = prices.filter { $0.attribute("price_type") == type }
            let lowest = candidates.enumerated().min { a, b in
                let (la, lb) = (lowerBound(a.element), lowerBound(b.element))
                return la != lb ? la < lb : a.offset < b.offset
            }
            if let lowest { return (lowest.element, gross) }
        }
        return nil
    }

    /// `LOWER_BOUND` in thousandths; 1 unit when missing or unreadable.
    private static func lowerBound(_ price: XMLElementNode) -> Int {
        guard let text = BMEcatFields.text(price.child("LOWER_BOUND")),
              case .success(let value) = DecimalParser.parse(text, places: 3) else { return 1000 }
        return value
    }
}
