import KontorCore

extension ShopwareOrdersJSON {
    /// The canonical order of one Shopware order object, or nil when an error is in `problems`.
    func order(_ order: ShopJSONNode, problems: inout [Diagnostic]) -> Order? {
        let number = order["orderNumber"].text(required: true, problems: &problems)
        let date = (order["orderDateTime"].isAbsent ? order["orderDate"] : order["orderDateTime"]).date(required: true, problems: &problems)
        let label = number ?? "at \(order.pointer)"
        let items = order["lineItems"].array(problems: &problems) {
            order.problem("order.no-lines", "order \(label) has no \"lineItems\"; Kontor needs the articles of each order",
                          de: "Bestellung \(label) hat keine \"lineItems\"; Kontor braucht die Artikel jeder Bestellung",
                          hint: #"Search the orders with the association "lineItems": {"associations": {"lineItems": {}}}."#)
        }
        let basis = taxStatus(order, problems: &problems)
        let lines = items.flatMap { self.lines($0, taxFree: basis?.taxFree ?? false, problems: &problems) }
        let shipping = shippingCharge(order, problems: &problems)
        let shopTotal = (order["price"]["totalPrice"].isAbsent ? order["amountTotal"] : order["price"]["totalPrice"])
            .money(required: false, problems: &problems)
        let transaction = Self.transaction(order["transactions"])
        let payment = transaction.map { paymentMethod($0["paymentMethod"], problems: &problems) } ?? .prepaid
        guard let number, let date, let basis, let lines else { return nil }

        if let shopTotal {
            let total = InvoiceCalculator.grossTotal(lines: lines, shipping: shipping, basis: basis.priceBasis)
            if total != shopTotal {
                problems.append(order["price"]["totalPrice"].problem(
                    "order.total-differs",
                    "order \(number): Kontor's invoice total \(Money.decimalString(total)) differs from Shopware's total \(Money.decimalString(shopTotal))",
                    de: "Bestellung \(number): Kontors Rechnungsbetrag \(Money.decimalString(total)) weicht von Shopwares Gesamtbetrag \(Money.decimalString(shopTotal)) ab",
                    hint: "Shopware's total holds amounts Kontor does not book, or its tax was rounded otherwise; check the invoice.",
                    severity: .warning))
            }
        }
        let orderState = order["stateMachineState"]["technicalName"].text?.lowercased()
        let paymentState = transaction?["stateMachineState"]["technicalName"].text?.lowercased()
        let cancelled = orderState == "cancelled" || paymentState == "refunded"
        let paid = !cancelled && (paymentState == "paid" || paymentState == "authorized")

        let customer = order["orderCustomer"]
        let guest = customer["customer"]["guest"].bool == true
        let delivery = order["deliveries"].elements?.first?["shippingOrderAddress"]
        return Order(orderNumber: number, orderDate: date, customerID: guest ? nil : customer["customerNumber"].text,
                     customerEmail: customer["email"].text, customerName: Self.personName(customer),
                     shipTo: delivery.flatMap(Self.address) ?? Self.address(order["billingAddress"]),
                     paymentMethod: payment, paid: paid, shipping: shipping, priceBasis: basis.priceBasis,
                     currency: order["currency"]["isoCode"].text?.uppercased() ?? "EUR", cancelled: cancelled,
                     couponCode: items.flatMap(Self.couponCodes), lines: lines, location: order.location)
    }

    /// The order's `price.taxStatus`: the price basis, and whether no tax is charged at all.
    private func taxStatus(_ order: ShopJSONNode, problems: inout [Diagnostic]) -> (priceBasis: PriceBasis, taxFree: Bool)? {
        let node = order["price"]["taxStatus"].isAbsent ? order["taxStatus"] : order["price"]["taxStatus"]
        guard let status = node.text(required: true, problems: &problems) else { return nil }
        switch status.lowercased() {
        case "gross": return (.gross, false)
        case "net": return (.net, false)
        case "tax-free": return (.net, true)
        default:
            problems.append(node.problem("field.invalid", "taxStatus \"\(status)\" is not one of gross, net, tax-free",
                                         de: "taxStatus \"\(status)\" ist nicht einer von gross, net, tax-free"))
            return nil
        }
    }

    /// The shipping charge: `shippingCosts.totalPrice`, else `shippingTotal`, else the deliveries' added up.
    private func shippingCharge(_ order: ShopJSONNode, problems: inout [Diagnostic]) -> Int {
        if !order["shippingCosts"]["totalPrice"].isAbsent {
            return order["shippingCosts"]["totalPrice"].money(required: true, problems: &problems) ?? 0
        }
        if !order["shippingTotal"].isAbsent {
            return order["shippingTotal"].money(required: true, problems: &problems) ?? 0
        }
        return (order["deliveries"].elements ?? []).reduce(0) {
            $0 + ($1["shippingCosts"]["totalPrice"].money(required: false, problems: &problems) ?? 0)
        }
    }

    /// The transaction that tells how the order is paid: the last one that is not cancelled
    /// or failed, else the last one.
    static func transaction(_ node: ShopJSONNode) -> ShopJSONNode? {
        let all = node.elements ?? []
        return all.last {
            !["cancelled", "failed"].contains($0["stateMachineState"]["technicalName"].text?.lowercased() ?? "")
        } ?? all.last
    }

    /// The payment method of a transaction's `paymentMethod`.
    private func paymentMethod(_ node: ShopJSONNode, problems: inout [Diagnostic]) -> PaymentMethod {
        let names = [node["technicalName"].text, node["shortName"].text, node["handlerIdentifier"].text].compactMap { $0 }
        guard !names.isEmpty else { return .prepaid }
        let key = names.joined(separator: " ").lowercased()
        if key.contains("paypal") { return .paypal }
        if key.contains("prepayment") || key.contains("pre_payment") || key.contains("debit") { return .prepaid }
        if key.contains("invoice") { return .invoice }
        if key.contains("cash") { return .cod }
        if key.contains("card") || key.contains("stripe") { return .card }
        let shown = names.first!
        problems.append(node.problem(
            "order.payment-unknown", "payment method \"\(shown)\" is not known to Kontor; the order is booked as prepaid",
            de: "Zahlungsart \"\(shown)\" ist Kontor nicht bekannt; die Bestellung wird als Vorkasse gebucht",
            hint: "Kontor knows Shopware's prepayment, invoice, cash payment and debit handlers, PayPal and card payments.",
            severity: .warning))
        return .prepaid
    }

    /// `firstName lastName` of an order customer or address, else its company.
    static func personName(_ node: ShopJSONNode) -> String? {
        let name = [node["firstName"].text, node["lastName"].text].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? node["company"].text : name
    }

    /// An order address as Kontor ships to it; nil when it has no street.
    static func address(_ node: ShopJSONNode) -> Address? {
        guard let street = node["street"].text else { return nil }
        let person = [node["firstName"].text, node["lastName"].text].compactMap { $0 }.joined(separator: " ")
        let company = node["company"].text
        let country = node["country"]["iso"].text ?? node["countryIso"].text
        // A company is the name line and the person goes below it, before
        // `additionalAddressLine1`, as a business letter is addressed (DIN 5008).
        let below = [company == nil || person.isEmpty ? nil : person, node["additionalAddressLine1"].text].compactMap { $0 }
        return Address(name: company ?? person, addition: below.isEmpty ? nil : below.joined(separator: ", "), street: street,
                       zip: node["zipcode"].text ?? "", city: node["city"].text ?? "", country: country?.uppercased() ?? "DE")
    }
}
