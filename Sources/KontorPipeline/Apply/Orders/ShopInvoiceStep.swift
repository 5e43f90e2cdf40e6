import KontorAccounting
import KontorCore
import KontorCredit
import KontorOrders

/// Where the shop system issues the invoices, books a new order's invoice as it arrives,
/// under the shop's number (the file's `invoice_number`, else the order number), dated the
/// order date: the customer already holds that invoice. A number already booked for another
/// order is an error. Cancelled orders, and shops whose invoices Kontor issues, pass.
struct ShopInvoiceStep: OrderHandlerStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let order = o.order
        guard context.settings.invoiceIssuer == .shop, !order.cancelled else { return .next }
        let number = order.invoiceNumber ?? order.orderNumber
        if let taken = try context.ledger.invoice(shop: context.shop, number: number) {
            log.append(Diagnostic("order.invoice-taken",
                                  "invoice number \(number) of order \(order.orderNumber) is already booked for order \(taken.orderNumber)",
                                  de: "Rechnungsnummer \(number) der Bestellung \(order.orderNumber) ist schon für Bestellung \(taken.orderNumber) gebucht",
                                  hint: "Give each order its own invoice_number, as the shop system issued it.",
                                  at: order.location))
            return .done
        }
        let terms = order.paymentMethod.isOnAccount ? (o.customer?.paymentTermsDays ?? context.settings.paymentTermsDays) : 0
        let invoice = try context.ledger.postInvoice(
            shop: context.shop, orderNumber: order.orderNumber, customerKey: o.customerKey, date: order.orderDate, dueDays: terms,
            goods: o.goods, shipping: order.shipping, basis: order.priceBasis, number: number, vatCase: o.vatCase,
            distanceSale: context.isDistanceSale(o.vatCase, of: order, customer: o.customer), batch: context.batch)
        context.summary.invoices.append(.init(number: invoice.number, order: order.orderNumber, gross: Money.decimalString(invoice.gross)))
        o.invoice = invoice
        o.way.append(OrderStep(.invoiced, "invoice \(number) issued by the shop"))
        return .next
    }
}
