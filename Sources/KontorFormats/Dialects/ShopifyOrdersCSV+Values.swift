import KontorCore

extension ShopifyOrdersCSV {
    /// Kontor's payment method for Shopify's `Payment Method` text: PayPal → `paypal`;
    /// cash on delivery, Nachnahme → `cod`; Shopify Payments, credit cards → `card` (a gift card is none);
    /// Rechnung, invoice, and Shopify's `manual` → `invoice`; bank deposit, Vorkasse,
    /// Überweisung → `prepaid`. Nil for a text it does not know.
    static func paymentMethod(_ text: String) -> PaymentMethod? {
        let t = text.lowercased()
        func has(_ words: String...) -> Bool { words.contains { t.contains($0) } }
        if has("paypal") { return .paypal }
        if has("cash on delivery", "nachnahme", "(cod)") || t == "cod" { return .cod }
        if has("shopify payments", "credit card", "debit card", "kreditkarte", "stripe", "apple pay", "google pay", "visa",
               "mastercard", "american express") { return .card }
        if has("rechnung", "invoice") { return .invoice }
        if has("bank", "vorkasse", "vorauskasse", "überweisung", "ueberweisung", "transfer", "prepayment") { return .prepaid }
        if has("manual") { return .invoice }
        return nil
    }

    /// The rate in a Shopify tax label (`DE MwSt 19%`, `DE VAT 7%`, `USt 7 %`, `MwSt 19,0 %`):
    /// the number before the last `%`, in hundredths of a percent; nil when the label has none.
    static func taxRateHundredths(label: String) -> Int? {
        guard let percent = label.lastIndex(of: "%") else { return nil }
        let before = String(label[..<percent]).trimmingSpaces()
        let number = before.reversed().prefix { $0.isNumber || $0 == "." || $0 == "," }
        guard !number.isEmpty else { return nil }
        let text = String(number.reversed())
        let comma = text.contains(",")
        guard case .success(let value) = DecimalParser.parse(text, places: 2, decimalComma: comma) else { return nil }
        return value
    }
}
