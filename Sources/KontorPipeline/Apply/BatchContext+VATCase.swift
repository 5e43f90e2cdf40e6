import KontorAccounting
import KontorCore
import KontorCredit

extension BatchContext {
    /// Decides the VAT case of a new order (`VATCase.decide`) from its ship-to country (else
    /// the customer's), the customer's VAT ID and whether they are a business, and the shop's
    /// settings. The running figure of the year's distance sales is read only for an order to
    /// a consumer in another member state; a domestic order costs no query. A VAT ID that
    /// does not have its country's shape is named in `log` as a warning.
    func vatDecision(_ order: Order, customer: CustomerAccount?, goods: [TaxableAmount], log: inout DiagnosticLog) throws -> VATCase {
        let shipTo = order.shipTo?.country ?? customer?.country
        let rates = settings.euVATRates
        var seller = VATCase.Seller(smallBusiness: settings.smallBusiness, ossThreshold: settings.ossThreshold)
        // The order's net counts only towards the distance sales: computed for those alone.
        var orderNet = 0
        if !settings.smallBusiness, let country = shipTo?.uppercased(), country != VATCase.home, rates.isMember(country) {
            orderNet = InvoiceCalculator.totals(goods: goods, shipping: order.shipping, basis: order.priceBasis).reduce(0) { $0 + $1.net }
            let year = order.orderDate.year
            seller.distanceSalesThisYear = try ledger.distanceSales(shop: shop, year: year)
            seller.distanceSalesLastYear = try ledger.distanceSales(shop: shop, year: year - 1)
        }
        let decision = VATCase.decide(shipTo: shipTo, vatID: customer?.vatID, business: customer?.business ?? false,
                                      orderNet: orderNet, seller: seller, rates: rates)
        if let rejected = decision.rejectedVATID {
            log.append(Diagnostic("order.vat-id",
                                  "order \(order.orderNumber): the customer's VAT ID \"\(rejected)\" does not have the shape of its country's numbers; invoiced as to a buyer without one",
                                  de: "Bestellung \(order.orderNumber): die USt-IdNr. \"\(rejected)\" des Kunden hat nicht die Form der Nummern ihres Landes; berechnet wie an einen Käufer ohne USt-IdNr.",
                                  hint: "Correct the VAT ID in the customer list (country prefix and digits, such as NL123456789B01).",
                                  at: order.location, severity: .warning))
        }
        return decision.vatCase
    }

    /// Whether an invoice of `vatCase` for `order` counts towards the distance sales.
    func isDistanceSale(_ vatCase: VATCase, of order: Order, customer: CustomerAccount?) -> Bool {
        VATCase.isDistanceSale(shipTo: order.shipTo?.country ?? customer?.country, rates: settings.euVATRates, vatCase: vatCase)
    }
}
