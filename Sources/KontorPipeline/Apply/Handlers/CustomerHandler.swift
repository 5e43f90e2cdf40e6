import KontorCore
import KontorCredit

/// A customer of the customer list: inserted or updated in the credit book; held orders of
/// the customer that the new limit lets through are released.
struct CustomerHandler: RecordHandler {
    let kind = RecordKind.customer

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .customer(let customer) = record else { return }
        try context.credit.upsert(customer, shop: context.shop, batch: context.batch)
        context.customers = [:]
        if let limit = customer.creditLimit {
            try context.releaseHeldOrders(of: customer.customerID, on: try context.receivedDate(), because: "credit limit now \(Money.decimalString(limit))", log: &log)
        }
    }
}
