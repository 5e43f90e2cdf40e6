import KontorCore

/// What returned goods are worth to the customer.
public enum ReturnCredit {
    /// What returning `quantity` units is worth, taking the units from the order's lines in
    /// order, after the `returned` units that came back before: each unit at its line's price
    /// as charged. A line's discount goes back with its units: the first `n` units of a line
    /// bear `discount × n / quantity` of it, rounded half away from zero, so the units of a
    /// line, however they come back, are credited exactly what the line was charged, and the
    /// discount they bore is taken back off the revenue reduction account.
    public static func credited(_ quantity: Int, after returned: Int, of lines: [BookedLine],
                                basis: PriceBasis) -> [TaxableAmount] {
        var skip = returned, left = quantity
        var amounts: [TaxableAmount] = []
        for line in lines where left > 0 {
            let available = max(0, line.quantity - skip)
            skip = max(0, skip - line.quantity)
            let taken = min(available, left)
            if taken > 0 {
                let before = line.quantity - available
                let discount = discountBorne(by: before + taken, of: line) - discountBorne(by: before, of: line)
                amounts.append(TaxableAmount(amount: taken * line.unitPrice - discount, rate: line.rate, basis: basis,
                                             discount: discount))
            }
            left -= taken
        }
        return amounts
    }

    /// What returning `quantity` units of `sku` is worth for an order that went out in parts,
    /// per delivery invoice: the units are taken from the deliveries in the order they went
    /// out, after the `returned` units that came back before, each delivery's at the price and
    /// share of discount it was invoiced with (`credited`). An invoice correction cites the
    /// invoice of the delivery that brought the goods.
    public static func credited(_ quantity: Int, of sku: String, after returned: Int,
                                deliveries: [(invoice: String, lines: [BookedLine])],
                                basis: PriceBasis) -> [(invoice: String, goods: [TaxableAmount])] {
        var skip = returned, left = quantity
        var result: [(invoice: String, goods: [TaxableAmount])] = []
        for delivery in deliveries where left > 0 {
            let lines = delivery.lines.filter { $0.sku == sku }
            let units = lines.reduce(0) { $0 + $1.quantity }
            let before = min(skip, units)
            skip -= before
            let taken = min(units - before, left)
            guard taken > 0 else { continue }
            result.append((delivery.invoice, credited(taken, after: before, of: lines, basis: basis)))
            left -= taken
        }
        return result
    }

    /// The part of a line's discount that its first `units` units bear.
    private static func discountBorne(by units: Int, of line: BookedLine) -> Int {
        line.discount == 0 ? 0 : Rounding.divide(line.discount * units, by: line.quantity)
    }

    /// An order's shipping charge split over the rates as its invoice split it (in proportion
    /// to the goods' value per rate): what a return that leaves nothing of the order with the
    /// customer, a withdrawal, credits besides the goods.
    public static func shipping(_ shipping: Int, of lines: [BookedLine], basis: PriceBasis) -> [TaxableAmount] {
        let goods = lines.map { $0.taxable(basis: basis) }
        return Array(InvoiceCalculator.taxableLines(goods: goods, shipping: shipping, basis: basis).dropFirst(goods.count))
    }

    /// A goodwill refund of `amount` (gross, or net for a net order) on an order, split over
    /// the rates in proportion to the goods' value per rate, or all at `rate` where one is given.
    public static func goodwill(_ amount: Int, rate: VATRate?, of lines: [BookedLine], basis: PriceBasis) -> [TaxableAmount] {
        if let rate { return [TaxableAmount(amount: amount, rate: rate, basis: basis)] }
        return shipping(amount, of: lines, basis: basis)
    }
}
