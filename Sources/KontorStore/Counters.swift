import GRDB

/// Number ranges kept in counter rows, so that the next number costs the same however many
/// were drawn before: shipments, parcels, and any module's own series.
public enum Counters {
    /// Draws the next number of `series` for `shop` (1 for the first), in the caller's
    /// transaction: a rollback returns the number, so the range stays without gaps.
    public static func next(shop: String, series: String, in db: Database) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO counters (shop, series, last) VALUES (?, ?, 1)
            ON CONFLICT (shop, series) DO UPDATE SET last = last + 1
            RETURNING last
            """).int(shop, series) ?? 1
    }
}
