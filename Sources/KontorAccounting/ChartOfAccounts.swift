import KontorCore

/// A ledger account of the chart.
public struct LedgerAccount: Sendable, Hashable {
    public var number: Int
    public var name: String
}

/// The SKR03 accounts a small online shop books to.
public enum ChartOfAccounts {
    public static let bank = LedgerAccount(number: 1200, name: "Bank")
    public static let cashInTransit = LedgerAccount(number: 1360, name: "Geldtransit")
    public static let receivables = LedgerAccount(number: 1400, name: "Forderungen aus Lieferungen und Leistungen")
    public static let suspense = LedgerAccount(number: 1590, name: "Durchlaufende Posten")
    public static let vat7 = LedgerAccount(number: 1771, name: "Umsatzsteuer 7 %")
    public static let vat19 = LedgerAccount(number: 1776, name: "Umsatzsteuer 19 %")
    public static let revenue0 = LedgerAccount(number: 8200, name: "Erlöse")
    public static let revenue7 = LedgerAccount(number: 8300, name: "Erlöse 7 % USt")
    public static let revenue19 = LedgerAccount(number: 8400, name: "Erlöse 19 % USt")
    /// Fees of payment providers and banks (added by migration `accounting-3`).
    public static let bankFees = LedgerAccount(number: 4970, name: "Nebenkosten des Geldverkehrs")

    /// The accounts the books were first made with (migration `accounting-1`; never changed).
    public static let skr03: [LedgerAccount] = [bank, cashInTransit, receivables, suspense, vat7, vat19, revenue0, revenue7, revenue19]

    /// The revenue account of a VAT rate.
    public static func revenue(_ rate: VATRate) -> LedgerAccount {
        switch rate.percent {
        case 19: revenue19
        case 7: revenue7
        default: revenue0
        }
    }

    /// The output VAT account of a rate, nil for 0 %.
    public static func vat(_ rate: VATRate) -> LedgerAccount? {
        switch rate.percent {
        case 19: vat19
        case 7: vat7
        default: nil
        }
    }

    /// Whether an account is one of the chart's own, there since the books were made.
    public static func isInChart(_ number: Int) -> Bool { skr03.contains { $0.number == number } || number == bankFees.number }
}
