/// One thing wrong with a shipping address, in words a shop owner can act on.
public struct AddressProblem: Sendable, Equatable, CustomStringConvertible {
    /// The address field concerned: name, addition, street, zip, city or country.
    public var field: String
    /// A full sentence naming the value and what to do, e.g.
    /// `postcode "1234" is not five digits; German postcodes have five digits, such as 21335`.
    public var message: String

    /// A problem with `field`, told in `message`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
