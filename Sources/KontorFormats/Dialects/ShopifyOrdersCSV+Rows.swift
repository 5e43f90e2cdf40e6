import KontorCore

/// Reading the rows of a Shopify orders export: the order-level columns of an order's first
/// row, and the line item of every row.
extension ShopifyOrdersCSV {
    /// The order of a row that starts one, from its order-level columns.
    func startOrder(_ name: String, _ row: inout ShopifyRow) -> ShopifyOrderDraft {
        if ShopifyColumns.orderLevel.allSatisfy({ row.text($0) == nil }) {
            row.report(Diagnostic(
                "shopify.continuation", "the row continues order \(name), but the order's first row is not above it",
                de: "Die Zeile setzt Bestellung \(name) fort, aber die erste Zeile der Bestellung fehlt darüber",
                hint: "The first row of an order carries its Financial Status, Currency and Total; upload the export as Shopify wrote it, with all rows.",
                at: row.location))
            return ShopifyOrderDraft(name: name)
        }
        let number = name.hasPrefix("#") ? String(name.dropFirst()).trimmingSpaces() : name
        if number.isEmpty {
            row.fail(ShopifyColumns.name, "Name \"\(name)\" holds no order number", de: "Name \"\(name)\" enthält keine Bestellnummer")
        }
        let date = row.date(ShopifyColumns.createdAt)
        let status = financialStatus(&row)
        let shipping = row.money(ShopifyColumns.shipping, minimum: 0)
        let total = row.money(ShopifyColumns.total)
        let discount = row.money(ShopifyColumns.discountAmount, minimum: 0)
        let rate = taxRate(&row)
        let method = paymentMethod(&row)
        let shipTo = address(&row)
        guard let date, let status, !number.isEmpty, !row.hasErrors else { return ShopifyOrderDraft(name: name) }

        let cancelled = status.cancelsOrder || row.text(ShopifyColumns.cancelledAt) != nil
        if status == .partiallyRefunded, !cancelled {
            let refunded = row.money(ShopifyColumns.refundedAmount).map { " (Refunded Amount \(Money.decimalString($0)))" } ?? ""
            row.report(Diagnostic(
                "shopify.partially-refunded",
                "order \(name) is partially refunded\(refunded): Kontor books it as paid in full",
                de: "Bestellung \(name) ist teilweise erstattet\(refunded): Kontor bucht sie als voll bezahlt",
                hint: "Send the refund as a payment with a negative amount, and goods that came back as a return.",
                at: row.place(ShopifyColumns.financialStatus), severity: .warning))
        }
        var draft = ShopifyOrderDraft(name: name, order: Order(
            orderNumber: number, orderDate: date, customerEmail: row.text(ShopifyColumns.email),
            customerName: row.text(ShopifyColumns.billingName) ?? row.text(ShopifyColumns.shippingName), shipTo: shipTo,
            paymentMethod: method, paid: status.isPaid && !cancelled, shipping: shipping ?? 0, priceBasis: .gross,
            currency: row.text(ShopifyColumns.currency)?.uppercased() ?? "EUR", cancelled: cancelled,
            couponCode: row.text(ShopifyColumns.discountCode), lines: [], location: row.location))
        draft.total = total
        draft.discountAmount = discount ?? 0
        draft.rate = rate
        return draft
    }

    func financialStatus(_ row: inout ShopifyRow) -> ShopifyFinancialStatus? {
        guard let text = row.required(ShopifyColumns.financialStatus) else { return nil }
        if let status = ShopifyFinancialStatus(rawValue: text.lowercased()) { return status }
        let known = ShopifyFinancialStatus.allCases.map(\.rawValue).joined(separator: ", ")
        row.fail(ShopifyColumns.financialStatus, "Financial Status \"\(text)\" is not one of \(known)",
                 de: "Financial Status \"\(text)\" ist nicht einer von \(known)")
        return nil
    }

