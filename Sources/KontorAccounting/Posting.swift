/// One line of a journal entry: an amount on the debit or the credit side of an account.
public struct Posting: Sendable, Equatable {
    public var account: LedgerAccount
    public var debit: Int
    public var credit: Int
    /// The open item this line belongs to (an invoice or credit note number).
    public var document: String?
    /// The customer of a receivables line.
    public var customerKey: String?

    public static func debit(_ account: LedgerAccount, _ amount: Int, document: String? = nil, customer: String? = nil) -> Posting {
        amount >= 0
            ? Posting(account: account, debit: amount, credit: 0, document: document, customerKey: customer)
            : Posting(account: account, debit: 0, credit: -amount, document: document, customerKey: customer)
    }

    public static func credit(_ account: LedgerAccount, _ amount: Int, document: String? = nil, customer: String? = nil) -> Posting {
        debit(account, -amount, document: document, customer: customer)
    }
}

/// Why the books refused an entry.
public struct AccountingError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
