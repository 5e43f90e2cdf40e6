import GRDB
import KontorCore

extension Ledger {
    /// Seals the entries `batch` posted for `shop`, in the batch's transaction: a row of
    /// `journal_seals` chained to the shop's previous seal (kept, one row per shop, in
    /// `journal_seal_heads`). A batch that posted nothing is not sealed.
    public func seal(batch: Int64, shop: String) throws {
        let previous = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM journal_seal_heads WHERE shop = ?"),
                                           arguments: [shop])
        // The entries' hashes are read one at a time: a batch of a million entries is sealed
        // without holding them all.
        var chain = EntrySeal.Chain(previous: previous)
        var count = 0
        let hashes = try String.fetchCursor(db.cachedStatement(sql: """
            SELECT coalesce(hash, '') FROM journal_entries WHERE batch_id = ? AND shop = ? ORDER BY id
            """), arguments: [batch, shop])
        while let entry = try hashes.next() {
            chain.add(entry)
            count += 1
        }
        guard count > 0 else { return }
        let hash = chain.seal()
        try db.cachedStatement(sql: """
            INSERT INTO journal_seals (shop, batch_id, entries, hash, previous) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [shop, batch, count, hash, previous])
        try db.cachedStatement(sql: """
            INSERT INTO journal_seal_heads (shop, batch_id, hash) VALUES (?, ?, ?)
            ON CONFLICT (shop) DO UPDATE SET batch_id = excluded.batch_id, hash = excluded.hash
            """).execute(arguments: [shop, batch, hash])
    }

    /// What `verify` found wrong, in the order found.
    public struct Breach: Sendable, CustomStringConvertible {
        public var shop: String
        public var description: String
    }

    /// Checks the books against their seals and their running figures: every sealed entry
    /// against its hash (naming the first entry of each shop that does not match), every
    /// batch's entries against the batch's seal and the chain, debits against credits, and
    /// what each customer owes against their receivable lines. Reads the whole journal:
    /// for `kontor verify`, not for a run.
    public static func verify(shop: String? = nil, in db: Database) throws -> (entries: Int, seals: Int, breaches: [Breach]) {
        var breaches: [Breach] = []
        var current: [Int64: String] = [:]
        var reported: Set<String> = []
        var checked = 0
        let entries = try Row.fetchCursor(db, sql: """
            SELECT id, shop, date, document, text, batch_id, reverses, hash FROM journal_entries
            WHERE hash IS NOT NULL AND (?1 IS NULL OR shop = ?1) ORDER BY id
            """, arguments: [shop])
        while let e = try entries.next() {
            let id: Int64 = e["id"]
            let lines = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT account, debit, credit, document, customer_key FROM journal_lines WHERE entry_id = ? ORDER BY id
                """), arguments: [id]).map {
                EntrySeal.Line(account: $0["account"], debit: $0["debit"], credit: $0["credit"], document: $0["document"],
                               customer: $0["customer_key"])
            }
            let entryShop: String = e["shop"]
            let recomputed = EntrySeal.hash(shop: entryShop, date: e["date"], document: e["document"], text: e["text"],
                                            batch: e["batch_id"], reverses: e["reverses"], lines: lines)
            current[id] = recomputed
            checked += 1
            if recomputed != (e["hash"] as String), !reported.contains(entryShop) {
                reported.insert(entryShop)
                breaches.append(Breach(shop: entryShop, description: """
                    entry \(id) (\(e["document"] as String), batch \(e["batch_id"] as Int64)) does not match its seal: \
                    it was changed after it was posted
                    """))
            }
        }
        var seals = 0
        var previous: [String: String] = [:]
        for s in try Row.fetchAll(db, sql: """
            SELECT shop, batch_id, entries, hash, previous FROM journal_seals WHERE ?1 IS NULL OR shop = ?1 ORDER BY shop, batch_id
            """, arguments: [shop]) {
            seals += 1
            let (sealShop, batch): (String, Int64) = (s["shop"], s["batch_id"])
            if (s["previous"] as String?) != previous[sealShop] {
                breaches.append(Breach(shop: sealShop, description: "the seal of batch \(batch) does not follow the one before it: a seal was removed or changed"))
            }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM journal_entries WHERE batch_id = ? AND shop = ? ORDER BY id",
                                         arguments: [batch, sealShop])
            let hashes = ids.map { current[$0] ?? "" }
            if ids.count != (s["entries"] as Int) || EntrySeal.chain(previous: s["previous"], entries: hashes) != (s["hash"] as String),
               !reported.contains(sealShop) {
                breaches.append(Breach(shop: sealShop, description: """
                    the entries of batch \(batch) do not match its seal: \(ids.count) found, \(s["entries"] as Int) sealed
                    """))
            }
            previous[sealShop] = s["hash"]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT shop, SUM(debit) AS d, SUM(credit) AS c FROM journal_lines WHERE ?1 IS NULL OR shop = ?1 GROUP BY shop
            """, arguments: [shop]) where (row["d"] as Int) != (row["c"] as Int) {
            breaches.append(Breach(shop: row["shop"], description: """
                debits \(Money.decimalString(row["d"])) and credits \(Money.decimalString(row["c"])) differ
                """))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT b.shop, b.customer_key, b.open,
                   (SELECT coalesce(SUM(l.debit - l.credit), 0) FROM journal_lines l
                    WHERE l.shop = b.shop AND l.account = \(ChartOfAccounts.receivables.number) AND l.customer_key = b.customer_key) AS lines
            FROM customer_balances b WHERE ?1 IS NULL OR b.shop = ?1
            """, arguments: [shop]) where (row["open"] as Int) != (row["lines"] as Int) {
            breaches.append(Breach(shop: row["shop"], description: """
                customer \(row["customer_key"] as String) owes \(Money.decimalString(row["lines"])) by the journal, \
                \(Money.decimalString(row["open"])) by the running figure
                """))
        }
        return (checked, seals, breaches)
    }
}
