
/// An amount at one VAT rate, gross or net: an invoice line, or a share of the shipping charge.
public struct TaxableAmount: Sendable, Equatable {
    /// What is charged, after `discount`.
    public var amount: Int
    public var rate: VATRate
    public var basis: PriceBasis
    /// What was taken off the amount before it was charged (a line discount, a share of an
    /// order's discount), in the same basis; the books post it as a reduction of revenue.
    public var discount: Int

    public init(amount: Int, rate: VATRate, basis: PriceBasis, discount: Int = 0) {
        self.amount = amount
        self.rate = rate
        self.basis = basis
        self.discount = discount
    }

    /// A gross amount, VAT included.
    public init(gross: Int, rate: VATRate) { self.init(amount: gross, rate: rate, basis: .gross) }

    /// A net amount, VAT to be added.
    public init(net: Int, rate: VATRate) { self.init(amount: net, rate: rate, basis: .net) }

    /// Net and VAT of this amount under Kontor's rounding rule.
    public var split: (net: Int, vat: Int) {
        switch basis {
        case .gross: return rate.split(gross: amount)
        case .net: return (amount, Rounding.divide(amount * rate.percent, by: 100))
        }
    }
}

/// The totals of one VAT rate on an invoice.
public struct RateTotal: Sendable, Equatable {
    public var rate: VATRate
    /// Charged, after discounts.
    public var gross: Int
    /// Charged, after discounts.
    public var net: Int
    public var vat: Int
    /// The net amount the discounts took off this rate's revenue: the net before discounts
    /// is `net + discount`.
    public var discount: Int

    public init(rate: VATRate, gross: Int, net: Int, vat: Int, discount: Int = 0) {
        self.rate = rate
        self.gross = gross
        self.net = net
        self.vat = vat
        self.discount = discount
    }
}

/// How an invoice's figures are computed: the one rounding rule, written down.
///
/// - Shipping is a secondary service and follows the goods: it is split over the VAT
///   rates in proportion to the goods' value per rate, in whole cents that add up.
/// - VAT is computed per line, rounded half away from zero: from a gross price as
///   `gross × rate / (100 + rate)` (net is gross less VAT), from a net price (B2B orders) as
///   `net × rate / 100` (gross is net plus VAT). Line figures are then summed per rate.
/// - A discount reduces the consideration: a line's VAT is computed on what it is charged
///   after its discount, and the net the discount took off (the line's net before the
///   discount less its net after it) is the rate's reduction of revenue. An order's discount
///   is first spread over its lines in proportion to their net value (``spread(_:over:)``);
///   shipping is split by the goods' value as charged.
/// So the posted lines always add up to the invoice's total, to the cent.
///
/// The figures stay within `Int` for every order Kontor reads (see ``Limits``): a line's
/// amount is at most 10^17; the books only receive orders whose lines and shipping add up to
/// at most 10^11 (`Order.isWithinLimits`); shop dialects that total an order before that
/// check do so over one JSON record of at most 16 MiB, under 10^6 lines of at most 10^11
/// each, so a rate's sum is at most 10^17 and its VAT (× 19) below 2 × 10^18. The shipping
/// charge is split in 128-bit arithmetic (`Rounding.allocate`).
public enum InvoiceCalculator {
    /// The lines of an invoice after the shipping charge has been split onto the rates.
    public static func taxableLines(goods: [TaxableAmount], shipping: Int, basis: PriceBasis = .gross) -> [TaxableAmount] {
        guard shipping != 0 else { return goods }
        var byRate: [VATRate: Int] = [:]
        for line in goods { byRate[line.rate, default: 0] += line.amount }
        let rates = byRate.keys.sorted(by: >)
        if rates.isEmpty { return [TaxableAmount(amount: shipping, rate: .standard, basis: basis)] }
        let shares = Rounding.allocate(shipping, weights: rates.map { byRate[$0]! })
        return goods + zip(rates, shares).filter { $0.1 != 0 }.map { TaxableAmount(amount: $0.1, rate: $0.0, basis: basis) }
    }

    /// Totals per rate, highest rate first.
    public static func totals(goods: [TaxableAmount], shipping: Int = 0, basis: PriceBasis = .gross) -> [RateTotal] {
        var totals: [VATRate: RateTotal] = [:]
        for line in taxableLines(goods: goods, shipping: shipping, basis: basis) {
            let (net, vat) = line.split
            var t = totals[line.rate] ?? RateTotal(rate: line.rate, gross: 0, net: 0, vat: 0)
            t.gross += net + vat
            t.net += net
            t.vat += vat
            if line.discount != 0 {
                t.discount += TaxableAmount(amount: line.amount + line.discount, rate: line.rate, basis: line.basis).split.net - net
            }
            totals[line.rate] = t
        }
        return totals.values.sorted { $0.rate > $1.rate }
    }

    /// The gross total of an invoice.
    public static func grossTotal(goods: [TaxableAmount], shipping: Int = 0, basis: PriceBasis = .gross) -> Int {
        totals(goods: goods, shipping: shipping, basis: basis).reduce(0) { $0 + $1.gross }
    }
}

extension InvoiceCalculator {
    /// The gross total the books will give an order's lines, discounts and shipping: shop
    /// dialects use it to choose the price basis that reproduces the shop's own total to the
    /// cent. A line without a rate counts at the standard rate.
    public static func grossTotal(lines: [OrderLine], shipping: Int, discount: Int = 0, basis: PriceBasis) -> Int {
        let goods = lines.map {
            TaxableAmount(amount: $0.charged, rate: $0.vatRate ?? .standard, basis: basis, discount: $0.discount)
        }
        return grossTotal(goods: spread(discount, over: goods), shipping: shipping, basis: basis)
    }

    /// Takes an order's discount off its goods: each line bears a share in proportion to its
    /// net value as charged (the consideration, `Entgelt`, of § 10 UStG), in whole cents that
    /// add up to the discount (largest remainder, ``Rounding/allocate(_:weights:)``). A share
    /// is added to the line's `discount` and taken off its `amount`; so the order's discount
    /// is split over the VAT rates by net value, and each rate's VAT is reduced with it.
    public static func spread(_ discount: Int, over goods: [TaxableAmount]) -> [TaxableAmount] {
        guard discount != 0, !goods.isEmpty else { return goods }
        let shares = Rounding.allocate(discount, weights: goods.map { $0.split.net })
        return zip(goods, shares).map { line, share in
            TaxableAmount(amount: line.amount - share, rate: line.rate, basis: line.basis, discount: line.discount + share)
        }
    }
}
