import KontorCore

/// What an order holds of one article: its booked lines in order, the units already
/// returned, and the order's price basis. What a return is weighed against.
public struct BookedArticle: Sendable, Equatable {
    /// The order's lines of the article, in line order.
    public var lines: [BookedLine]
    /// Units of the article that came back before.
    public var returned: Int
    /// Whether the lines' prices are gross or net.
    public var basis: PriceBasis

    /// What an order holds of one article.
    public init(lines: [BookedLine], returned: Int, basis: PriceBasis) {
        self.lines = lines
        self.returned = returned
        self.basis = basis
    }

    /// Units still with the customer, that a return may take back.
    public var open: Int { lines.reduce(0) { $0 + $1.quantity } - returned }
}
