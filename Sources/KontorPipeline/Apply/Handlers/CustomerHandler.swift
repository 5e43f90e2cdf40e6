import KontorCore
import KontorCredit
import KontorOrders

/// A customer of the customer list: inserted or updated in the credit book; orders held for
/// want of the customer, and held orders that the new limit (or a lifted block) lets
/// through, are released.
struct CustomerHandler: RecordHandler {
    let kind = RecordKind.customer

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .customer(let customer) = record else { return }
        try context.credit.upsert(customer, shop: context.shop, batch: context.batch)
        context.customers = [:]
        for key in [customer.customerID, customer.email.lowercased()] where !key.isEmpty {
            try context.releaseWaiting(for: .customer, of: key, because: "customer \(customer.customerID) is now in the customer list", log: &log)
        }
        if let limit = customer.creditLimit {
            try context.releaseHeldOrders(of: customer.customerID, on: try context.receivedDate(), because: "credit limit now \(Money.decimalString(limit))", log: &log)
        } else if customer.blocked == false {
            try context.releaseHeldOrders(of: customer.customerID, on: try context.receivedDate(), because: "customer no longer blocked", log: &log)
        }
    }
}
