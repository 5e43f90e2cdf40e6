/// One level of dunning: how long after the due date it is reached, the payment deadline
/// its letter gives, what it costs the customer and whether it charges default interest.
public struct DunningLevel: Sendable, Equatable {
    /// The level's key in `kontor.toml`: `reminder`, `first`, `final`.
    public var key: String
    /// What its letter is called: `Zahlungserinnerung`, `1. Mahnung`, `Letzte Mahnung`.
    public var title: String
    /// Days after the due date from which the level is reached.
    public var days: Int
    /// Days the letter gives to pay (its deadline); the next level waits until they passed.
    public var graceDays: Int
    /// The fee charged on each invoice the level is reached for, in minor units.
    public var fee: Int
    /// Whether a letter of this level charges default interest (§ 288 BGB) and, between
    /// businesses, the 40 EUR flat fee.
    public var chargesInterest: Bool

    /// A level.
    public init(key: String, title: String, days: Int, graceDays: Int, fee: Int, chargesInterest: Bool) {
        self.key = key
        self.title = title
        self.days = days
        self.graceDays = graceDays
        self.fee = fee
        self.chargesInterest = chargesInterest
    }
}
