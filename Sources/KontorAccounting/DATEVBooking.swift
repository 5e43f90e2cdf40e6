import KontorCore

/// One row of a DATEV booking batch: an amount, always positive, booked on `account` on
/// the side `side` against `contraAccount`, without a tax key: on an automatic revenue
/// account the amount is gross and DATEV derives the tax.
public struct DATEVBooking: Sendable, Equatable {
    /// Debit (`S`, Soll) or credit (`H`, Haben), relative to `account`.
    public enum Side: String, Sendable { case debit = "S", credit = "H" }

    /// The amount in minor units, above zero.
    public var amount: Int
    /// The side of `account`.
    public var side: Side
    /// The account (Konto), as DATEV numbers it.
    public var account: Int
    /// The contra account (Gegenkonto), as DATEV numbers it.
    public var contraAccount: Int
    /// The entry's date (Belegdatum).
    public var date: CalendarDate
    /// The document (Belegfeld 1): the invoice, credit note or payment reference.
    public var document: String
    /// The booking text.
    public var text: String
    /// The date of supply (Leistungsdatum), on rows of revenue; nil on others.
    public var serviceDate: CalendarDate?
    /// The journal entry the row comes from.
    public var entry: Int64
}

/// A journal entry as the DATEV export reads it.
public struct DATEVEntry: Sendable, Equatable {
    /// One line of the entry.
    public struct Line: Sendable, Equatable {
        public var account: Int
        public var debit: Int
        public var credit: Int
        public var customerKey: String?

        public init(account: Int, debit: Int, credit: Int, customerKey: String? = nil) {
            self.account = account
            self.debit = debit
            self.credit = credit
            self.customerKey = customerKey
        }
    }

    public var id: Int64
    public var date: CalendarDate
    public var document: String
    public var text: String
    public var lines: [Line]

    public init(id: Int64, date: CalendarDate, document: String, text: String, lines: [Line]) {
        self.id = id
        self.date = date
        self.document = document
        self.text = text
        self.lines = lines
    }
}

extension DATEVEntry {
    /// The automatic accounts of SKR03 that Kontor posts to (revenue and revenue reductions
    /// at 7 % and 19 %), with the VAT account and rate DATEV derives their tax with.
    public static let automaticAccounts: [Int: (vat: Int, percent: Int)] = [
        ChartOfAccounts.revenue7.number: (ChartOfAccounts.vat7.number, 7),
        ChartOfAccounts.revenueReduction7.number: (ChartOfAccounts.vat7.number, 7),
        ChartOfAccounts.revenue19.number: (ChartOfAccounts.vat19.number, 19),
        ChartOfAccounts.revenueReduction19.number: (ChartOfAccounts.vat19.number, 19),
    ]

    /// The revenue accounts of the VAT cases other than domestic (8120, 8125, 8195, 8320):
    /// automatic accounts without a tax key whose rows carry the date of supply; DATEV
    /// derives no German VAT on them.
    public static let revenueOfVATCases: Set<Int> = [
        ChartOfAccounts.exports.number, ChartOfAccounts.intraCommunitySupplies.number,
        ChartOfAccounts.smallBusinessRevenue.number, ChartOfAccounts.ossRevenue.number,
    ]

