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
}
