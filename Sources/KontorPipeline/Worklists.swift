import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders
import KontorOutput
import KontorStore

/// What needs doing, per shop, in `outbox/<shop>/orders/`: the orders that wait, each with
/// what it waits for, and the payments that matched nothing. Written after every run for the
/// shops it touched; read through indexes of the waiting orders and of the suspense account,
/// so that the cost follows what waits, not what the books hold.
enum Worklists {
    /// The reports.
    static let reports: [Report] = [held, awaitingPayment, awaitingStock, unmatchedPayments, shipmentsHeld, parcelsReturned,
                                    creditHolds]

    /// One order that waits, and what it waits for.
    struct Entry: Sendable {
        var order: OrderBook.Waiting
        /// Days since the order was placed, counted to `today`.
        var ageDays: Int
        /// Why a held order is held.
        var reason: String?
        /// What holds a held order: `credit` (the credit check) or `needs_attention` (data missing).
        var hold: String?
        /// What is still owed on it.
        var owed: Int
        /// Per article, what it still lacks (awaiting stock).
        var shortfall: [(sku: String, missing: Int)]

        /// What it waits for, in one line.
        var waitsFor: String {
            switch order.status {
            case .held: return reason ?? "held"
            case .awaitingPayment: return "payment of \(Money.decimalString(owed))"
            case .awaitingStock:
                return "goods: " + shortfall.map { "\($0.missing) × \($0.sku)" }.joined(separator: ", ")
            default: return ""
            }
        }
    }

    /// The waiting orders of `shop` in `status`, oldest first.
    static func entries(shop: String, status: OrderStatus, today: CalendarDate, in db: Database) throws -> [Entry] {
        let ledger = Ledger(db), credit = CreditBook(db), inventory = Inventory(db)
        return try OrderBook.waiting(shop: shop, in: status, db: db).map { order in
            let date = CalendarDate(parsing: order.orderDate) ?? today
            let owed = try ledger.owed(shop: shop, order: order.orderNumber, invoice: order.invoiceNumber, total: order.totalGross)
            let creditReason = status == .held ? try credit.holdReason(shop: shop, order: order.orderNumber) : nil
            let attention = status == .held && creditReason == nil
                ? try OrderBook.attentionReason(shop: shop, order: order.orderNumber, in: db) : nil
            let reason = creditReason ?? attention.map { "needs attention: " + $0 }
            let hold = creditReason != nil ? "credit" : attention != nil ? "needs_attention" : nil
            let shortfall = status == .awaitingStock
                ? try inventory.shortfall(shop: shop, order: order.orderNumber).sorted { $0.key < $1.key }.map { (sku: $0.key, missing: $0.value) }
                : []
            return Entry(order: order, ageDays: today.dayNumber - date.dayNumber, reason: reason, hold: hold, owed: owed,
                         shortfall: shortfall)
        }
    }


    static let held = Report(name: "orders-held", title: "Held orders, with the reason each is held") { shop, _, db in
        var w = CSVWriter(header: ["order_number", "order_date", "age_days", "customer", "payment_method", "total", "reason"])
        for e in try entries(shop: shop, status: .held, today: .today, in: db) {
            w.appendRow([.text(e.order.orderNumber), .text(e.order.orderDate), .number(String(e.ageDays)), .text(e.order.customerKey),
                         .text(e.order.paymentMethod), .number(Money.decimalString(e.order.totalGross)), .text(e.reason ?? "")])
        }
        return ReportFile(path: "orders/held.csv", bytes: w.bytes)
    }