    /// The entry as DATEV rows. The VAT of each rate is folded into the entry's lines on the
    /// automatic accounts of that rate (so they carry gross amounts and no VAT row is
    /// written: DATEV derives it); lines on one account are netted; then debits are paired
    /// with credits in the order of the entry. Of each pair, the money account (class 1 below
    /// 1400) is the account, else the customer's (or the receivables account), else the
    /// debit side; the other is the contra account. `debtor` gives the DATEV
    /// account of a receivables line; `ledger` the DATEV number of any other account.
    public func bookings(debtor: (String?) -> Int, ledger: (Int) -> Int) -> [DATEVBooking] {
        struct Amount { var account: Int; var kontor: Int; var signed: Int }
        var amounts = lines.map { line in
            Amount(account: line.account == ChartOfAccounts.receivables.number ? debtor(line.customerKey) : ledger(line.account),
                   kontor: line.account, signed: line.debit - line.credit)
        }
        // Fold each VAT line into the automatic accounts of its rate.
        for vat in Set(Self.automaticAccounts.values.map(\.vat)).sorted() {
            let targets = amounts.indices.filter { Self.automaticAccounts[amounts[$0].kontor]?.vat == vat }
            let vatLines = amounts.indices.filter { amounts[$0].kontor == vat }
            guard !targets.isEmpty, !vatLines.isEmpty else { continue }
            let total = vatLines.reduce(0) { $0 + amounts[$1].signed }
            let largest = targets.max { abs(amounts[$0].signed) < abs(amounts[$1].signed) }!
            var rest = total
            for t in targets where t != largest {
                let share = Self.tax(of: amounts[t].signed, percent: Self.automaticAccounts[amounts[t].kontor]!.percent)
                amounts[t].signed += share
                rest -= share
            }
            amounts[largest].signed += rest
            for v in vatLines { amounts[v].signed = 0 }
        }
        // An OSS sale's VAT (1767) goes with its revenue (8320), which carries the gross:
        // the destination's rate is not one DATEV derives from the account.
        let ossVAT = amounts.indices.filter { amounts[$0].kontor == ChartOfAccounts.ossVAT.number }
        if let oss = amounts.indices.filter({ amounts[$0].kontor == ChartOfAccounts.ossRevenue.number })
            .max(by: { abs(amounts[$0].signed) < abs(amounts[$1].signed) }), !ossVAT.isEmpty {
            for v in ossVAT {
                amounts[oss].signed += amounts[v].signed
                amounts[v].signed = 0
            }
        }
        // Net the lines of one account, in the order they first appear.
        var netted: [Amount] = []
        for a in amounts {
            if let i = netted.firstIndex(where: { $0.account == a.account }) { netted[i].signed += a.signed } else { netted.append(a) }
        }
        var debits = netted.filter { $0.signed > 0 }
        var credits = netted.filter { $0.signed < 0 }.map { Amount(account: $0.account, kontor: $0.kontor, signed: -$0.signed) }
        var rows: [DATEVBooking] = []
        var d = 0, c = 0
        while d < debits.count, c < credits.count {
            let amount = min(debits[d].signed, credits[c].signed)
            let debit = debits[d], credit = credits[c]
            let creditLeads = Self.rank(credit.kontor) < Self.rank(debit.kontor)
            let revenue = Self.automaticAccounts[debit.kontor] != nil || Self.automaticAccounts[credit.kontor] != nil
                || Self.revenueOfVATCases.contains(debit.kontor) || Self.revenueOfVATCases.contains(credit.kontor)
            rows.append(DATEVBooking(amount: amount, side: creditLeads ? .credit : .debit,
                                     account: creditLeads ? credit.account : debit.account,
                                     contraAccount: creditLeads ? debit.account : credit.account,
                                     date: date, document: document, text: text, serviceDate: revenue ? date : nil, entry: id))
            debits[d].signed -= amount
            credits[c].signed -= amount
            if debits[d].signed == 0 { d += 1 }
            if credits[c].signed == 0 { c += 1 }
        }
        return rows
    }

    /// The tax DATEV derives for `net` at `percent`, rounded half away from zero.
    static func tax(of net: Int, percent: Int) -> Int {
        let scaled = net * percent
        return scaled >= 0 ? (scaled + 50) / 100 : -((-scaled + 50) / 100)
    }

    /// Which of two accounts leads a row: money (class 1 below receivables: bank, cash,
    /// money in transit) first, then the customer's (receivables), then the rest; as in
    /// DATEV's examples, a payment is the bank against the debtor, an invoice the debtor
    /// against revenue.
    static func rank(_ kontorAccount: Int) -> Int {
        if (1000..<ChartOfAccounts.receivables.number).contains(kontorAccount) { return 0 }
        if kontorAccount == ChartOfAccounts.receivables.number { return 1 }
        return 2
    }
}
