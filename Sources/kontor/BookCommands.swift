import ArgumentParser
import Foundation
import KontorLogistics
import KontorPipeline
import KontorStore

/// Opens the books of the root for reading.
func openBooks(_ global: GlobalOptions) throws -> Books {
    let pipeline = try global.pipeline()
    guard FileManager.default.fileExists(atPath: pipeline.root.database) else {
        throw OperationalError("no books at \(pipeline.root.database); run kontor init or kontor run first")
    }
    return Books(database: try pipeline.openDatabase())
}

struct Stock: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List stock: on hand, reserved, available, shortfall, reorder flag, average cost, value.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions

    func run() throws {
        let rows = try openBooks(global).stock(shop: list.shop)
        if list.json { return try Output.json(rows) }
        Output.table(["shop", "sku", "name", "warehouse", "on hand", "reserved", "available", "shortfall", "reorder",
                      "average cost", "value"], rows.map {
            [$0.shop, $0.sku, $0.name, $0.warehouse, String($0.on_hand), String($0.reserved), String($0.available),
             String($0.shortfall), $0.reorder ? "yes" : "", $0.average_cost ?? "", $0.value]
        }, rightAligned: [4, 5, 6, 7, 9, 10])
    }
}

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Show the trial balance.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions

    func run() throws {
        let rows = try openBooks(global).ledger(shop: list.shop)
        if list.json { return try Output.json(rows) }
        Output.table(["shop", "account", "name", "debit", "credit", "balance"], rows.map {
            [$0.shop, String($0.account), $0.name, $0.debit, $0.credit, $0.balance]
        }, rightAligned: [1, 3, 4, 5])
    }
}

struct Customers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List customers with credit limit, exposure, holds and credit risk score.",
        discussion: "The score (0 to 100) adds points for days late, invoices paid late, dunning, exposure and a new relationship; --explain lists them.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions
    @Flag(name: .customLong("explain"), help: "Show each customer's risk factors with their points.")
    var verbose = false

    func run() throws {
        let settings = try global.pipeline().settings
        let rows = try openBooks(global).customers(shop: list.shop) { settings.shop($0).defaultLimit(business: $1) }
        if list.json { return try Output.json(rows) }
        Output.table(["shop", "customer", "name", "limit", "exposure", "on hold", "risk", "suggested"], rows.map {
            [$0.shop, $0.customer_id, $0.name, $0.credit_limit ?? "default", $0.exposure,
             $0.on_hold ? "yes (\($0.held_orders) order(s), \($0.held_amount))" : "no", String($0.risk_score), $0.suggested_limit ?? "-"]
        }, rightAligned: [3, 4, 6, 7])
        if !verbose { return }
        for row in rows {
            print("\n\(row.shop)/\(row.customer_id) \(row.name): risk \(row.risk_score)")
            for factor in row.risk_factors { print("  \(factor)") }
            for change in row.limit_history { print("  limit \(change)") }
        }
    }
}

