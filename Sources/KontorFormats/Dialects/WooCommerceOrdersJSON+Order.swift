import KontorCore

extension WooCommerceOrdersJSON {
    /// The canonical order of one WooCommerce order object, or nil when an error is in `problems`.
    func order(_ order: ShopJSONNode, problems: inout [Diagnostic]) -> Order? {
        let number = order["number"].text ?? order["id"].text(required: true, problems: &problems)
        let dateNode = order["date_created_gmt"].isAbsent ? order["date_created"] : order["date_created_gmt"]
        let date = dateNode.date(required: true, problems: &problems)
        let label = number ?? "at \(order.pointer)"
        let items = order["line_items"].array(problems: &problems) {
            order.problem("order.no-lines", "order \(label) has no \"line_items\"; Kontor needs the articles of each order",
                          de: "Bestellung \(label) hat keine \"line_items\"; Kontor braucht die Artikel jeder Bestellung",
                          hint: "Export the orders as GET /wp-json/wc/v3/orders returns them, with their line_items.")
        }
        let status = self.status(order["status"], problems: &problems)
        let method = paymentMethod(order["payment_method"], problems: &problems)
        let rates = taxRates(order["tax_lines"], problems: &problems)
        let lines = (items ?? []).compactMap { line($0, rates: rates, problems: &problems) }
        let shipping = charges((order["shipping_lines"].elements ?? []) + (order["fee_lines"].elements ?? []), problems: &problems)
        let shopTotal = order["total"].money(required: false, problems: &problems)
        guard let number, let date, let items, lines.count == items.count else { return nil }

        let priceBasis = basis(lines: lines, shipping: shipping, shopTotal: shopTotal,
                               pricesIncludeTax: order["prices_include_tax"].bool ?? true)
        let orderLines = priceBasis == .net ? lines.map(\.netLine) : lines.flatMap(\.grossLines)
        checkDiscount(order, lines: lines, number: number, problems: &problems)
        let shippingCharge = priceBasis == .net ? shipping.net : shipping.gross
        if shippingCharge < 0 {
            problems.append(order["shipping_lines"].problem(
                "field.invalid", "the shipping and fees of order \(number) add up to \(Money.decimalString(shippingCharge)), less than nothing",
                de: "Versand und Gebühren der Bestellung \(number) ergeben \(Money.decimalString(shippingCharge)), weniger als nichts"))
            return nil
        }
        if let shopTotal {
            let total = InvoiceCalculator.grossTotal(lines: orderLines, shipping: shippingCharge, basis: priceBasis)
            if total != shopTotal {
                problems.append(order["total"].problem(
                    "order.total-differs",
                    "order \(number): Kontor's invoice total \(Money.decimalString(total)) differs from WooCommerce's total \(Money.decimalString(shopTotal))",
                    de: "Bestellung \(number): Kontors Rechnungsbetrag \(Money.decimalString(total)) weicht von WooCommerces Gesamtbetrag \(Money.decimalString(shopTotal)) ab",
                    hint: "WooCommerce's total holds amounts Kontor does not book, or its tax was rounded otherwise; check the invoice.",
                    severity: .warning))
            }
        }

        let billing = order["billing"]
        let customerID = order["customer_id"].text.flatMap { $0 == "0" ? nil : $0 }
        let paidAtCheckout = method != .cod && method != .invoice
        let paid = !status.cancelled && paidAtCheckout
            && (status.paid || !order["date_paid_gmt"].isAbsent || !order["date_paid"].isAbsent || order["set_paid"].bool == true)
        return Order(orderNumber: number, orderDate: date, customerID: customerID,
                     customerEmail: billing["email"].text, customerName: Self.personName(billing),
                     shipTo: Self.address(order["shipping"]) ?? Self.address(billing), paymentMethod: method, paid: paid,
                     shipping: shippingCharge, priceBasis: priceBasis, currency: order["currency"].text?.uppercased() ?? "EUR",
                     cancelled: status.cancelled, couponCode: Self.couponCodes(order["coupon_lines"]), lines: orderLines,
                     location: order.location)
    }

    /// The `code` of each `coupon_lines` entry, joined by commas; nil when there is none.
    static func couponCodes(_ node: ShopJSONNode) -> String? {
        let codes = (node.elements ?? []).compactMap { $0["code"].decodedText }
        return codes.isEmpty ? nil : codes.joined(separator: ", ")
    }

