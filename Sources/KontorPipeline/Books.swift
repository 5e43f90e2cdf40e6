import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders
import KontorStore

/// Read-only views of the books, as the command line lists them. Money is a decimal
/// string (`"119.00"`), as in every JSON Kontor prints.
public struct Books: Sendable {
    let database: KontorDatabase

    public init(database: KontorDatabase) { self.database = database }

    public struct StockRow: Codable, Sendable {
        public var shop, sku, name, warehouse: String
        /// Reserved: what is set aside on the shelf for orders, never above on hand.
        public var on_hand, reserved, available: Int
        /// What orders were promised beyond what is on hand.
        public var shortfall: Int
        /// What orders were promised in all: reserved + shortfall.
        public var promised: Int
        public var reorder_point: Int?
        /// Whether on hand less what was promised is at or below the reorder point.
        public var reorder: Bool
        /// Value / on hand, rounded; nil when nothing is on hand.
        public var average_cost: String?
        /// What the stock is worth: the sum of its movements' values.
        public var value: String
    }

    public func stock(shop: String? = nil) throws -> [StockRow] {
        try database.writer.read { db in
            try Inventory.levels(shop: shop, in: db).map {
                StockRow(shop: $0.shop, sku: $0.sku, name: $0.name, warehouse: $0.warehouse, on_hand: $0.onHand,
                         reserved: $0.reserved, available: $0.available, shortfall: $0.shortfall, promised: $0.promised,
                         reorder_point: $0.reorderPoint, reorder: $0.needsReorder, average_cost: $0.averageCost.map { Money.decimalString($0) },
                         value: Money.decimalString($0.value))
            }
        }
    }

    public struct LedgerRow: Codable, Sendable {
        public var shop: String
        public var account: Int
        public var name, debit, credit, balance: String
    }

    /// The trial balance.
    public func ledger(shop: String? = nil) throws -> [LedgerRow] {
        try database.writer.read { db in
            try Ledger.trialBalance(shop: shop, in: db).map {
                LedgerRow(shop: $0.shop, account: $0.account, name: $0.name, debit: Money.decimalString($0.debit),
                          credit: Money.decimalString($0.credit), balance: Money.decimalString($0.balance))
            }
        }
    }

    public struct CustomerRow: Codable, Sendable {
        public var shop, customer_id, name, email: String
        public var credit_limit: String?
        public var exposure: String
        public var on_hold: Bool
        public var held_orders: Int
        public var held_amount: String
        /// The credit risk, 0 to 100, each factor with its points and figure, and the limit it suggests.
        public var risk_score: Int
        public var risk_factors: [String]
        public var suggested_limit: String?
        /// The changes of the customer's own limit, oldest first: `2026-12-03 batch 4: none → 5000.00`.
        public var limit_history: [String]
    }

    /// The customers with what the credit check weighs and their risk score, as of `today`;
    /// `defaultLimit` gives a shop's limit for customers without their own, business or
    /// consumer; each row lists the changes of the customer's own limit.
    public func customers(shop: String? = nil, today: CalendarDate = .today,
                          defaultLimit: (_ shop: String, _ business: Bool) -> Int = { _, _ in 0 }) throws -> [CustomerRow] {
        try database.writer.read { db in
            try CustomerRisk.all(shop: shop, today: today, defaultLimit: defaultLimit, in: db).map {
                let c = $0.listing
                return CustomerRow(shop: c.shop, customer_id: c.customerID, name: c.name, email: c.email,
                                   credit_limit: c.creditLimit.map { Money.decimalString($0) }, exposure: Money.decimalString($0.exposure),
                                   on_hold: c.heldOrders > 0, held_orders: c.heldOrders, held_amount: Money.decimalString(c.heldAmount),
                                   risk_score: $0.risk.score, risk_factors: $0.risk.factors.map(\.description),
                                   suggested_limit: $0.risk.suggestedLimit.map { Money.decimalString($0) },
                                   limit_history: try CreditBook.limitChanges(shop: c.shop, customer: c.customerID, in: db).map {
                                       let old = $0.old.map { Money.decimalString($0) } ?? "none"
                                       let new = $0.new.map { Money.decimalString($0) } ?? "none"
                                       return "\($0.date) batch \($0.batch): \(old) → \(new)"
                                   })
            }
        }
    }

    public struct ShipmentRow: Codable, Sendable {
        public var shop, shipment_id, order_number, status, carrier: String
        public var service, product_code: String?
        /// The carrier rule that chose the carrier, and why.
        public var rule, rule_reason: String?
        /// Why no label may be printed yet.
        public var hold_reason: String?
        public var parcels: Int
        public var sscc: [String]
        public var weight_kg: String
        public var ship_to: String?
        /// The day it left: the delivery date of its order's invoice.
        public var shipped_on: String?
        public var tracking_number, handed_over_on, delivered_on, returned_on, returned_reason: String?
    }

    public func shipments(shop: String? = nil, status: ShipmentStatus? = nil) throws -> [ShipmentRow] {
        try database.writer.read { db in
            let shipping = Shipping(db)
            return try Shipping.shipments(shop: shop, status: status, in: db).map {
                ShipmentRow(shop: $0.shop, shipment_id: $0.shipmentID, order_number: $0.orderNumber, status: $0.status.rawValue,
                            carrier: $0.carrier, service: $0.service, product_code: $0.productCode, rule: $0.rule,
                            rule_reason: $0.ruleReason, hold_reason: $0.holdReason, parcels: $0.parcels,
                            sscc: try shipping.parcels(shop: $0.shop, shipment: $0.shipmentID).compactMap(\.sscc),
                            weight_kg: Weight.kilograms($0.weightGrams),
                            ship_to: $0.shipTo.map { PostalAddress.lines($0).joined(separator: ", ") },
                            shipped_on: $0.shippedOn, tracking_number: $0.trackingNumber, handed_over_on: $0.handedOverOn,
                            delivered_on: $0.deliveredOn, returned_on: $0.returnedOn, returned_reason: $0.returnedReason)
            }
        }
    }

