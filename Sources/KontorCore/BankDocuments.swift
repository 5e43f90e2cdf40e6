/// A movement on the shop's bank account that is not a customer's payment: a debit (rent,
/// a supplier, fees) or a credit that Kontor records as it is.
public struct BankTransaction: Sendable, Equatable {
    /// The account it happened on (IBAN), if the statement says.
    public var account: String?
    public var date: CalendarDate
    /// Minor units; negative for money going out.
    public var amount: Int
    public var currency: String
    public var counterparty: String?
    /// The purpose text.
    public var text: String?
    /// The bank's reference of the entry, for tracing it back.
    public var reference: String?
    public var location: SourceLocation

    public init(account: String?, date: CalendarDate, amount: Int, currency: String = "EUR", counterparty: String? = nil,
                text: String? = nil, reference: String? = nil, location: SourceLocation) {
        self.account = account
        self.date = date
        self.amount = amount
        self.currency = currency
        self.counterparty = counterparty
        self.text = text
        self.reference = reference
        self.location = location
    }
}

/// A bank statement's closing balance: what the account held at the end of a day.
public struct StatementBalance: Sendable, Equatable {
    public var account: String
    public var date: CalendarDate
    /// Minor units; negative for an overdraft.
    public var amount: Int
    public var currency: String
    public var location: SourceLocation

    public init(account: String, date: CalendarDate, amount: Int, currency: String = "EUR", location: SourceLocation) {
        self.account = account
        self.date = date
        self.amount = amount
        self.currency = currency
        self.location = location
    }
}

/// A new price of an existing article (a catalogue's price update).
public struct PriceUpdate: Sendable, Equatable {
    public var sku: String
    /// Gross unit price in minor units.
    public var priceGross: Int
    /// A new VAT rate, if the update gives one.
    public var vatRate: VATRate?
    public var location: SourceLocation

    public init(sku: String, priceGross: Int, vatRate: VATRate? = nil, location: SourceLocation) {
        self.sku = sku
        self.priceGross = priceGross
        self.vatRate = vatRate
        self.location = location
    }
}
