import GRDB
import KontorCore

/// Invoices of orders that ship in parts: one invoice per delivery (a Teilrechnung).
extension Ledger {
    /// Posts the invoice of one delivery of an order that ships in parts, the `delivery`th,
    /// with figures per rate computed for it (`PartDelivery.totals`), in Kontor's range, on
    /// the customer's terms (`dueDays`).
    public func postPartInvoice(shop: String, orderNumber: String, customerKey: String, date: CalendarDate, dueDays: Int,
                                totals: [RateTotal], delivery: Int, batch: Int64) throws -> PostedInvoice {
        let date = try openDate(shop: shop, date)
        let number = try nextNumber(shop: shop, series: "RE", year: date.year)
        return try record(shop: shop, number: number, kind: "invoice", orderNumber: orderNumber, customerKey: customerKey,
                          date: date, dueDays: dueDays, totals: totals, refersTo: nil, sign: 1, batch: batch,
                          text: "Rechnung \(number) zu Bestellung \(orderNumber), Teillieferung \(delivery)")
    }
}
