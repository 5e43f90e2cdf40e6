import KontorCore

extension OpenTransOrderXML {
    /// One order line from `ORDER_ITEM`: the article's `SUPPLIER_PID`, `QUANTITY`, the net
    /// unit price from `PRODUCT_PRICE_FIX/PRICE_AMOUNT` (divided by `PRICE_QUANTITY` where
    /// the price is per several units) and the VAT rate from `TAX_DETAILS_FIX/TAX`.
    ///
    /// `PRICE_LINE_AMOUNT`, where given, must be quantity × unit price: a difference means a
    /// discount or charge Kontor would not book. `number` names an item without `LINE_ITEM_ID`.
    static func line(_ item: XMLElementNode, number: Int, fields: inout BMEcatFields) -> OrderLine? {
        let id = BMEcatFields.text(item.child("LINE_ITEM_ID")) ?? "\(number)"
        let subject = BMEcatSubject.item(id)
        let sku = BMEcatFields.text(BMEcatFields.find(item, "PRODUCT_ID", "SUPPLIER_PID"))
        if sku == nil {
            fields.fail("field.missing", "order item \(id) has no SUPPLIER_PID (the article number)",
                        de: "Bestellposition \(id) hat keine SUPPLIER_PID (die Artikelnummer)",
                        hint: "Kontor finds the article by bmecat:SUPPLIER_PID inside PRODUCT_ID; give the shop's article number there.",
                        at: BMEcatFields.find(item, "PRODUCT_ID", "SUPPLIER_PID") ?? item.child("PRODUCT_ID") ?? item)
        }
        var quantity: Int?
        if let node = item.child("QUANTITY") {
            quantity = fields.wholeNumber(node, minimum: 1, what: subject)
        } else {
            fields.fail("field.missing", "order item \(id) has no QUANTITY", de: "Bestellposition \(id) hat keine QUANTITY", at: item)
        }
        let priceFix = item.child("PRODUCT_PRICE_FIX")
        var price: Int?
        if let node = priceFix?.child("PRICE_AMOUNT") {
            price = fields.amount(node, places: 2, what: subject)
            if let amount = price, amount < 0 {
                fields.fail("field.invalid", "PRICE_AMOUNT \(Money.decimalString(amount)) \(subject) is negative",
                            de: "PRICE_AMOUNT \(Money.decimalString(amount)) \(subject.de) ist negativ", at: node)
                price = nil
            }
        } else {
            fields.fail("field.missing", "order item \(id) has no PRODUCT_PRICE_FIX/PRICE_AMOUNT (the net unit price)",
                        de: "Bestellposition \(id) hat keinen PRODUCT_PRICE_FIX/PRICE_AMOUNT (den Netto-Stückpreis)",
                        hint: "Kontor invoices the prices of the order; give each item's net unit price.", at: priceFix ?? item)
        }
        if let charges = priceFix?.child("ALLOW_OR_CHARGES_FIX") {
            fields.fail("opentrans.allowance", "order item \(id) has allowances or charges (ALLOW_OR_CHARGES_FIX), which Kontor does not book",
                        de: "Bestellposition \(id) hat Zu- oder Abschläge (ALLOW_OR_CHARGES_FIX), die Kontor nicht bucht",
                        hint: "Give the net unit price after allowances and charges in PRICE_AMOUNT.", at: charges)
        }
        if let amount = price, let node = priceFix?.child("PRICE_QUANTITY") {
            price = perUnit(amount, priceQuantity: node, subject: subject, fields: &fields)
        }
        let rate = vatRate(priceFix, subject: subject, fields: &fields)
        guard let sku, let quantity, let price else { return nil }
        if let node = item.child("PRICE_LINE_AMOUNT"), let lineAmount = fields.amount(node, places: 2, what: subject),
           lineAmount != quantity * price {
            fields.fail("opentrans.line-amount",
                        "PRICE_LINE_AMOUNT \(Money.decimalString(lineAmount)) \(subject) is not QUANTITY × PRICE_AMOUNT = \(Money.decimalString(quantity * price))",
                        de: "PRICE_LINE_AMOUNT \(Money.decimalString(lineAmount)) \(subject.de) ist nicht QUANTITY × PRICE_AMOUNT = \(Money.decimalString(quantity * price))",
                        hint: "Give the net unit price after allowances in PRICE_AMOUNT, so that the line amount is quantity times price.",
                        at: node)
            return nil
        }
        return OrderLine(sku: sku, quantity: quantity, unitPrice: price, vatRate: rate, location: fields.location(item))
    }

    /// The price of one unit when `amount` is the price of `PRICE_QUANTITY` units; it must
    /// come out in whole cents, since the invoice shows the unit price.
    private static func perUnit(_ amount: Int, priceQuantity node: XMLElementNode, subject: BMEcatSubject,
                                fields: inout BMEcatFields) -> Int? {
        guard let units = fields.wholeNumber(node, minimum: 1, what: subject) else { return nil }
        if amount % units == 0 { return amount / units }
        fields.fail("field.invalid",
                    "PRICE_AMOUNT \(Money.decimalString(amount)) for PRICE_QUANTITY \(units) \(subject) is not a whole number of cents per unit",
                    de: "PRICE_AMOUNT \(Money.decimalString(amount)) für PRICE_QUANTITY \(units) \(subject.de) ergibt keinen Stückpreis in ganzen Cent",
                    hint: "Give the price of one unit in PRICE_AMOUNT and PRICE_QUANTITY 1.", at: node)
        return nil
    }

    /// The VAT rate of `TAX_DETAILS_FIX` with `TAX_TYPE` vat (or none); nil when the item
    /// gives none, so that the article's rate applies.
    private static func vatRate(_ priceFix: XMLElementNode?, subject: BMEcatSubject, fields: inout BMEcatFields) -> VATRate? {
        let details = BMEcatFields.all(priceFix, "TAX_DETAILS_FIX").first { details in
            let type = BMEcatFields.text(details.child("TAX_TYPE"))?.lowercased()
            return type == nil || type == "vat"
        }
        guard let tax = details?.child("TAX") else { return nil }
        return fields.taxFactor(tax, what: subject)
    }
}
