import KontorCore

/// A gross amount at one VAT rate: an invoice line, or a share of the shipping charge.
public struct TaxableAmount: Sendable, Equatable {
    public var gross: Int
    public var rate: VATRate

    public init(gross: Int, rate: VATRate) {
        self.gross = gross
        self.rate = rate
    }
}

/// The totals of one VAT rate on an invoice.
public struct RateTotal: Sendable, Equatable {
    public var rate: VATRate
    public var gross: Int
    public var net: Int
    public var vat: Int

    public init(rate: VATRate, gross: Int, net: Int, vat: Int) {
        self.rate = rate
        self.gross = gross
        self.net = net
        self.vat = vat
    }
}

/// How an invoice's figures are computed: the one rounding rule, written down.
///
/// - Shipping is a secondary service and follows the goods: it is split over the VAT
///   rates in proportion to the goods' gross value per rate, in whole cents that add up.
/// - VAT is computed per line from the gross: `gross × rate / (100 + rate)`, rounded half
///   away from zero; net is gross less VAT. Line figures are then summed per rate.
/// So the posted lines always add up to the invoice's gross total, to the cent.
public enum InvoiceCalculator {
    /// The lines of an invoice after the shipping charge has been split onto the rates.
    public static func taxableLines(goods: [TaxableAmount], shippingGross: Int) -> [TaxableAmount] {
        guard shippingGross != 0 else { return goods }
        var byRate: [VATRate: Int] = [:]
        for line in goods { byRate[line.rate, default: 0] += line.gross }
        let rates = byRate.keys.sorted(by: >)
        if rates.isEmpty { return [TaxableAmount(gross: shippingGross, rate: .standard)] }
        let shares = Rounding.allocate(shippingGross, weights: rates.map { byRate[$0]! })
        return goods + zip(rates, shares).filter { $0.1 != 0 }.map { TaxableAmount(gross: $0.1, rate: $0.0) }
    }

    /// Totals per rate, highest rate first.
    public static func totals(goods: [TaxableAmount], shippingGross: Int = 0) -> [RateTotal] {
        var totals: [VATRate: RateTotal] = [:]
        for line in taxableLines(goods: goods, shippingGross: shippingGross) {
            let (net, vat) = line.rate.split(gross: line.gross)
            var t = totals[line.rate] ?? RateTotal(rate: line.rate, gross: 0, net: 0, vat: 0)
            t.gross += line.gross
            t.net += net
            t.vat += vat
            totals[line.rate] = t
        }
        return totals.values.sorted { $0.rate > $1.rate }
    }
}
