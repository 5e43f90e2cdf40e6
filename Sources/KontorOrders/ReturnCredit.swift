import KontorCore

/// What returned goods are worth to the customer.
public enum ReturnCredit {
    /// What returning `quantity` units is worth, taking the units from the order's lines in
    /// order, after the `returned` units that came back before: each unit at its line's price.
    public static func credited(_ quantity: Int, after returned: Int, of lines: [BookedLine],
                                basis: PriceBasis) -> [TaxableAmount] {
        var skip = returned, left = quantity
        var amounts: [TaxableAmount] = []
        for line in lines where left > 0 {
            let available = max(0, line.quantity - skip)
            skip = max(0, skip - line.quantity)
            let taken = min(available, left)
            if taken > 0 { amounts.append(TaxableAmount(amount: taken * line.unitPrice, rate: line.rate, basis: basis)) }
            left -= taken
        }
        return amounts
    }

    /// An order's shipping charge split over the rates as its invoice split it (in proportion
    /// to the goods' value per rate): what a return that leaves nothing of the order with the
    /// customer, a withdrawal, credits besides the goods.
    public static func shipping(_ shipping: Int, of lines: [BookedLine], basis: PriceBasis) -> [TaxableAmount] {
        let goods = lines.map { TaxableAmount(amount: $0.quantity * $0.unitPrice, rate: $0.rate, basis: basis) }
        return Array(InvoiceCalculator.taxableLines(goods: goods, shipping: shipping, basis: basis).dropFirst(goods.count))
    }

    /// A goodwill refund of `amount` (gross, or net for a net order) on an order, split over
    /// the rates in proportion to the goods' value per rate, or all at `rate` where one is given.
    public static func goodwill(_ amount: Int, rate: VATRate?, of lines: [BookedLine], basis: PriceBasis) -> [TaxableAmount] {
        if let rate { return [TaxableAmount(amount: amount, rate: rate, basis: basis)] }
        return shipping(amount, of: lines, basis: basis)
    }
}
