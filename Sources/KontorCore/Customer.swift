/// A customer of the shop (`customers` kind).
public struct Customer: Sendable, Equatable {
    public var customerID: String
    public var name: String
    public var email: String
    /// Credit limit for orders on account, in minor units; nil means the shop's default.
    public var creditLimit: Int?
    public var paymentTermsDays: Int?
    public var vatID: String?
    public var country: String?
    public var street: String?
    public var zip: String?
    public var city: String?
    /// Whether the customer is a business (default interest of § 288 Abs. 2 BGB and the flat
    /// fee); nil: a business if a VAT ID is given.
    public var isBusiness: Bool?
    /// Whether the customer is never dunned; nil: not given (as before).
    public var dunningStop: Bool?
    /// Whether the customer may not buy on account at all (gesperrt); nil: not given (as before).
    public var blocked: Bool?
    public var location: SourceLocation

    public init(customerID: String, name: String, email: String, creditLimit: Int? = nil,
                paymentTermsDays: Int? = nil, vatID: String? = nil, country: String? = nil,
                street: String? = nil, zip: String? = nil, city: String? = nil, isBusiness: Bool? = nil,
                dunningStop: Bool? = nil, blocked: Bool? = nil, location: SourceLocation) {
        self.blocked = blocked
        self.customerID = customerID
        self.name = name
        self.email = email
        self.creditLimit = creditLimit
        self.paymentTermsDays = paymentTermsDays
        self.vatID = vatID
        self.country = country
        self.street = street
        self.zip = zip
        self.city = city
        self.isBusiness = isBusiness
        self.dunningStop = dunningStop
        self.location = location
    }
}
