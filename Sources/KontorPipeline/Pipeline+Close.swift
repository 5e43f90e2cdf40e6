import KontorAccounting
import KontorCore
import KontorStore

extension Pipeline {
    /// Closes the books of a shop up to the end of `month` (`kontor close 2026-11 --note
    /// ...`), as a command batch: afterwards no entry is dated inside it; an invoice,
    /// payment or correction that comes later for it is posted on the first open day and
    /// cites its own date. A month is closed once it has ended; `kontor revert` opens it again.
    /// Without `shop`, every shop of the books is closed, each in a batch of its own.
    public func close(year: Int, month: Int, shop: String?, note: String) throws -> [RunReport.Line] {
        let period = ReportPeriod.month(year: year, month: month)
        let name = period.from.description.prefix(7)
        guard period.to < CalendarDate.today else {
            throw CommandRefused("close.not-ended", "\(name) has not ended yet; a month is closed once it is over",
                                 de: "\(name) ist noch nicht vorbei; ein Monat wird erst nach seinem Ende abgeschlossen")
        }
        let database = try openDatabase()
        let known = try Books(database: database).shops()
        if let shop, !known.contains(shop) {
            throw CommandRefused("close.unknown-shop", "the books know no shop \"\(shop)\"", de: "Die Bücher kennen keinen Shop \"\(shop)\"")
        }
        var lines: [RunReport.Line] = []
        for shop in shop.map({ [$0] }) ?? known {
            lines.append(try runCommand(shop: shop, command: "close \(name)", note: note) { context, _ in
                if let closed = try context.ledger.closedThrough(shop: shop), closed >= period.to {
                    throw CommandRefused("close.closed", "shop \(shop) is closed through \(closed) already",
                                         de: "Shop \(shop) ist bereits bis \(closed) abgeschlossen")
                }
                try context.ledger.close(shop: shop, through: period.to, batch: context.batch)
            })
        }
        return lines
    }
}
