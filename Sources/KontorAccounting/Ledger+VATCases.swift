import GRDB
import KontorCore
import KontorStore

/// The VAT case of invoices and corrections, and the running figure of distance sales.
extension Ledger {
    /// The case of an invoice (domestic where none was recorded) and whether it was a
    /// distance sale to a consumer in another member state.
    public func vatCase(shop: String, invoice: String) throws -> (VATCase, distanceSale: Bool) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT kind, vat_id, country, standard, reduced, distance_sale FROM invoice_vat_cases WHERE shop = ? AND number = ?
            """), arguments: [shop, invoice]) else { return (.domestic, false) }
        let kind: String = row["kind"]
        guard let vatCase = VATCase(kind: kind, vatID: row["vat_id"], country: row["country"], standard: row["standard"],
                                    reduced: row["reduced"]) else {
            throw AccountingError(description: "invoice \(invoice) carries the VAT case \(kind), which Kontor cannot read")
        }
        return (vatCase, (row["distance_sale"] as Int) != 0)
    }

    /// Net and VAT of an OSS invoice or correction per destination rate (hundredths of a
    /// percent), highest rate first; empty for any other.
    public func ossLines(shop: String, number: String) throws -> [(rate: Int, net: Int, vat: Int)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rate, net, vat FROM invoice_oss_lines WHERE shop = ? AND number = ? ORDER BY rate DESC
            """), arguments: [shop, number]).map { ($0[0], $0[1], $0[2]) }
    }

    /// The shop's distance sales to consumers in other member states in `year`, net: the
    /// running figure the OSS threshold is weighed against.
    public func distanceSales(shop: String, year: Int) throws -> Int {
        try db.cachedStatement(sql: "SELECT net FROM distance_sales WHERE shop = ? AND year = ?").int(shop, year) ?? 0
    }

    /// Records the case of an invoice or correction numbered `number`, its share of the
    /// distance sales (signed, added to the running figure of its year) and, for an OSS sale,
    /// its net and VAT per destination rate (`oss`: rate in hundredths, net, VAT; signed).
    func recordCase(shop: String, number: String, date: CalendarDate, vatCase: VATCase, distanceSale: Int,
                    oss: [(rate: Int, net: Int, vat: Int)]) throws {
        try db.cachedStatement(sql: """
            INSERT INTO invoice_vat_cases (shop, number, kind, vat_id, country, standard, reduced, distance_sale)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [shop, number, vatCase.kind, vatCase.vatID, vatCase.country,
                                     vatCase.destinationRates?.standard, vatCase.destinationRates?.reduced, distanceSale])
        if distanceSale != 0 { try addDistanceSales(shop: shop, year: date.year, distanceSale) }
        guard let country = vatCase.country else { return }
        var byRate: [Int: (net: Int, vat: Int)] = [:]
        for line in oss {
            let sum = byRate[line.rate] ?? (0, 0)
            byRate[line.rate] = (sum.net + line.net, sum.vat + line.vat)
        }
        for (rate, sum) in byRate.sorted(by: { $0.key > $1.key }) {
            try db.cachedStatement(sql: """
                INSERT INTO invoice_oss_lines (shop, number, country, rate, net, vat) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [shop, number, country, rate, sum.net, sum.vat])
        }
    }

    /// Records for the correction `number` of a whole invoice the invoice's case, with its
    /// figures negated (a cancellation).
    func recordCaseOfCancellation(shop: String, number: String, of invoice: String, date: CalendarDate) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT kind, vat_id, country, standard, reduced, distance_sale FROM invoice_vat_cases WHERE shop = ? AND number = ?
            """), arguments: [shop, invoice]) else { return }
        let distanceSale = -(row["distance_sale"] as Int)
        try db.execute(sql: """
            INSERT INTO invoice_vat_cases (shop, number, kind, vat_id, country, standard, reduced, distance_sale)
            SELECT shop, ?, kind, vat_id, country, standard, reduced, -distance_sale FROM invoice_vat_cases
            WHERE shop = ? AND number = ?;
            INSERT INTO invoice_oss_lines (shop, number, country, rate, net, vat)
            SELECT shop, ?, country, rate, -net, -vat FROM invoice_oss_lines WHERE shop = ? AND number = ?
            """, arguments: [number, shop, invoice, number, shop, invoice])
        if distanceSale != 0 { try addDistanceSales(shop: shop, year: date.year, distanceSale) }
    }

    /// Takes the distance sales of the invoice or correction `document` posted by journal entry `entry`
    /// off the running figure of its year, as its entry is reversed.
    func reverseDistanceSale(shop: String, document: String, entry: Int64) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT i.shop, i.date, c.distance_sale FROM invoice_vat_cases c
            JOIN invoices i ON i.shop = c.shop AND i.number = c.number
            WHERE c.shop = ? AND c.number = ? AND i.entry_id = ? AND c.distance_sale != 0
            """), arguments: [shop, document, entry]) else { return }
        let date: String = row["date"]
        guard let year = CalendarDate(parsing: date)?.year else { return }
        try addDistanceSales(shop: row["shop"], year: year, -(row["distance_sale"] as Int))
    }

    private func addDistanceSales(shop: String, year: Int, _ net: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO distance_sales (shop, year, net) VALUES (?, ?, ?)
            ON CONFLICT (shop, year) DO UPDATE SET net = net + excluded.net
            """).execute(arguments: [shop, year, net])
    }
}
