import KontorCore

/// A Shopify order while its rows are read: the order from its first row, the lines so far,
/// and what is checked when the order is complete.
struct ShopifyOrderDraft {
    /// `Name` as the export writes it, `#1041`: the rows of one order share it.
    let name: String
    /// Nil when the first row could not be read; the order's further rows are then read for
    /// their problems only.
    var order: Order?
    /// `Total`, if given: the lines and shipping, less the discounts, must add up to it.
    var total: Int?
    /// `Discount Amount`: every discount of the order, the lines' own (`Lineitem discount`)
    /// included; what the lines' discounts do not account for is the order's discount.
    var discountAmount = 0
    /// The one VAT rate of all taxes of the order, if the tax labels decide it.
    var rate: VATRate?
    /// Whether a row of the order had an error.
    var failed = false

    init(name: String, order: Order? = nil) {
        self.name = name
        self.order = order
        failed = order == nil
    }

    /// The order with each line's rate decided and its discount, or nil after errors; a Total
    /// that differs from the lines and shipping less the discounts is an error in `log`.
    func finished(log: inout DiagnosticLog) -> Order? {
        guard !failed, var order else { return nil }
        if let rate {
            for index in order.lines.indices where order.lines[index].vatRate == nil { order.lines[index].vatRate = rate }
        }
        // An order beyond Kontor's limits is refused as a whole by the reader (order.too-large),
        // before anything is added up that might not fit.
        guard order.isWithinLimits else { return order }
        let lineDiscounts = order.lines.reduce(0) { $0 + $1.discount }
        order.discount = max(0, discountAmount - lineDiscounts)
        let sum = order.lines.reduce(order.shipping) { $0 + $1.lineTotal }
        let charged = sum - lineDiscounts - order.discount
        if let total, total != charged, !order.cancelled {
            let discounts = lineDiscounts + order.discount
            let taken = discounts == 0 ? "" : " Kontor took off the discounts of \(Money.decimalString(discounts)) (Discount Amount and Lineitem discount), which gives \(Money.decimalString(charged))."
            log.append(Diagnostic(
                "shopify.total",
                "order \(name): the lines and shipping add up to \(Money.decimalString(sum)), but Total is \(Money.decimalString(total))",
                de: "Bestellung \(name): Positionen und Versand ergeben \(Money.decimalString(sum)), Total ist aber \(Money.decimalString(total))",
                hint: "Kontor books each line at its Lineitem price, VAT included, less its Lineitem discount, plus Shipping, less the rest of Discount Amount.\(taken) Prices without VAT make the Total differ: book such an order in Kontor's own orders format with the prices and discounts charged.",
                at: order.location))
            return nil
        }
        return order
    }
}
