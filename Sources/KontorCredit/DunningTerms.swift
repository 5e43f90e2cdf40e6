/// How a shop duns: its three levels (a payment reminder, a first and a final dunning),
/// whether default interest and the flat fee are charged, and the accounts they are posted to.
public struct DunningTerms: Sendable, Equatable {
    /// The levels in order: reminder, first dunning, final dunning.
    public var levels: [DunningLevel]
    /// Whether default interest (§ 288 Abs. 1, 2 BGB) is charged by the levels that charge it.
    public var interest = true
    /// The flat fee a business customer owes once per claim (§ 288 Abs. 5 BGB), in minor units; 0 turns it off.
    public var flatFee = 4_000
    /// SKR03 account of the interest: 2650 Sonstige Zinsen und ähnliche Erträge.
    public var interestAccount = 2650
    /// SKR03 account of the fees and the flat fee: 2700 Sonstige Erträge.
    public var feeAccount = 2700

    /// The embedded defaults: a reminder 7 days after the due date, a first dunning after
    /// 21 days with a fee of 2.50 and interest, a final dunning after 35 days with 5.00; each
    /// letter gives 7 days to pay.
    public static let standard = DunningTerms(levels: [
        DunningLevel(key: "reminder", title: "Zahlungserinnerung", days: 7, graceDays: 7, fee: 0, chargesInterest: false),
        DunningLevel(key: "first", title: "1. Mahnung", days: 21, graceDays: 7, fee: 250, chargesInterest: true),
        DunningLevel(key: "final", title: "Letzte Mahnung", days: 35, graceDays: 7, fee: 500, chargesInterest: true),
    ])

    /// Terms with these levels.
    public init(levels: [DunningLevel]) {
        self.levels = levels
    }

    /// The level with this key, if there is one.
    public func index(of key: String) -> Int? {
        levels.firstIndex { $0.key == key }
    }
}
