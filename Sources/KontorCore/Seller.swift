/// Who sells: the shop's owner as invoices and the tax advisor's exports name them. Every
/// field is empty until `kontor.toml` fills it (`[shops.<name>.seller]`).
public struct Seller: Sendable, Equatable {
    /// The legal name: `Teekontor Lüneburg GmbH`.
    public var legalName = ""
    /// Street and house number.
    public var street = ""
    /// Postcode.
    public var zip = ""
    /// City.
    public var city = ""
    /// Country, ISO 3166 two letters.
    public var country = "DE"
    /// The tax number the tax office gave (Steuernummer), if any.
    public var taxNumber = ""
    /// The VAT identification number (USt-IdNr.), if any: `DE123456789`.
    public var vatID = ""
    /// The bank account payments go to.
    public var iban = ""
    /// The bank's BIC.
    public var bic = ""

    /// A seller with every field empty.
    public init() {}
}
