import KontorCore

/// An invoice with money still owed on it: the open item that dunning and the aging list work on.
public struct OpenItem: Sendable, Equatable {
    /// The invoice number.
    public var document: String
    public var customerKey: String
    /// The invoice's date and due date.
    public var date: CalendarDate
    public var dueDate: CalendarDate
    /// The invoice's gross amount.
    public var gross: Int
    /// What is still owed on it, its corrections (credit notes) taken off; above zero.
    public var open: Int

    /// An open item.
    public init(document: String, customerKey: String, date: CalendarDate, dueDate: CalendarDate, gross: Int, open: Int) {
        self.document = document
        self.customerKey = customerKey
        self.date = date
        self.dueDate = dueDate
        self.gross = gross
        self.open = open
    }
}