    /// Warns when the lines' coupons (`subtotal` less `total`) do not add up to the order's
    /// `discount_total`: then the export holds a discount Kontor does not see.
    private func checkDiscount(_ order: ShopJSONNode, lines: [Line], number: String, problems: inout [Diagnostic]) {
        guard let stated = order["discount_total"].money(required: false, problems: &problems) else { return }
        let found = lines.reduce(0) { $0 + $1.netBefore - $1.net }
        guard found != stated else { return }
        problems.append(order["discount_total"].problem(
            "order.discount-differs",
            "order \(number): the line items' coupons (subtotal less total) add up to \(Money.decimalString(found)), but discount_total is \(Money.decimalString(stated))",
            de: "Bestellung \(number): die Gutscheine der Positionen (subtotal abzüglich total) ergeben \(Money.decimalString(found)), discount_total ist aber \(Money.decimalString(stated))",
            hint: "Kontor books each line's coupon from its subtotal and total; export the orders with both, as the REST API gives them.",
            severity: .warning))
    }

    /// What an order's `status` says: whether it is paid, whether it is cancelled.
    private func status(_ node: ShopJSONNode, problems: inout [Diagnostic]) -> (paid: Bool, cancelled: Bool) {
        guard var status = node.text(required: true, problems: &problems)?.lowercased() else { return (false, false) }
        if status.hasPrefix("wc-") { status.removeFirst(3) }
        switch status {
        case "processing", "completed": return (true, false)
        case "pending", "on-hold": return (false, false)
        case "cancelled", "refunded", "failed", "trash", "checkout-draft": return (false, true)
        default:
            problems.append(node.problem(
                "order.status-unknown", "status \"\(status)\" is not one of WooCommerce's; the order is booked as not paid",
                de: "Status \"\(status)\" ist keiner von WooCommerce; die Bestellung wird als unbezahlt gebucht",
                hint: "Kontor knows pending, processing, on-hold, completed, cancelled, refunded and failed.", severity: .warning))
            return (false, false)
        }
    }

    /// The payment method of `payment_method`: prepaid when it is empty.
    private func paymentMethod(_ node: ShopJSONNode, problems: inout [Diagnostic]) -> PaymentMethod {
        guard let id = node.text else { return .prepaid }
        let key = id.lowercased().replacing("-", with: "_")
        switch key {
        case "bacs", "cheque": return .prepaid
        case "cod": return .cod
        case "invoice", "german_market_purchase_on_account", "gzd_invoice": return .invoice
        case "woocommerce_payments": return .card
        case _ where key.contains("paypal") || key.hasPrefix("ppcp") || key.hasPrefix("ppec"): return .paypal
        case _ where key.hasPrefix("stripe") || key.contains("creditcard"): return .card
        default:
            problems.append(node.problem(
                "order.payment-unknown", "payment_method \"\(id)\" is not known to Kontor; the order is booked as prepaid",
                de: "payment_method \"\(id)\" ist Kontor nicht bekannt; die Bestellung wird als Vorkasse gebucht",
                hint: "Kontor knows bacs, paypal, ppcp-gateway, stripe, woocommerce_payments, cod, invoice and german-market-purchase-on-account.",
                severity: .warning))
            return .prepaid
        }
    }

    /// The `total` and `total_tax` of shipping and fee lines, added up.
    private func charges(_ lines: [ShopJSONNode], problems: inout [Diagnostic]) -> (net: Int, gross: Int) {
        var net = 0, tax = 0
        for line in lines {
            net += line["total"].money(required: false, problems: &problems) ?? 0
            tax += line["total_tax"].money(required: false, problems: &problems) ?? 0
        }
        return (net, net + tax)
    }

    /// The person's name of a billing or shipping address (`first_name last_name`), else its company.
    static func personName(_ address: ShopJSONNode) -> String? {
        let name = [address["first_name"].decodedText, address["last_name"].decodedText].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? address["company"].decodedText : name
    }

    /// A billing or shipping address as Kontor ships to it; nil when it has no street.
    static func address(_ address: ShopJSONNode) -> Address? {
        guard let street = address["address_1"].decodedText else { return nil }
        let person = [address["first_name"].decodedText, address["last_name"].decodedText].compactMap { $0 }.joined(separator: " ")
        let company = address["company"].decodedText
        // A company is the name line and the person goes below it, before `address_2`, as a
        // business letter is addressed (DIN 5008); without a company the person is the name.
        let name = company ?? person
        let below = [company == nil || person.isEmpty ? nil : person, address["address_2"].decodedText].compactMap { $0 }
        return Address(name: name, addition: below.isEmpty ? nil : below.joined(separator: ", "), street: street,
                       zip: address["postcode"].text ?? "", city: address["city"].decodedText ?? "",
                       country: address["country"].text?.uppercased() ?? "DE")
    }
}
