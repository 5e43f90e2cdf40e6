/// How an order is paid.
public enum PaymentMethod: String, Sendable, Codable, CaseIterable {
    case prepaid, invoice, paypal, card, cod

    /// Orders on account are paid after delivery and need credit.
    public var isOnAccount: Bool { self == .invoice }

    /// Whether the goods leave before the money comes, so that the credit check weighs the
    /// order: on account, and cash on delivery (the carrier collects at the door, and a parcel
    /// refused comes back unpaid). Invoicing and payment terms go by `isOnAccount` alone.
    public var carriesCreditRisk: Bool { self == .invoice || self == .cod }
}

/// A shipping address.
public struct Address: Sendable, Equatable, Codable {
    public var name: String
    /// The line between name and street (Adresszusatz): c/o, company, department, or a
    /// Packstation customer's post number.
    public var addition: String?
    public var street: String
    public var zip: String
    public var city: String
    public var country: String

    public init(name: String, addition: String? = nil, street: String, zip: String, city: String, country: String) {
        self.name = name
        self.addition = addition
        self.street = street
        self.zip = zip
        self.city = city
        self.country = country
    }
}

/// Whether an order's prices include VAT (shops selling to consumers) or not (B2B orders).
public enum PriceBasis: String, Sendable, Codable {
    case gross, net
}

/// One line of an order.
public struct OrderLine: Sendable, Equatable, Codable {
    public var sku: String
    public var quantity: Int
    /// Unit price in minor units, gross or net as the order's `priceBasis` says.
    public var unitPrice: Int
    /// The VAT rate, where the file states it; otherwise the article's rate applies.
    public var vatRate: VATRate?
    /// The amount taken off the whole line (not per unit) in minor units, in the order's
    /// price basis: a line discount. At most the line's total.
    public var discount: Int
    public var location: SourceLocation

    public init(sku: String, quantity: Int, unitPrice: Int, vatRate: VATRate? = nil, discount: Int = 0, location: SourceLocation) {
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.vatRate = vatRate
        self.discount = discount
        self.location = location
    }

    /// Quantity × unit price, before the line's discount: at most 10^6 × 10^11 = 10^17 for a
    /// line read within ``Limits``.
    public var lineTotal: Int { quantity * unitPrice }

    /// What the line costs after its discount.
    public var charged: Int { lineTotal - discount }
}

/// A customer's order with its lines (`orders` kind: one input row per line).
public struct Order: Sendable, Equatable {
    public var orderNumber: String
    public var orderDate: CalendarDate
    public var customerID: String?
    public var customerEmail: String?
    public var customerName: String?
    public var shipTo: Address?
    public var paymentMethod: PaymentMethod
    public var paid: Bool
    /// Shipping charge in minor units, gross or net as `priceBasis` says.
    public var shipping: Int
    /// Whether prices and shipping include VAT.
    public var priceBasis: PriceBasis
    public var currency: String
    /// Cancelled orders are recorded but neither reserved, invoiced nor shipped.
    public var cancelled: Bool
    /// The amount taken off the goods of the whole order (a coupon) in minor units, in the
    /// order's price basis, after the lines' own discounts. The books spread it over the
    /// lines by their net value (``InvoiceCalculator/spread(_:over:)``).
    public var discount: Int
    /// The coupon or discount code the customer gave, if any.
    public var couponCode: String?
    public var lines: [OrderLine]
    public var location: SourceLocation
    /// The number of the invoice the shop system issued for the order, where the file gives
    /// one; booked when the shop issues its own invoices.
    public var invoiceNumber: String?

    public init(orderNumber: String, orderDate: CalendarDate, customerID: String? = nil, customerEmail: String? = nil,
                customerName: String? = nil, shipTo: Address? = nil, paymentMethod: PaymentMethod = .prepaid,
                paid: Bool = false, shipping: Int = 0, priceBasis: PriceBasis = .gross, currency: String = "EUR",
                cancelled: Bool = false, discount: Int = 0, couponCode: String? = nil, lines: [OrderLine],
                location: SourceLocation) {
        self.orderNumber = orderNumber
        self.orderDate = orderDate
        self.customerID = customerID
        self.customerEmail = customerEmail
        self.customerName = customerName
        self.shipTo = shipTo
        self.paymentMethod = paymentMethod
        self.paid = paid
        self.shipping = shipping
        self.priceBasis = priceBasis
        self.currency = currency
        self.cancelled = cancelled
        self.discount = discount
        self.couponCode = couponCode
        self.lines = lines
        self.location = location
    }
}

extension Order {
    /// Whether Kontor can book the order: at most `Limits.maxOrderLines` lines, and lines,
    /// shipping and discounts that add up to at most `Limits.maxAmountMinor` in absolute
    /// value. Computed without trapping for any figures; sums over an order's amounts are
    /// safe once it holds.
    public var isWithinLimits: Bool {
        guard lines.count <= Limits.maxOrderLines else { return false }
        var sum = shipping.magnitude
        for amount in [discount.magnitude] + lines.map(\.discount.magnitude) {
            let (next, overflow) = sum.addingReportingOverflow(amount)
            if overflow || next > UInt(Limits.maxAmountMinor) { return false }
            sum = next
        }
        for line in lines {
            let (total, o1) = line.quantity.magnitude.multipliedReportingOverflow(by: line.unitPrice.magnitude)
            let (next, o2) = sum.addingReportingOverflow(total)
            if o1 || o2 || next > UInt(Limits.maxAmountMinor) { return false }
            sum = next
        }
        return sum <= UInt(Limits.maxAmountMinor)
    }
}

/// A payment received (`payments` kind).
public struct Payment: Sendable, Equatable {
    /// The order or invoice number the payer gave.
    public var reference: String
    /// The payer's free text (a bank transfer's purpose), searched for an order or invoice
    /// number when `reference` matches none.
    public var remittance: String?
    /// Amount in minor units; negative for money paid back.
    public var amount: Int
    public var date: CalendarDate
    public var payer: String?
    public var method: String?
    /// The currency of `amount`, ISO 4217: a payment in another currency than EUR is booked
    /// in euros at the reference rate of its date.
    public var currency: String
    public var location: SourceLocation

    public init(reference: String, amount: Int, date: CalendarDate, payer: String? = nil, method: String? = nil,
                remittance: String? = nil, currency: String = "EUR", location: SourceLocation) {
        self.reference = reference
        self.currency = currency
        self.remittance = remittance
        self.amount = amount
        self.date = date
        self.payer = payer
        self.method = method
        self.location = location
    }
}
