/// What a DATEV export needs to know about a shop's books, from `[shops.<name>.datev]`:
/// whose books they are at the tax advisor's, when the fiscal year starts, how long account
/// numbers are, and which debtor accounts receivables go to.
public struct DATEVSettings: Sendable, Equatable {
    /// The tax advisor's number (Beraternummer), 1001–9999999.
    public var consultant = 1001
    /// The client's number at the advisor (Mandantennummer), 1–99999.
    public var client = 1
    /// The month the fiscal year starts in, 1–12.
    public var fiscalYearStartMonth = 1
    /// Digits of a ledger account (Sachkontenlänge), 4–8; personal accounts have one more.
    public var accountLength = 4
    /// Where receivables go: one collective account, or a debtor account per customer.
    public var debtors = Debtors.collective
    /// The account of every customer when `debtors` is `collective`: the receivables account
    /// 1400, or a collective debtor (10000).
    public var collectiveDebtor = ChartOfAccounts.receivables.number
    /// The first number of the per-customer debtors, if not the default (10000 for 4 digits).
    public var firstDebtorSetting: Int?
    /// The chart of accounts the advisor keeps the books in: `03` (SKR03, the chart Kontor
    /// posts to) or `04` (SKR04: each account is handed over under its SKR04 number).
    public var chart = "03"
    /// SKR04 numbers of SKR03 accounts beyond (or instead of) `SKR04.fromSKR03`, from
    /// `[shops.<name>.datev.skr04]`.
    public var skr04: [Int: Int] = [:]

    /// The defaults: consultant 1001, client 1, fiscal year from January, 4 digits, every
    /// customer on 1400.
    public init() {}

    /// Which DATEV account a customer's receivables are booked to.
    public enum Debtors: Sendable, Equatable {
        /// Every customer on one account, `collectiveDebtor`.
        case collective
        /// Each customer on a debtor account of their own, numbered from `firstDebtor` on in
        /// the order customers first appear on the receivables account.
        case perCustomer
    }

    /// The first number of the per-customer debtors: the setting, else 10000 for 4 digits
    /// (100000 for 5, ...).
    public var firstDebtor: Int { firstDebtorSetting ?? Self.power(accountLength) }

    /// The number DATEV knows a ledger account by: Kontor's four digits, in SKR04 its SKR04
    /// number, with zeros appended for a longer account length (8400 → 84000 for 5 digits;
    /// 8400 → 4400 in SKR04). An SKR03 account without an SKR04 number keeps its own: the
    /// export refuses such a month first (`unmapped`).
    public func ledgerAccount(_ number: Int) -> Int {
        (chart == "04" ? skr04Number(number) ?? number : number) * Self.power(accountLength - 4)
    }

    /// The SKR04 number of an SKR03 account: the shop's own, else the standard one.
    public func skr04Number(_ number: Int) -> Int? {
        skr04[number] ?? SKR04.fromSKR03[number]
    }

    /// The accounts of `accounts` that have no number in the advisor's chart; empty in SKR03.
    public func unmapped(_ accounts: some Sequence<Int>) -> [Int] {
        guard chart == "04" else { return [] }
        return Set(accounts).filter { skr04Number($0) == nil }.sorted()
    }

    /// Whether `number` is a personal account (debtor) of this account length: one digit more
    /// than ledger accounts, not starting with 0.
    public func isPersonalAccount(_ number: Int) -> Bool {
        String(number).count == accountLength + 1
    }

    static func power(_ exponent: Int) -> Int {
        (0..<max(0, exponent)).reduce(1) { acc, _ in acc * 10 }
    }
}
