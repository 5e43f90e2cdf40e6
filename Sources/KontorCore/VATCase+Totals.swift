extension VATCase {
    /// The totals of an invoice (or a correction) under this case, one per German rate of
    /// the goods (`RateTotal.rate` names the goods' German rate; `gross`, `net` and `vat` are
    /// the figures of the case):
    ///
    /// - domestic: ``InvoiceCalculator/totals(goods:shipping:basis:)``;
    /// - tax-free (intra-community, export): each line's net as the domestic rules compute
    ///   it, no VAT: with gross prices the German VAT is taken out, the buyer pays the net;
    /// - OSS: VAT at the destination's rate for the goods' German rate (19 % → standard,
    ///   7 % → reduced), per line, half away from zero: from gross prices taken out of the
    ///   price the customer pays, on net prices added;
    /// - small business: what is charged, no VAT.
    ///
    /// Shipping follows the goods as on every invoice. Discounts are taken off the net
    /// (`discount` is the net they took off).
    public func totals(goods: [TaxableAmount], shipping: Int = 0, basis: PriceBasis = .gross) -> [RateTotal] {
        if case .domestic = self { return InvoiceCalculator.totals(goods: goods, shipping: shipping, basis: basis) }
        var totals: [VATRate: RateTotal] = [:]
        for line in InvoiceCalculator.taxableLines(goods: goods, shipping: shipping, basis: basis) {
            let (net, vat) = split(line.amount, rate: line.rate, basis: line.basis)
            let before = split(line.amount + line.discount, rate: line.rate, basis: line.basis).net
            var t = totals[line.rate] ?? RateTotal(rate: line.rate, gross: 0, net: 0, vat: 0)
            t.gross += net + vat
            t.net += net
            t.vat += vat
            t.discount += before - net
            totals[line.rate] = t
        }
        return totals.values.sorted { $0.rate > $1.rate }
    }

    /// The gross total of an invoice under this case.
    public func grossTotal(goods: [TaxableAmount], shipping: Int = 0, basis: PriceBasis = .gross) -> Int {
        totals(goods: goods, shipping: shipping, basis: basis).reduce(0) { $0 + $1.gross }
    }

    /// Net and VAT of one amount at German `rate` under this case.
    func split(_ amount: Int, rate: VATRate, basis: PriceBasis) -> (net: Int, vat: Int) {
        switch self {
        case .domestic:
            return TaxableAmount(amount: amount, rate: rate, basis: basis).split
        case .intraCommunity, .export:
            return (TaxableAmount(amount: amount, rate: rate, basis: basis).split.net, 0)
        case .smallBusiness:
            return (amount, 0)
        case .oss(_, let rates):
            let hundredths = rates.rate(for: rate)
            switch basis {
            case .gross:
                let vat = Rounding.divide(amount * hundredths, by: 10_000 + hundredths)
                return (amount - vat, vat)
            case .net:
                return (amount, Rounding.divide(amount * hundredths, by: 10_000))
            }
        }
    }

    /// The VAT rate of the goods' German `rate` under this case, in hundredths of a percent,
    /// as the invoice prints it.
    public func printedRate(_ rate: VATRate) -> Int {
        switch self {
        case .domestic: rate.percent * 100
        case .intraCommunity, .export, .smallBusiness: 0
        case .oss(_, let rates): rates.rate(for: rate)
        }
    }

    /// Whether the case is a supply to a consumer in another member state that counts
    /// towards the threshold of distance sales (taxed in Germany below it, OSS above).
    public static func isDistanceSale(shipTo: String?, rates: EUVATRates, vatCase: VATCase) -> Bool {
        switch vatCase {
        case .oss: return true
        case .domestic:
            guard let country = shipTo?.uppercased(), !country.isEmpty, country != home else { return false }
            return rates.isMember(country)
        default: return false
        }
    }
}

extension VATCase {
    /// Whether the invoice charges VAT in Germany's prices: domestic and OSS sales.
    public var charges: Bool {
        switch self {
        case .domestic, .oss: true
        case .intraCommunity, .export, .smallBusiness: false
        }
    }

    /// A price as the invoice prints it: a tax-free invoice's from gross prices without the
    /// German VAT (the net the buyer pays), every other as the order gives it.
    public func printedPrice(_ amount: Int, rate: VATRate, basis: PriceBasis) -> Int {
        switch self {
        case .intraCommunity, .export: TaxableAmount(amount: amount, rate: rate, basis: basis).split.net
        case .domestic, .oss, .smallBusiness: amount
        }
    }
}
