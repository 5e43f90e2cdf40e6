/// An invoice or invoice correction as a German A4 document (§ 14 UStG).
///
/// Amounts are minor units, printed as given: the tax breakdown is the one booked, never
/// recomputed here. Long tables continue on further pages, each numbered `Seite n von m`.
public struct InvoiceDocument: Sendable {
    /// One article on the invoice.
    public struct Line: Sendable, Equatable {
        /// The article number.
        public var sku: String
        /// The article's name as printed.
        public var description: String
        /// How many pieces were sold (negative on a correction that takes them back).
        public var quantity: Int
        /// The price of one piece in minor units, in the basis `pricesIncludeVAT` says.
        public var unitPrice: Int
        /// Quantity × unit price less discount, in minor units, in the same basis.
        public var total: Int
        /// The VAT rate in percent: 0, 7 or 19 (another member state's for an OSS sale).
        public var rate: Int
        /// The rate as printed where it is not a whole percent (`5,5`); nil: `rate`.
        public var rateText: String?

        /// A line.
        public init(sku: String, description: String, quantity: Int, unitPrice: Int, total: Int, rate: Int,
                    rateText: String? = nil) {
            self.rateText = rateText
            self.sku = sku
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.total = total
            self.rate = rate
        }
    }

    /// The net amount and the tax booked at one VAT rate.
    public struct RateTotal: Sendable, Equatable {
        /// The VAT rate in percent.
        public var rate: Int
        /// The net amount at this rate, in minor units.
        public var net: Int
        /// The tax at this rate, in minor units.
        public var vat: Int
        /// The rate as printed where it is not a whole percent (`5,5`); nil: `rate`.
        public var rateText: String?

        /// A rate's total.
        public init(rate: Int, net: Int, vat: Int, rateText: String? = nil) {
            self.rateText = rateText
            self.rate = rate
            self.net = net
            self.vat = vat
        }
    }

    /// `Rechnung` or `Rechnungskorrektur`.
    public var title: String
    /// The invoice's number: `RE2025-00001`, `GS2025-00001`.
    public var number: String
    /// The date of issue as printed: `03.03.2025`.
    public var date: String
    /// The date of delivery (Leistungsdatum) as printed; nil where it is the date of issue.
    public var deliveryDate: String?
    /// The shop's order number.
    public var orderNumber: String
    /// The customer's number, where there is one.
    public var customerNumber: String?
    /// The date payment is due as printed, nil for no payment line.
    public var dueDate: String?
    /// For a correction, the invoice it corrects as printed under the title:
    /// `Korrektur zu Rechnung RE2025-00003 vom 04.03.2025`.
    public var corrects: String?
    /// The seller's legal name, street and `zip city`.
    public var seller: [String]
    /// The facts in the footer: tax number, VAT ID, bank account, managing director, register.
    public var sellerFacts: [String]
    /// The billing address lines in DIN 5008 order.
    public var buyer: [String]
    /// The delivery address lines, given only where they differ from the billing address.
    public var delivery: [String]?
    /// The articles, in the order printed.
    public var lines: [Line]
    /// The shipping charge in the lines' basis, printed as a row `Versandkosten` when not nil.
    public var shipping: Int?
    /// Whether prices include VAT (a consumer shop) or not (business to business).
    public var pricesIncludeVAT: Bool
    /// The tax breakdown per rate exactly as booked.
    public var rates: [RateTotal]
    /// The net total in minor units.
    public var net: Int
    /// The VAT total in minor units.
    public var vat: Int
    /// The gross total (Rechnungsbetrag) in minor units.
    public var gross: Int
    /// Legal notes and free text printed under the totals, one paragraph each.
    public var notes: [String]

    /// An invoice document.
    public init(title: String, number: String, date: String, deliveryDate: String?, orderNumber: String,
                customerNumber: String?, dueDate: String?, corrects: String?, seller: [String], sellerFacts: [String],
                buyer: [String], delivery: [String]?, lines: [Line], shipping: Int?, pricesIncludeVAT: Bool,
                rates: [RateTotal], net: Int, vat: Int, gross: Int, notes: [String]) {
        self.title = title
        self.number = number
        self.date = date
        self.deliveryDate = deliveryDate
        self.orderNumber = orderNumber
        self.customerNumber = customerNumber
        self.dueDate = dueDate
        self.corrects = corrects
        self.seller = seller
        self.sellerFacts = sellerFacts
        self.buyer = buyer
        self.delivery = delivery
        self.lines = lines
        self.shipping = shipping
        self.pricesIncludeVAT = pricesIncludeVAT
        self.rates = rates
        self.net = net
        self.vat = vat
        self.gross = gross
        self.notes = notes
    }

    /// The labels and values printed beside the address: number, date of issue, date of
    /// delivery (where given), order and customer number (where there is one).
    var facts: [(label: String, value: String)] {
        var facts = [("Rechnungsnummer", number), ("Rechnungsdatum", date)]
        if let deliveryDate { facts.append(("Leistungsdatum", deliveryDate)) }
        facts.append(("Bestellnummer", orderNumber))
        if let customerNumber { facts.append(("Kundennummer", customerNumber)) }
        return facts.map { (label: $0.0, value: $0.1) }
    }
}
