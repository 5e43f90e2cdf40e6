import Foundation
import KontorCore

/// A dunning letter to one customer, as plain German text and as an A4 PDF: the invoices it
/// names with what is open, the level each reached, the fee, interest and flat fee charged,
/// the new total and the payment deadline, and the seller's bank to pay to.
public struct DunningLetter: Sendable, Equatable {
    /// One invoice in the letter.
    public struct Item: Sendable, Equatable {
        public var invoice: String
        public var invoiceDate: CalendarDate
        public var dueDate: CalendarDate
        /// The level's title: `1. Mahnung`.
        public var level: String
        /// What was open before this letter (earlier charges included).
        public var openBefore: Int
        public var fee: Int
        public var interest: Int
        /// The interest's days and rate (base rate plus surcharge), for the letter's text.
        public var interestFrom: CalendarDate?
        public var interestThrough: CalendarDate?
        public var interestRates: [Int]
        public var flatFee: Int

        /// An item.
        public init(invoice: String, invoiceDate: CalendarDate, dueDate: CalendarDate, level: String, openBefore: Int,
                    fee: Int, interest: Int, interestFrom: CalendarDate?, interestThrough: CalendarDate?,
                    interestRates: [Int], flatFee: Int) {
            self.invoice = invoice
            self.invoiceDate = invoiceDate
            self.dueDate = dueDate
            self.level = level
            self.openBefore = openBefore
            self.fee = fee
            self.interest = interest
            self.interestFrom = interestFrom
            self.interestThrough = interestThrough
            self.interestRates = interestRates
            self.flatFee = flatFee
        }

        /// What is owed on the invoice after this letter.
        public var total: Int { openBefore + fee + interest + flatFee }
    }

    public var shopName: String
    public var customerID: String
    public var customerName: String
    /// The address lines under the name (street, postcode and city), as far as known.
    public var address: [String]
    public var date: CalendarDate
    public var deadline: CalendarDate
    /// The highest level in the letter, its title.
    public var title: String
    public var items: [Item]
    /// The seller's lines for the letterhead (legal name, street, postcode and city); the
    /// shop's name alone when empty.
    public var seller: [String]
    /// The seller's tax number, VAT ID and bank, for the foot of each page.
    public var sellerFacts: [String]

    /// A letter.
    public init(shopName: String, customerID: String, customerName: String, address: [String], date: CalendarDate,
                deadline: CalendarDate, title: String, items: [Item], seller: [String] = [], sellerFacts: [String] = []) {
        self.seller = seller
        self.sellerFacts = sellerFacts
        self.shopName = shopName
        self.customerID = customerID
        self.customerName = customerName
        self.address = address
        self.date = date
        self.deadline = deadline
        self.title = title
        self.items = items
    }

    /// What the customer owes after the letter.
    public var total: Int { items.reduce(0) { $0 + $1.total } }

    /// The letter as UTF-8 text.
    public var text: String {
        var t = "\(shopName)\n\n\(customerName)\n"
        for line in address where !line.isEmpty { t += "\(line)\n" }
        t += "\nKundennummer: \(customerID)\nDatum: \(Self.german(date))\n\n\(title)\n\n"
        t += "Sehr geehrte Damen und Herren,\n\n"
        t += "nach unserer Buchhaltung sind die folgenden Rechnungen fällig und noch nicht (vollständig) bezahlt:\n\n"
        for item in items {
            t += "Rechnung \(item.invoice) vom \(Self.german(item.invoiceDate)), fällig am \(Self.german(item.dueDate)) – \(item.level)\n"
            t += "  offen:                      \(Self.euro(item.openBefore))\n"
            if item.fee > 0 { t += "  Mahngebühr:                 \(Self.euro(item.fee))\n" }
            if item.interest > 0, let from = item.interestFrom, let through = item.interestThrough {
                let rates = item.interestRates.map(Self.percent).joined(separator: " / ")
                t += "  Verzugszinsen \(Self.german(from))–\(Self.german(through)) (\(rates) p. a.): \(Self.euro(item.interest))\n"
            }
            if item.flatFee > 0 { t += "  Verzugspauschale (§ 288 Abs. 5 BGB): \(Self.euro(item.flatFee))\n" }
            t += "  zu zahlen:                  \(Self.euro(item.total))\n\n"
        }
        t += "Gesamtbetrag: \(Self.euro(total))\n\n"
        t += "Bitte überweisen Sie den Gesamtbetrag bis zum \(Self.german(deadline)) unter Angabe der Rechnungsnummern.\n"
        t += "Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.\n\n"
        t += "Mit freundlichen Grüßen\n\(shopName)\n"
        return t
    }

    /// `14.03.2025`.
    static func german(_ d: CalendarDate) -> String { GermanFormat.date(d) }

    /// `1234,56 EUR`.
    static func euro(_ minor: Int) -> String { Money.decimalString(minor, separator: ",") + " EUR" }

    /// `10,27 %` from basis points.
    static func percent(_ basisPoints: Int) -> String { Money.decimalString(basisPoints, separator: ",") + " %" }
}
