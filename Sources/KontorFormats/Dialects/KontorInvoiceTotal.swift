import KontorCore

/// The gross total Kontor's books will give an order, computed here the way the
/// accounting computes its invoices: VAT per line, rounded half away from zero (from the
/// gross price, or for net prices on top of them), the shipping charge split over the
/// rates in proportion to the goods.
///
/// Shop dialects use it to choose the price basis that reproduces the shop's own order
/// total to the cent, and to warn when none does.
enum KontorInvoiceTotal {
    /// The invoice's gross total of `lines` (each with its rate) and `shipping`, both on `basis`.
    static func gross(lines: [OrderLine], shipping: Int, basis: PriceBasis) -> Int {
        var amounts = lines.map { (amount: $0.lineTotal, rate: $0.vatRate ?? .standard) }
        if shipping != 0 {
            var byRate: [VATRate: Int] = [:]
            for line in amounts { byRate[line.rate, default: 0] += line.amount }
            let rates = byRate.keys.sorted(by: >)
            if rates.isEmpty {
                amounts.append((shipping, .standard))
            } else {
                let shares = Rounding.allocate(shipping, weights: rates.map { byRate[$0]! })
                amounts += zip(rates, shares).map { (amount: $0.1, rate: $0.0) }
            }
        }
        switch basis {
        case .gross:
            return amounts.reduce(0) { $0 + $1.amount }
        case .net:
            return amounts.reduce(0) { $0 + $1.amount + Rounding.divide($1.amount * $1.rate.percent, by: 100) }
        }
    }
}
