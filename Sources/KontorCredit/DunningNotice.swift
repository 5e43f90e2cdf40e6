import KontorCore

/// One invoice in a dunning letter: the level it reached, and what the letter charged on it.
public struct DunningNotice: Sendable, Equatable {
    /// The invoice.
    public var document: String
    public var customerKey: String
    /// Index of the level in `DunningTerms.levels`.
    public var level: Int
    /// The level's title: `1. Mahnung`.
    public var title: String
    public var date: CalendarDate
    /// The payment deadline the letter gives.
    public var deadline: CalendarDate
    /// The invoice's open amount without charges of earlier letters, on which interest runs.
    public var principal: Int
    public var fee: Int
    public var interest: Int
    /// The days the interest covers, if any.
    public var interestFrom: CalendarDate?
    public var interestThrough: CalendarDate?
    /// The flat fee of § 288 Abs. 5 BGB, charged once per claim.
    public var flatFee: Int

    /// What this letter charges on the invoice.
    public var charges: Int { fee + interest + flatFee }

    /// A notice.
    public init(document: String, customerKey: String, level: Int, title: String, date: CalendarDate,
                deadline: CalendarDate, principal: Int, fee: Int, interest: Int, interestFrom: CalendarDate?,
                interestThrough: CalendarDate?, flatFee: Int) {
        self.document = document
        self.customerKey = customerKey
        self.level = level
        self.title = title
        self.date = date
        self.deadline = deadline
        self.principal = principal
        self.fee = fee
        self.interest = interest
        self.interestFrom = interestFrom
        self.interestThrough = interestThrough
        self.flatFee = flatFee
    }
}
