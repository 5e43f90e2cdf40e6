import Foundation
import KontorCore

/// What a batch did, for its receipt and the journal: counts, and every document it created.
public struct BatchSummary: Codable, Sendable, Equatable {
    public struct Invoice: Codable, Sendable, Equatable {
        public var number: String
        public var order: String
        public var gross: String
    }

    public struct Hold: Codable, Sendable, Equatable {
        public var order: String
        public var customer: String
        public var reason: String
    }

    public struct Refused: Codable, Sendable, Equatable {
        public var place: String
        public var reason: String
    }

    public var read = 0
    public var applied = 0
    public var invoices = CappedList<Invoice>()
    public var creditNotes = CappedList<Invoice>()
    public var shipments = CappedList<String>()
    public var holds = CappedList<Hold>()
    /// Held orders this batch released, with why.
    public var released = CappedList<Hold>()
    /// Orders this batch cancelled, with why.
    public var cancelled = CappedList<Hold>()
    public var payments = CappedList<String>()
    public var unmatchedPayments = CappedList<String>()
    /// Money the bank brought that cleared what waited on a clearing account.
    public var cleared = CappedList<String>()
    /// Payout reports of payment providers: the payout, its fees and what it cleared.
    public var payouts = CappedList<String>()
    /// Customers the shop owes money after this batch: a second payment, a correction of a paid invoice.
    public var refundsOwed = CappedList<String>()
    /// Money paid back to customers.
    public var refundsPaid = CappedList<String>()
    public var refused = CappedList<Refused>()
    /// What the carriers' tracking said: shipments handed over, delivered, come back.
    public var tracked = CappedList<String>()
    public var stockMovements = 0
    public var bankMovements = 0
    /// Reference rates kept (new ones; a rate known already is not counted).
    public var exchangeRates = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case read, applied, invoices, shipments, holds, released, cancelled, payments, refused, cleared, payouts, tracked
        case refundsOwed = "refunds_owed"
        case refundsPaid = "refunds_paid"
        case creditNotes = "credit_notes"
        case unmatchedPayments = "unmatched_payments"
        case stockMovements = "stock_movements"
        case bankMovements = "bank_movements"
        case exchangeRates = "exchange_rates"
    }

    /// Reads a stored summary; a field that summaries of an earlier version lack is empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.decodeIfPresent(Int.self, forKey: .read) ?? 0
        applied = try c.decodeIfPresent(Int.self, forKey: .applied) ?? 0
        invoices = try c.decodeIfPresent(CappedList<Invoice>.self, forKey: .invoices) ?? .init()
        creditNotes = try c.decodeIfPresent(CappedList<Invoice>.self, forKey: .creditNotes) ?? .init()
        shipments = try c.decodeIfPresent(CappedList<String>.self, forKey: .shipments) ?? .init()
        holds = try c.decodeIfPresent(CappedList<Hold>.self, forKey: .holds) ?? .init()
        released = try c.decodeIfPresent(CappedList<Hold>.self, forKey: .released) ?? .init()
        cancelled = try c.decodeIfPresent(CappedList<Hold>.self, forKey: .cancelled) ?? .init()
        payments = try c.decodeIfPresent(CappedList<String>.self, forKey: .payments) ?? .init()
        unmatchedPayments = try c.decodeIfPresent(CappedList<String>.self, forKey: .unmatchedPayments) ?? .init()
        refused = try c.decodeIfPresent(CappedList<Refused>.self, forKey: .refused) ?? .init()
        cleared = try c.decodeIfPresent(CappedList<String>.self, forKey: .cleared) ?? .init()
        payouts = try c.decodeIfPresent(CappedList<String>.self, forKey: .payouts) ?? .init()
        refundsOwed = try c.decodeIfPresent(CappedList<String>.self, forKey: .refundsOwed) ?? .init()
        refundsPaid = try c.decodeIfPresent(CappedList<String>.self, forKey: .refundsPaid) ?? .init()
        tracked = try c.decodeIfPresent(CappedList<String>.self, forKey: .tracked) ?? .init()
        stockMovements = try c.decodeIfPresent(Int.self, forKey: .stockMovements) ?? 0
        bankMovements = try c.decodeIfPresent(Int.self, forKey: .bankMovements) ?? 0
        exchangeRates = try c.decodeIfPresent(Int.self, forKey: .exchangeRates) ?? 0
    }

    /// What the batch created, in a few words: `9 invoices, 8 shipments, 1 held`.
    public var headline: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
        let parts = [
            count(invoices.total, "invoice", "invoices"), count(creditNotes.total, "invoice correction", "invoice corrections"),
            count(shipments.total, "shipment", "shipments"), count(holds.total, "held", "held"),
            count(released.total, "released", "released"), count(cancelled.total, "cancelled", "cancelled"),
            count(payments.total, "payment", "payments"), count(unmatchedPayments.total, "unmatched payment", "unmatched payments"),
            count(payouts.total, "payout", "payouts"), count(tracked.total, "tracking event", "tracking events"),
            count(stockMovements, "stock movement", "stock movements"), count(bankMovements, "bank movement", "bank movements"),
            count(exchangeRates, "exchange rate", "exchange rates"),
            count(refused.total, "refused", "refused"),
        ].compactMap { $0 }
        return parts.joined(separator: ", ")
    }

    /// The summary as stored in the batch journal.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// A stored summary, or an empty one.
    public static func from(json: String?) -> BatchSummary {
        guard let json, let data = json.data(using: .utf8) else { return BatchSummary() }
        return (try? JSONDecoder().decode(BatchSummary.self, from: data)) ?? BatchSummary()
    }
}
