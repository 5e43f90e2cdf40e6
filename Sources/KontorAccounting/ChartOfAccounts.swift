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

    /// Exchange differences realised when an invoice in another currency is paid at another
    /// rate than it was booked at (SKR03; the account is added when first posted to).
    public static let exchangeGains = LedgerAccount(number: 2660, name: "Erträge aus Kursdifferenzen")
    public static let exchangeLosses = LedgerAccount(number: 2150, name: "Aufwendungen aus Kursdifferenzen")

    public static let revenueReduction0 = LedgerAccount(number: 8700, name: "Erlösschmälerungen")
    public static let revenueReduction7 = LedgerAccount(number: 8710, name: "Erlösschmälerungen 7 % USt")
    public static let revenueReduction19 = LedgerAccount(number: 8720, name: "Erlösschmälerungen 19 % USt")

    /// The accounts of the first release (`accounting-1`); later accounts come with the
    /// migration that introduced them.
    public static let skr03: [LedgerAccount] = [bank, cashInTransit, receivables, suspense, vat7, vat19, revenue0, revenue7, revenue19]

    /// The revenue account of a VAT rate.
    public static func revenue(_ rate: VATRate) -> LedgerAccount {
        switch rate.percent {
        case 19: revenue19
        case 7: revenue7
        default: revenue0
        }
    }

    /// The accounts that discounts are posted to, added by the migration `accounting-discounts`.
    public static let revenueReductions: [LedgerAccount] = [revenueReduction0, revenueReduction7, revenueReduction19]

    /// The revenue reduction (Erlösschmälerungen) account of a VAT rate: where discounts go,
    /// so that revenue shows the goods at their prices and the discounts apart.
    public static func revenueReduction(_ rate: VATRate) -> LedgerAccount {
        switch rate.percent {
        case 19: revenueReduction19
        case 7: revenueReduction7
        default: revenueReduction0
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
    public static func isInChart(_ number: Int) -> Bool {
        skr03.contains { $0.number == number } || number == bankFees.number || revenueReductions.contains { $0.number == number }
    }
}