    public struct OrderRow: Codable, Sendable {
        public struct Change: Codable, Sendable {
            public var state: String
            public var batch: Int64
            /// When the batch that made the change was received.
            public var at: String
            /// What caused it.
            public var cause: String?
        }
        public var shop, order_number, order_date, customer, payment_method, state, total: String
        public var invoice: String?
        /// The invoices of an order that went out in parts, one per delivery, oldest first.
        public var invoices: [String]?
        /// Why a held order is held.
        public var held_because: String?
        /// What a waiting order waits for: the hold's reason, the payment owed, or the goods
        /// it lacks per article.
        public var waits_for: String?
        /// Days since a waiting order was placed.
        public var age_days: Int?
        /// What holds a held order: `credit` (the credit check) or `needs_attention` (data missing).
        public var hold: String?
        public var history: [Change]
    }

    /// The states an order can be listed by.
    public static let orderStates = OrderStatus.allCases.filter { $0 != .reverted }.map(\.rawValue)

    /// The orders, by shop and number, optionally only those in one state; each with its
    /// history of states and the batch that made each change.
    public func orders(shop: String? = nil, state: String? = nil) throws -> [OrderRow] {
        try database.writer.read { db in
            let listing = try OrderBook.listing(shop: shop, status: state.flatMap(OrderStatus.init(rawValue:)), in: db)
            var waiting: [String: Worklists.Entry] = [:]
            for shop in Set(listing.filter { $0.status.isWaiting }.map(\.shop)) {
                for status in [OrderStatus.held, .awaitingPayment, .awaitingStock] {
                    for entry in try Worklists.entries(shop: shop, status: status, today: .today, in: db) {
                        waiting[shop + "\u{0}" + entry.order.orderNumber] = entry
                    }
                }
            }
            return listing.map { o in
                let entry = waiting[o.shop + "\u{0}" + o.orderNumber]
                return OrderRow(shop: o.shop, order_number: o.orderNumber, order_date: o.orderDate, customer: o.customerKey,
                                payment_method: o.paymentMethod, state: o.status.rawValue, total: Money.decimalString(o.totalGross),
                                invoice: o.invoiceNumber, invoices: o.deliveryInvoices.isEmpty ? nil : o.deliveryInvoices,
                                held_because: o.status == .held ? entry?.reason : nil,
                                waits_for: entry?.waitsFor, age_days: entry?.ageDays, hold: entry?.hold,
                                history: o.history.map { OrderRow.Change(state: $0.to, batch: $0.batch, at: $0.at, cause: $0.cause) })
            }
        }
    }

    public struct BatchRow: Codable, Sendable {
        public var id: Int64
        public var shop, file, sha256: String
        public var kind, dialect: String?
        public var status: String
        public var records, errors, warnings: Int
        public var size: Int64
        public var received_at: String
        public var finished_at: String?
        public var duration_ms: Int?
        public var rerun_of, duplicate_of: Int64?
        public var archive: String?

        init(_ b: BatchRecord) {
            id = b.id; shop = b.shop; file = b.file; sha256 = b.sha256; kind = b.kind; dialect = b.dialect
            status = b.status.rawValue; records = b.records; errors = b.errors; warnings = b.warnings; size = b.size
            received_at = b.receivedAt; finished_at = b.finishedAt; duration_ms = b.durationMs
            rerun_of = b.rerunOf; duplicate_of = b.duplicateOf; archive = b.archivePath
        }
    }

    public func batches(shop: String? = nil) throws -> [BatchRow] {
        try database.writer.read { db in try BatchJournal.list(shop: shop, in: db).map(BatchRow.init) }
    }

    public struct BatchDetail: Codable, Sendable {
        public var batch: BatchRow
        public var summary: BatchSummary
        public var events: [Event]
        public var diagnostics: [BatchJournal.StoredDiagnostic]

        public struct Event: Codable, Sendable {
            public var at, event, actor: String
            public var detail: String?
        }
    }

    public func batch(_ id: Int64) throws -> BatchDetail? {
        try database.writer.read { db in
            guard let b = try BatchJournal.batch(id, in: db) else { return nil }
            return BatchDetail(batch: BatchRow(b), summary: BatchSummary.from(json: b.summary),
                               events: try BatchJournal.events(id, in: db).map { .init(at: $0.at, event: $0.event, actor: $0.actor, detail: $0.detail) },
                               diagnostics: try BatchJournal.diagnostics(id, in: db))
        }
    }

    /// What `kontor verify` found: the entries and seals checked, and what does not match.
    public struct Verification: Codable, Sendable {
        public var entries: Int
        public var seals: Int
        public var breaches: [String]
    }

    /// Checks the journal against its seals and running figures (`Ledger.verify`), and the
    /// stock figures against their movements and reservations (`Inventory.verify`).
    public func verify(shop: String? = nil) throws -> Verification {
        try database.writer.read { db in
            let result = try Ledger.verify(shop: shop, in: db)
            let stock = try Inventory.verify(shop: shop, in: db)
            return Verification(entries: result.entries, seals: result.seals,
                                breaches: result.breaches.map { "shop \($0.shop): \($0.description)" }
                                    + stock.map { "shop \($0.shop): \($0.problem)" })
        }
    }
}
