import GRDB
import KontorCore

extension Ledger {
    /// The last day of the last month closed for `shop` (`kontor close`), or nil while none is.
    public func closedThrough(shop: String) throws -> CalendarDate? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT max(through) FROM period_closes WHERE shop = ? AND reverted_by IS NULL
            """), arguments: [shop]).flatMap(CalendarDate.init(parsing:))
    }

    /// The day an entry dated `date` is posted on: its own, or, when that lies in a closed
    /// month, the first day after the closed months.
    public func openDate(shop: String, _ date: CalendarDate) throws -> CalendarDate {
        guard let closed = try closedThrough(shop: shop), date <= closed else { return date }
        return closed.adding(days: 1)
    }

    /// Closes every month of `shop` up to and including the one that ends on `through`, as
    /// part of `batch`.
    public func close(shop: String, through: CalendarDate, batch: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO period_closes (shop, through, batch_id) VALUES (?, ?, ?)")
            .execute(arguments: [shop, through.description, batch])
    }

    /// Takes back the closes of `batch`: the months are open again.
    public func reverseCloses(batch: Int64, by reversal: Int64) throws {
        try db.execute(sql: "UPDATE period_closes SET reverted_by = ? WHERE batch_id = ? AND reverted_by IS NULL",
                       arguments: [reversal, batch])
    }
}
