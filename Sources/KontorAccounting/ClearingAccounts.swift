/// Where money that a shop or a payment provider reports waits until the bank brings it:
/// one clearing account per payment method, SKR03 1360 Geldtransit for every method unless
/// the shop's settings name another. The bank statement line that brings the money clears it.
public struct ClearingAccounts: Sendable, Equatable {
    /// The clearing account of every method that has none of its own.
    public var standard: Int = ChartOfAccounts.cashInTransit.number
    /// Clearing accounts of single payment methods (`paypal`, `card`, ...), by lower-case method.
    public var byMethod: [String: Int] = [:]

    /// 1360 for every method.
    public init() {}

    /// The payment methods whose payments a provider reports and pays out later, besides
    /// those the settings give an account of their own.
    public static let providers: Set<String> = ["paypal", "card", "stripe", "klarna", "cod", "amazon", "sofort", "mollie"]

    /// Methods that name the bank itself, never a provider, even when the settings give them an account.
    static let bankMethods: Set<String> = ["prepaid", "invoice", "transfer", "bank", "sepa", "ueberweisung", "überweisung"]

    /// The clearing account of a payment method.
    public func account(method: String?) -> LedgerAccount {
        let key = method?.lowercased() ?? ""
        let number = byMethod[key] ?? standard
        if number == ChartOfAccounts.cashInTransit.number { return ChartOfAccounts.cashInTransit }
        return LedgerAccount(number: number, name: key.isEmpty ? "Geldtransit" : "Geldtransit \(key)")
    }

    /// The numbers of every clearing account in use, ascending.
    public var numbers: [Int] { Set(byMethod.values).union([standard]).sorted() }

    /// Whether a payment of `method` was reported by a payment provider (money in transit)
    /// rather than brought by the bank (a transfer, or a payment without a method).
    public func isProvider(_ method: String?) -> Bool {
        guard let key = method?.lowercased(), !key.isEmpty, !Self.bankMethods.contains(key) else { return false }
        return Self.providers.contains(key) || byMethod[key] != nil
    }

    /// Whether an account may serve as a clearing account: an SKR03 account of class 1
    /// (1000–1999) that is none of the bank, receivables, suspense and VAT accounts.
    public static func mayClear(_ number: Int) -> Bool {
        let taken = [ChartOfAccounts.bank, ChartOfAccounts.receivables, ChartOfAccounts.suspense, ChartOfAccounts.vat7,
                     ChartOfAccounts.vat19].map(\.number)
        return (1000...1999).contains(number) && !taken.contains(number)
    }
}
