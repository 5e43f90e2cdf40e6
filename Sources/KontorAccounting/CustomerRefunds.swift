/// What a customer is owed and was paid back: money owed is a credit balance on the
/// customer's receivables (a second payment, a correction of a paid invoice); money paid
/// back is recorded with its batch, per customer.
public struct CustomerRefunds: Sendable, Equatable {
    /// The customer.
    public var customerKey: String
    /// What the shop owes the customer now: their credit balance, in minor units.
    public var owed: Int
    /// What was paid back to the customer so far, in minor units.
    public var paid: Int

    /// A customer's refunds.
    public init(customerKey: String, owed: Int, paid: Int) {
        self.customerKey = customerKey
        self.owed = owed
        self.paid = paid
    }
}
