import KontorAccounting
import KontorCore
import KontorCredit

/// Invoices a released order, on the customer's payment terms if it is on account, and
/// posts its payment if it came paid: to the clearing account of its payment method, where
/// it waits for the bank statement line or the provider's payout that brings the money.
struct InvoiceStep: OrderStep {
    func run(_ o: inout OrderInProgress, in context: inout BatchContext, log: inout DiagnosticLog) throws -> OrderStepOutcome {
        let order = o.order
        let terms = order.paymentMethod.isOnAccount ? (o.customer?.paymentTermsDays ?? context.settings.paymentTermsDays) : 0
        let invoice = try context.ledger.postInvoice(
            shop: context.shop, orderNumber: order.orderNumber, customerKey: o.customerKey, date: order.orderDate, dueDays: terms,
            goods: o.goods, shipping: order.shipping, basis: order.priceBasis, batch: context.batch)
        context.summary.invoices.append(.init(number: invoice.number, order: order.orderNumber,
                                              gross: Money.decimalString(invoice.gross)))
        if order.paid {
            try context.ledger.postPayment(shop: context.shop, document: invoice.number, customerKey: o.customerKey,
                                           amount: invoice.gross, date: order.orderDate,
                                           account: context.settings.clearingAccounts.account(method: order.paymentMethod.rawValue),
                                           text: "Zahlung \(order.paymentMethod.rawValue) Bestellung \(order.orderNumber)",
                                           batch: context.batch)
        }
        o.invoice = invoice
        return .next
    }
}
