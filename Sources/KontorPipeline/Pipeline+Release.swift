import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorOrders
import KontorStore

extension Pipeline {
    /// Releases a held order by hand (`kontor release ORDER --note ...`), as a command batch:
    /// its credit hold is lifted (or, for an order held for attention, the customer or rate it
    /// waits for is taken as given), it is invoiced and shipped (or waits for payment or
    /// stock) as a new order would be, and the batch names the operator and the note.
    public func release(order number: String, shop: String?, note: String) throws -> RunReport.Line {
        let shop = try shop ?? shopHolding(order: number)
        return try runCommand(shop: shop, command: "release \(number)", note: note) { context, log in
            guard let entry = try context.orders.order(shop: shop, number: number) else {
                throw CommandRefused("release.unknown", "shop \(shop) has no order \(number)",
                                     de: "Shop \(shop) hat keine Bestellung \(number)")
            }
            guard entry.status == .held else {
                throw CommandRefused("release.not-held", "order \(number) is \(entry.status.rawValue), not held; only a held order is released",
                                     de: "Bestellung \(number) ist \(entry.status.rawValue), nicht gesperrt; nur gesperrte Bestellungen werden freigegeben")
            }
            if !(try context.orders.holds(order: entry.id).isEmpty) {
                // Held for attention: a person vouches for the customer or the rate, but an
                // article Kontor does not know cannot be invoiced.
                guard case .stillHeld(let needs) = try context.resolveAttention(entry, byCommand: true, on: try context.receivedDate(), because: "released by hand: \(note)", log: &log) else { return }
                throw CommandRefused("release.needs-data",
                                     "order \(number) cannot be released yet: \(needs.map(\.reason).joined(separator: "; "))",
                                     de: "Bestellung \(number) kann noch nicht freigegeben werden: Artikel \(needs.map(\.subject).joined(separator: ", ")) fehlt im Artikelstamm")
            }
            guard try context.release(entry, on: try context.receivedDate(), because: "released by hand: \(note)", log: &log) else {
                throw CommandRefused("release.too-old",
                                     "order \(number) was booked before Kontor kept shipping charges; rerun its batch \(entry.batch) with --force instead",
                                     de: "Bestellung \(number) wurde gebucht, bevor Kontor Versandkosten speicherte; Stapel \(entry.batch) mit --force neu verarbeiten")
            }
        }
    }

    /// Takes back everything an applied batch did (`kontor revert ID --note ...`), as a command
    /// batch, without applying anything again: for a file booked by mistake, or a release
    /// made in error. Refused, as a forced rerun is, while later batches built on it.
    public func revert(batch id: Int64, note: String) throws -> RunReport.Line {
        let database = try openDatabase()
        guard let old = try database.writer.read({ try BatchJournal.batch(id, in: $0) }) else {
            throw RerunRefused(description: "there is no batch \(id)")
        }
        guard old.status == .applied else {
            throw RerunRefused(description: "batch \(id) is \(old.status.rawValue); only an applied batch is reverted")
        }
        let later = try database.writer.read { try Self.laterBatches(building: old.id, in: $0) }
        guard later.isEmpty else {
            throw RerunRefused(description: """
                batch \(id) cannot be reverted alone: later batch(es) \(later.map(String.init).joined(separator: ", ")) built on \
                what it booked; revert those first
                """)
        }
        return try runCommand(shop: old.shop, command: "revert \(id)", note: note) { context, _ in
            try reverseEffects(of: old, by: context.batch, db: context.db)
            try BatchJournal.markReverted(old.id, by: context.batch, at: Self.timestamp(), actor: actor, in: context.db)
        }
    }

    /// The one shop whose books hold an order `number`.
    func shopHolding(order number: String) throws -> String {
        let shops = try openDatabase().writer.read { db in
            try String.fetchAll(db, sql: "SELECT shop FROM orders WHERE order_number = ? AND status != 'reverted'", arguments: [number])
        }
        guard shops.count == 1, let shop = shops.first else {
            throw RerunRefused(description: shops.isEmpty
                ? "no shop has an order \(number); check the number"
                : "shops \(shops.joined(separator: ", ")) each have an order \(number); name one with --shop")
        }
        return shop
    }
}
