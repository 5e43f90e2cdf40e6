import KontorCore

extension WooCommerceOrdersJSON {
    /// The `rate_percent` of each `tax_lines` entry, in hundredths of a percent, by its `rate_id`.
    func taxRates(_ node: ShopJSONNode, problems: inout [Diagnostic]) -> [String: Int] {
        var rates: [String: Int] = [:]
        for entry in node.elements ?? [] {
            guard let id = entry["rate_id"].text, !entry["rate_percent"].isAbsent,
                  let percent = entry["rate_percent"].decimal(places: 2, required: true, problems: &problems) else { continue }
            rates[id] = percent
        }
        return rates
    }

    /// One line item, or nil with the reason in `problems`.
    func line(_ item: ShopJSONNode, rates: [String: Int], problems: inout [Diagnostic]) -> Line? {
        let name = item["name"].decodedText ?? item.positionLabel
        let sku = item["sku"].text
        if sku == nil {
            problems.append(item["sku"].problem(
                "order.line-without-sku", "line item \"\(name)\" has no SKU",
                de: "Position \"\(name)\" hat keine Artikelnummer (SKU)",
                hint: "Give the product in WooCommerce the SKU of its article in Kontor (Product data → Inventory → SKU)."))
        }
        let quantity = item["quantity"].wholeNumber(minimum: 1, problems: &problems)
        let net = item["total"].money(required: true, problems: &problems)
        let tax = item["total_tax"].money(required: false, problems: &problems) ?? 0
        let subtotal = item["subtotal"].money(required: false, problems: &problems)
        let subtotalTax = item["subtotal_tax"].money(required: false, problems: &problems)
        guard let sku, let quantity, let net,
              let rate = rate(of: item, name: name, net: net, tax: tax, rates: rates, problems: &problems) else { return nil }
        // A coupon shows as a `subtotal` above the `total`; a line without one, or with a
        // subtotal below its total, has no discount.
        let before = subtotal.map { max($0, net) } ?? net
        let taxBefore = before == net ? tax : max(subtotalTax ?? tax, tax)
        return Line(sku: sku, quantity: quantity, net: net, gross: net + tax, netBefore: before, grossBefore: before + taxBefore,
                    rate: rate, location: item.location)
    }

    /// The VAT rate of a line item: that of the tax rate its `taxes` name, else told from its amounts.
    private func rate(of item: ShopJSONNode, name: String, net: Int, tax: Int, rates: [String: Int],
                      problems: inout [Diagnostic]) -> VATRate? {
        var ids: [String] = []
        for entry in item["taxes"].elements ?? [] where Self.isNonZero(entry["total"].text) {
            if let id = entry["id"].text, !ids.contains(id) { ids.append(id) }
        }
        if ids.count > 1 {
            problems.append(item["taxes"].problem(
                "order.line-rates", "line item \"\(name)\" is taxed at more than one rate (tax rates \(ids.joined(separator: ", ")))",
                de: "Position \"\(name)\" wird mit mehr als einem Steuersatz besteuert (Steuersätze \(ids.joined(separator: ", ")))",
                hint: "Kontor books one VAT rate per article; check the tax classes of the product in WooCommerce."))
            return nil
        }
        if let id = ids.first, let hundredths = rates[id] {
            if hundredths % 100 == 0, let rate = VATRate(percent: hundredths / 100) { return rate }
            let shown = Money.decimalString(hundredths).replacing(".00", with: "")
            problems.append(item["taxes"].problem(
                "order.line-rate", "line item \"\(name)\" is taxed at \(shown) %, not a German VAT rate",
                de: "Position \"\(name)\" wird mit \(shown) % besteuert, keinem deutschen Umsatzsteuersatz",
                hint: "Kontor books 19 %, 7 % and 0 %."))
            return nil
        }
        if tax == 0 { return .zero }
        let nearest = [VATRate.standard, .reduced].min {
            abs(Rounding.divide(net * $0.percent, by: 100) - tax) < abs(Rounding.divide(net * $1.percent, by: 100) - tax)
        }!
        if abs(Rounding.divide(net * nearest.percent, by: 100) - tax) <= 1 { return nearest }
        problems.append(item["total_tax"].problem(
            "order.line-rate", "cannot tell the VAT rate of line item \"\(name)\": tax \(Money.decimalString(tax)) on \(Money.decimalString(net)) is neither 19 % nor 7 %",
            de: "Der Steuersatz der Position \"\(name)\" ist nicht erkennbar: Steuer \(Money.decimalString(tax)) auf \(Money.decimalString(net)) ist weder 19 % noch 7 %",
            hint: "Export the orders with their tax_lines (rate_id and rate_percent)."))
        return nil
    }

    /// Whether a tax amount of `taxes`, which WooCommerce writes unrounded (`"3.193277"`), is
    /// a number other than zero.
    private static func isNonZero(_ text: String?) -> Bool {
        guard let text, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return false }
        return text.contains { $0.isNumber && $0 != "0" }
    }

    /// The price basis that books the order as WooCommerce charged it (see the type's documentation).
    func basis(lines: [Line], shipping: (net: Int, gross: Int), shopTotal: Int?, pricesIncludeTax: Bool) -> PriceBasis {
        guard !pricesIncludeTax, lines.allSatisfy({ $0.netBefore % $0.quantity == 0 }) else { return .gross }
        guard let shopTotal else { return .net }
        return InvoiceCalculator.grossTotal(lines: lines.map(\.netLine), shipping: shipping.net, basis: .net) == shopTotal ? .net : .gross
    }
}
