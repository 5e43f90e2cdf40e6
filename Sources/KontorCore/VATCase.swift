import Foundation

/// How German VAT law treats one order of the shop (a seller in Germany): decided per order
/// from the customer, the ship-to country and the shop's settings, recorded with its
/// invoice, and followed by every correction of that invoice.
public enum VATCase: Sendable, Hashable {
    /// Taxed in Germany at 19 % or 7 % (also an EU consumer below the OSS threshold).
    case domestic
    /// A tax-free intra-community supply to a business with the VAT ID of another member
    /// state (§ 4 Nr. 1b, § 6a UStG), reported in the recapitulative statement.
    case intraCommunity(vatID: VATID)
    /// A tax-free export out of the EU (§ 4 Nr. 1a, § 6 UStG).
    case export
    /// A distance sale to a consumer in another member state above the threshold: taxed at
    /// that country's rates, declared in the One-Stop-Shop return (§ 3c, § 18j UStG).
    case oss(country: String, rates: CountryVATRates)
    /// A small business (§ 19 UStG): no VAT.
    case smallBusiness

    /// What the shop's settings contribute to the decision.
    public struct Seller: Sendable, Equatable {
        /// Whether the shop is a small business under § 19 UStG (`small_business`).
        public var smallBusiness: Bool
        /// The EU-wide threshold of distance sales in minor units (`oss_threshold`, 10,000 EUR).
        public var ossThreshold: Int
        /// The shop's distance sales to consumers in other member states so far this year,
        /// net, before this order.
        public var distanceSalesThisYear: Int
        /// The same for the whole of last year.
        public var distanceSalesLastYear: Int

        public init(smallBusiness: Bool = false, ossThreshold: Int = 1_000_000, distanceSalesThisYear: Int = 0,
                    distanceSalesLastYear: Int = 0) {
            self.smallBusiness = smallBusiness
            self.ossThreshold = ossThreshold
            self.distanceSalesThisYear = distanceSalesThisYear
            self.distanceSalesLastYear = distanceSalesLastYear
        }
    }

    /// The case and, where the buyer's VAT ID could not be used, why.
    public struct Decision: Sendable, Equatable {
        public var vatCase: VATCase
        /// A VAT ID given that does not have its country's shape: the order was treated as
        /// one of a buyer without an ID.
        public var rejectedVATID: String?
    }

    /// The seller's own country.
    public static let home = "DE"

    /// Decides the case of an order shipped to `shipTo` (ISO code; nil or empty: Germany) for
    /// a buyer with `vatID` (as given, checked for its shape here) who is a business or not,
    /// worth `orderNet` (net at German rates) towards the distance sales.
    ///
    /// 1. A small business charges no VAT, wherever the goods go.
    /// 2. Goods that stay in Germany are taxed in Germany.
    /// 3. Goods that leave the EU are a tax-free export.
    /// 4. Goods to another member state for a business whose VAT ID is of a member state
    ///    other than Germany and has its shape are a tax-free intra-community supply.
    /// 5. Otherwise (a consumer, a business without a usable ID) they are a distance sale:
    ///    taxed in Germany while the distance sales of last year and this year, this order
    ///    included, stay within the threshold; beyond it at the destination's rates (OSS).
    public static func decide(shipTo: String?, vatID: String?, business: Bool, orderNet: Int, seller: Seller,
                              rates: EUVATRates) -> Decision {
        let given = vatID.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let id = given.flatMap(VATID.init)
        let rejected = given != nil && id == nil ? given : nil
        let country = (shipTo?.isEmpty ?? true) ? home : shipTo!.uppercased()
        if seller.smallBusiness { return Decision(vatCase: .smallBusiness, rejectedVATID: rejected) }
        if country == home { return Decision(vatCase: .domestic, rejectedVATID: rejected) }
        guard let destination = rates[country] else { return Decision(vatCase: .export, rejectedVATID: rejected) }
        if business, let id, id.country != home {
            return Decision(vatCase: .intraCommunity(vatID: id), rejectedVATID: nil)
        }
        let over = seller.distanceSalesLastYear > seller.ossThreshold
            || seller.distanceSalesThisYear + orderNet > seller.ossThreshold
        return Decision(vatCase: over ? .oss(country: country, rates: destination) : .domestic, rejectedVATID: rejected)
    }
}