struct Shipments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List shipments: status, carrier, parcels, dates and tracking numbers.",
        discussion: "A held shipment shows why it is held; kontor ship corrects its address.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions
    @Option(name: .long, help: "Only shipments in this status: held, ready, shipped, delivered, returned or cancelled.")
    var state: String?

    func validate() throws {
        if let state, ShipmentStatus(rawValue: state) == nil {
            throw ValidationError("--state must be one of \(ShipmentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let rows = try openBooks(global).shipments(shop: list.shop, status: state.flatMap(ShipmentStatus.init(rawValue:)))
        if list.json { return try Output.json(rows) }
        Output.table(["shop", "shipment", "order", "status", "carrier", "parcels", "kg", "shipped", "tracking", "delivered", "note"], rows.map {
            [$0.shop, $0.shipment_id, $0.order_number, $0.status, $0.service ?? $0.carrier, String($0.parcels), $0.weight_kg,
             $0.shipped_on ?? "", $0.tracking_number ?? "", $0.delivered_on ?? $0.returned_on.map { "returned \($0)" } ?? "",
             $0.hold_reason ?? $0.returned_reason ?? ""]
        }, rightAligned: [5, 6])
    }
}

struct Batches: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List batches: one per input file.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions

    func run() throws {
        let rows = try openBooks(global).batches(shop: list.shop)
        if list.json { return try Output.json(rows) }
        Output.table(["id", "shop", "file", "kind", "status", "records", "errors", "received"], rows.map {
            [String($0.id), $0.shop, $0.file, $0.kind ?? "-", $0.status, String($0.records), String($0.errors), $0.received_at]
        }, rightAligned: [0, 5, 6])
    }
}

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Look at one batch.",
                                                    subcommands: [Show.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a batch: its file, outcome, events and problems.")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .long, help: "Print one JSON document on standard output.")
        var json = false
        @Argument(help: "The batch id.") var id: Int64

        func run() throws {
            guard let detail = try openBooks(global).batch(id) else {
                throw UsageError("there is no batch \(id); kontor batches lists them")
            }
            if json { return try Output.json(detail) }
            let b = detail.batch
            print("""
                Batch \(b.id)\(b.rerun_of.map { " (rerun of batch \($0))" } ?? "")
                  shop       \(b.shop)
                  file       \(b.file) (\(b.size) bytes)
                  sha256     \(b.sha256)
                  kind       \(b.kind ?? "-")\(b.dialect.map { " (\($0))" } ?? "")
                  status     \(b.status)\(b.duplicate_of.map { ", same bytes as batch \($0)" } ?? "")
                  records    \(b.records), errors \(b.errors), warnings \(b.warnings)
                  received   \(b.received_at)
                  finished   \(b.finished_at ?? "-")\(b.duration_ms.map { " (\($0) ms)" } ?? "")
                  archive    \(b.archive ?? "-")
                """)
            let s = detail.summary
            if !s.invoices.isEmpty { print("  invoices   " + s.invoices.map { "\($0.number) (\($0.order), \($0.gross))" }.joined(separator: ", ")) }
            if !s.creditNotes.isEmpty { print("  corrected  " + s.creditNotes.map { "\($0.number) (\($0.order), \($0.gross))" }.joined(separator: ", ")) }
            if !s.shipments.isEmpty { print("  shipments  " + s.shipments.joined(separator: ", ")) }
            for h in s.holds { print("  held       order \(h.order): \(h.reason)") }
            for c in s.cancelled { print("  cancelled  order \(c.order): \(c.reason)") }
            for r in s.refused { print("  refused    \(r.place): \(r.reason)") }
            print("\nEvents:")
            for e in detail.events { print("  \(e.at)  \(e.event.padding(toLength: 10, withPad: " ", startingAt: 0))  \(e.actor)  \(e.detail ?? "")") }
            if !detail.diagnostics.isEmpty {
                print("\nProblems:")
                for d in detail.diagnostics { print("  \(d.place): \(d.severity == "warning" ? "warning: " : "")\(d.message)") }
            }
        }
    }
}

struct Orders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List orders with their state and what they wait for; --state held|awaiting_payment|awaiting_stock|shipped|cancelled|...")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions
    @Option(name: .long, help: "Only orders in this state.")
    var state: String?

    func run() throws {
        if let state, !Books.orderStates.contains(state) {
            throw UsageError("there is no order state \"\(state)\"; use \(Books.orderStates.joined(separator: ", "))")
        }
        let rows = try openBooks(global).orders(shop: list.shop, state: state)
        if list.json { return try Output.json(rows) }
        Output.table(["shop", "order", "date", "customer", "state", "total", "invoice", "days", "waits for"], rows.map {
            [$0.shop, $0.order_number, $0.order_date, $0.customer, $0.state, $0.total, $0.invoice ?? "-",
             $0.age_days.map(String.init) ?? "", $0.waits_for ?? ""]
        }, rightAligned: [5, 7])
    }
}