    static let awaitingPayment = Report(name: "orders-awaiting-payment", title: "Orders awaiting payment, with their age and what is owed") { shop, _, db in
        var w = CSVWriter(header: ["order_number", "order_date", "age_days", "customer", "payment_method", "total", "owed", "invoice"])
        for e in try entries(shop: shop, status: .awaitingPayment, today: .today, in: db) {
            w.appendRow([.text(e.order.orderNumber), .text(e.order.orderDate), .number(String(e.ageDays)), .text(e.order.customerKey),
                         .text(e.order.paymentMethod), .number(Money.decimalString(e.order.totalGross)),
                         .number(Money.decimalString(e.owed)), .text(e.order.invoiceNumber ?? "")])
        }
        return ReportFile(path: "orders/awaiting-payment.csv", bytes: w.bytes)
    }

    static let awaitingStock = Report(name: "orders-awaiting-stock", title: "Orders awaiting stock, with what each lacks per article") { shop, _, db in
        var w = CSVWriter(header: ["order_number", "order_date", "age_days", "customer", "sku", "missing"])
        for e in try entries(shop: shop, status: .awaitingStock, today: .today, in: db) {
            for short in e.shortfall {
                w.appendRow([.text(e.order.orderNumber), .text(e.order.orderDate), .number(String(e.ageDays)), .text(e.order.customerKey),
                             .text(short.sku), .number(String(short.missing))])
            }
        }
        return ReportFile(path: "orders/awaiting-stock.csv", bytes: w.bytes)
    }

    static let unmatchedPayments = Report(name: "payments-unmatched", title: "Money on the suspense account (1590), for a person to assign") { shop, _, db in
        var w = CSVWriter(header: ["date", "reference", "amount", "text"])
        for item in try Ledger(db).suspense(shop: shop) {
            w.appendRow([.text(item.date), .text(item.document), .number(Money.decimalString(item.amount)), .text(item.text)])
        }
        return ReportFile(path: "orders/unmatched-payments.csv", bytes: w.bytes)
    }

    static let shipmentsHeld = Report(name: "shipments-held", title: "Shipments held before a label exists, with the reason") { shop, _, db in
        var w = CSVWriter(header: ["shipment", "order_number", "since", "name", "street", "zip", "city", "country", "reason"])
        for s in try Shipping.shipments(shop: shop, status: .held, in: db) {
            w.appendRow([.text(s.shipmentID), .text(s.orderNumber), .text(s.shippedOn ?? ""), .text(s.shipTo?.name ?? ""),
                         .text(s.shipTo?.street ?? ""), .text(s.shipTo?.zip ?? ""), .text(s.shipTo?.city ?? ""),
                         .text(s.shipTo?.country ?? ""), .text(s.holdReason ?? "")])
        }
        return ReportFile(path: "orders/shipments-held.csv", bytes: w.bytes)
    }

    static let parcelsReturned = Report(name: "parcels-returned", title: "Parcels that came back refused or undeliverable: ship again or correct the invoice") { shop, _, db in
        var w = CSVWriter(header: ["shipment", "order_number", "returned_on", "reason", "tracking_number", "name", "city", "country"])
        for s in try Shipping.shipments(shop: shop, status: .returned, in: db) {
            w.appendRow([.text(s.shipmentID), .text(s.orderNumber), .text(s.returnedOn ?? ""), .text(s.returnedReason ?? ""),
                         .text(s.trackingNumber ?? ""), .text(s.shipTo?.name ?? ""), .text(s.shipTo?.city ?? ""),
                         .text(s.shipTo?.country ?? "")])
        }
        return ReportFile(path: "orders/parcels-returned.csv", bytes: w.bytes)
    }

    static let creditHolds = Report(name: "credit-holds", title: "Orders the credit check holds, with the figures that led to it") { shop, _, db in
        var w = CSVWriter(header: ["order_number", "customer", "amount", "exposure", "credit_limit", "reason"])
        for h in try CreditBook(db).openHolds(shop: shop) {
            w.appendRow([.text(h.order), .text(h.customerKey), .number(Money.decimalString(h.amount)),
                         .number(Money.decimalString(h.exposure)), .number(Money.decimalString(h.limit)), .text(h.reason)])
        }
        return ReportFile(path: "credit/holds.csv", bytes: w.bytes)
    }
}