    /// The one VAT rate of the order's taxes (`Tax 1 Name` … `Tax 5 Name`), or nil when
    /// there are none, several, or a label without a rate.
    func taxRate(_ row: inout ShopifyRow) -> VATRate? {
        var rates: Set<VATRate> = []
        var decided = true
        for column in ShopifyColumns.taxNames {
            guard let label = row.text(column) else { continue }
            guard let hundredths = ShopifyOrdersCSV.taxRateHundredths(label: label) else {
                decided = false
                continue
            }
            guard hundredths % 100 == 0, let rate = VATRate(percent: hundredths / 100) else {
                row.fail(column, "\(column) \"\(label)\" is not a German VAT rate; Kontor books 19 %, 7 % and 0 %",
                         de: "\(column) \"\(label)\" ist kein deutscher Umsatzsteuersatz; Kontor bucht 19 %, 7 % und 0 %",
                         hint: "Orders taxed in another country (OSS) cannot be booked by Kontor.")
                continue
            }
            rates.insert(rate)
        }
        return decided && rates.count == 1 ? rates.first : nil
    }

    func paymentMethod(_ row: inout ShopifyRow) -> PaymentMethod {
        guard let text = row.text(ShopifyColumns.paymentMethod) else { return .prepaid }
        if let method = ShopifyOrdersCSV.paymentMethod(text) { return method }
        row.report(Diagnostic(
            "shopify.payment-method", "Payment Method \"\(text)\" is not known; the order is booked as prepaid (bank transfer)",
            de: "Payment Method \"\(text)\" ist unbekannt; die Bestellung wird als Vorkasse (Überweisung) gebucht",
            hint: "Kontor knows PayPal, Shopify Payments and credit cards, cash on delivery, invoice (Rechnung, manual) and bank transfer (Vorkasse).",
            at: row.place(ShopifyColumns.paymentMethod), severity: .warning))
        return .prepaid
    }

    /// The ship-to address: the street from `Shipping Address1` (else `Shipping Street`
    /// without the second line Shopify appends to it), the line between name and street from
    /// `Shipping Address2`, else `Shipping Company`.
    func address(_ row: inout ShopifyRow) -> Address? {
        let second = row.text(ShopifyColumns.shippingAddress2)
        let street = row.text(ShopifyColumns.shippingAddress1)
            ?? row.text(ShopifyColumns.shippingStreet).map { Self.street($0, without: second) } ?? ""
        let name = row.text(ShopifyColumns.shippingName), city = row.text(ShopifyColumns.shippingCity)
        let zip = row.zipOrPhone(ShopifyColumns.shippingZip), country = row.country(ShopifyColumns.shippingCountry)
        guard name != nil || !street.isEmpty || city != nil else { return nil }
        return Address(name: name ?? row.text(ShopifyColumns.billingName) ?? "",
                       addition: second ?? row.text(ShopifyColumns.shippingCompany), street: street, zip: zip ?? "",
                       city: city ?? "", country: country ?? "DE")
    }

    /// `Shipping Street` without the address's second line, which Shopify appends to it
    /// (`Am Sande 14, c/o Meyer`).
    static func street(_ street: String, without second: String?) -> String {
        guard let second, street.hasSuffix(second), street.count > second.count else { return street }
        var rest = String(street.dropLast(second.count)).trimmingSpaces()
        if rest.hasSuffix(",") { rest.removeLast() }
        return rest.trimmingSpaces()
    }

    /// The line item of a row: `Lineitem sku`, `Lineitem quantity`, `Lineitem price`, less
    /// `Lineitem discount` (the amount off the whole line); a line that is not taxable
    /// (`Lineitem taxable` false) has the rate 0 %.
    func readLine(_ row: inout ShopifyRow) -> OrderLine? {
        let sku = row.required(ShopifyColumns.sku,
                               hint: "Give every product variant a SKU in Shopify (Products → variant → SKU): Kontor finds articles by SKU.")
        let quantity = row.wholeNumber(ShopifyColumns.quantity, minimum: 1)
        let price = row.money(ShopifyColumns.price, required: true, minimum: 0)
        let discount = row.money(ShopifyColumns.lineDiscount, minimum: 0) ?? 0
        guard let sku, let quantity, let price else { return nil }
        if discount > quantity * price {
            row.fail(ShopifyColumns.lineDiscount,
                     "Lineitem discount \(Money.decimalString(discount)) is more than the line costs (\(quantity) × \(Money.decimalString(price)))",
                     de: "Lineitem discount \(Money.decimalString(discount)) ist mehr, als die Position kostet (\(quantity) × \(Money.decimalString(price)))")
            return nil
        }
        let untaxed = row.text(ShopifyColumns.taxable)?.lowercased() == "false"
        return OrderLine(sku: sku, quantity: quantity, unitPrice: price, vatRate: untaxed ? .zero : nil, discount: discount,
                         location: row.location)
    }
}
