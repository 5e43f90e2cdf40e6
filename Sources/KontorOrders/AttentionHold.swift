import KontorCore

/// Why an order waits for a person or for missing data before Kontor books it on: an
/// article the catalogue does not know, a customer on account the customer list does not
/// know, or a VAT rate that differs from the article's. Such an order is held "needs
/// attention": it reserves nothing, and is released when the data arrives or by command.
public struct AttentionHold: Sendable, Equatable {
    /// What the order needs.
    public enum Need: String, Sendable, CaseIterable {
        /// An article in the catalogue; the subject is its article number.
        case article
        /// A customer in the customer list; the subject is their id or e-mail address.
        case customer
        /// The article's VAT rate to agree with the order's; the subject is its article number.
        case rate
        /// The reference rate of the order's day for its currency; the subject is the
        /// currency code. Nobody may release it by hand: an amount is never converted at a
        /// guessed rate.
        case currency
    }

    /// What the order needs.
    public var need: Need
    /// The article number or customer it needs.
    public var subject: String
    /// The reason, for receipts and `kontor orders`.
    public var reason: String

    /// A hold for `need` of `subject`.
    public init(need: Need, subject: String, reason: String) {
        self.need = need
        self.subject = subject
        self.reason = reason
    }

    /// The catalogue has no article `sku`.
    public static func unknownArticle(_ sku: String) -> AttentionHold {
        AttentionHold(need: .article, subject: sku,
                      reason: "article \"\(sku)\" is not in the catalogue; send a products file with it")
    }

    /// The customer list has no customer `key` for an order on account.
    public static func unknownCustomer(_ key: String) -> AttentionHold {
        AttentionHold(need: .customer, subject: key,
                      reason: "customer \"\(key)\" buys on account but is not in the customer list; send a customers file with them")
    }

    /// The order is in `currency`, and no reference rate is known for its day `date`.
    public static func noExchangeRate(_ currency: String, on date: CalendarDate) -> AttentionHold {
        AttentionHold(need: .currency, subject: currency,
                      reason: "no reference rate for \(currency) on \(date) or the days before; send the ECB's rate file (eurofxref) with it")
    }

    /// The order states `stated` for article `sku`, the catalogue `rate`.
    public static func rateDiffers(_ sku: String, stated: VATRate, article rate: VATRate) -> AttentionHold {
        AttentionHold(need: .rate, subject: sku,
                      reason: "article \"\(sku)\" is at \(rate.percent) % VAT in the catalogue, the order says \(stated.percent) %")
    }
}

extension AttentionHold {
    /// What holds an order for attention, as a pure function of what the books know: each
    /// article the catalogue lacks (`article` gives an article's rate, nil if unknown), each
    /// stated rate that differs from the article's, and a customer on account (`customer`:
    /// their key, if the order names one) whom the customer list lacks. Each need once, in
    /// the order of the lines; empty when the order may be booked.
    public static func check(lines: [OrderLine], article: (String) throws -> VATRate?, onAccount: Bool,
                             customer: String?, customerKnown: Bool) rethrows -> [AttentionHold] {
        var holds: [AttentionHold] = []
        func add(_ hold: AttentionHold) {
            if !holds.contains(where: { $0.need == hold.need && $0.subject == hold.subject }) { holds.append(hold) }
        }
        for line in lines {
            guard let rate = try article(line.sku) else {
                add(.unknownArticle(line.sku))
                continue
            }
            if let stated = line.vatRate, stated != rate { add(.rateDiffers(line.sku, stated: stated, article: rate)) }
        }
        if onAccount, let customer, !customerKnown { add(.unknownCustomer(customer)) }
        return holds
    }
}
