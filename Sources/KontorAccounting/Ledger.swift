import GRDB
import KontorCore
import KontorStore

/// A posted invoice or credit note.
public struct PostedInvoice: Sendable, Equatable, Codable {
    public var number: String
    public var orderNumber: String
    public var net: Int
    public var vat: Int
    public var gross: Int
}

/// The journal of the shops: entries, invoices, credit notes and open items, in the
/// caller's transaction. Entries are only ever added; a correction is a reversal.
public struct Ledger {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Posts a balanced entry and returns its id. Refuses an entry whose debits and credits differ.
    @discardableResult
    public func post(shop: String, date requested: CalendarDate, document: String, text given: String, lines: [Posting],
                     batch: Int64, reverses: Int64? = nil) throws -> Int64 {
        // An entry for a closed month is posted on the first open day, citing its own date.
        let date = try openDate(shop: shop, requested)
        let text = date == requested ? given : given + " (Beleg vom \(requested))"
        let debit = lines.reduce(0) { $0 + $1.debit }, credit = lines.reduce(0) { $0 + $1.credit }
        guard debit == credit else {
            throw AccountingError(description: "entry \(document) does not balance: debit \(debit) ≠ credit \(credit)")
        }
        let posted = lines.filter { $0.debit != 0 || $0.credit != 0 }
        let seal = EntrySeal.hash(shop: shop, date: date.description, document: document, text: text, batch: batch,
                                  reverses: reverses,
                                  lines: posted.map { .init(account: $0.account.number, debit: $0.debit, credit: $0.credit,
                                                            document: $0.document, customer: $0.customerKey) })
        try db.cachedStatement(sql: """
            INSERT INTO journal_entries (shop, date, document, text, batch_id, reverses, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).run(shop, date.description, document, text, batch, reverses, seal)
        let entry = db.lastInsertedRowID
        for account in Set(lines.map(\.account)) where !account.name.isEmpty && !ChartOfAccounts.isInChart(account.number) {
            try db.cachedStatement(sql: "INSERT INTO accounts (account, name) VALUES (?, ?) ON CONFLICT (account) DO NOTHING")
                .execute(arguments: [account.number, account.name])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO journal_lines (entry_id, shop, account, debit, credit, document, customer_key) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for line in posted {
            try insert.run(entry, shop, line.account.number, line.debit, line.credit, line.document, line.customerKey)
            if line.account.number == ChartOfAccounts.receivables.number, let customer = line.customerKey {
                try db.cachedStatement(sql: """
                    INSERT INTO customer_balances (shop, customer_key, open) VALUES (?, ?, ?)
                    ON CONFLICT (shop, customer_key) DO UPDATE SET open = open + excluded.open
                    """).run(shop, customer, line.debit - line.credit)
            }
        }
        return entry
    }

    /// The next number of a gap-free range per shop and year: `RE2025-00001`.
    public func nextNumber(shop: String, series: String, year: Int) throws -> String {
        let last = try db.cachedStatement(sql: """
            INSERT INTO number_ranges (shop, series, year, last) VALUES (?, ?, ?, 1)
            ON CONFLICT (shop, series, year) DO UPDATE SET last = last + 1
            RETURNING last
            """).int(shop, series, year) ?? 1
        let digits = String(last)
        return "\(series)\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }

    /// Posts an invoice for goods and shipping: receivables against revenue and VAT per rate.
    /// `number` is the number the shop system gave it, where the shop issues its invoices;
    /// otherwise the next number of Kontor's range.
    /// Goods carry their discounts (`TaxableAmount.discount`): revenue is credited with the
    /// net before discounts, the net the discounts took off is debited to the rate's revenue
    /// reduction account (8710, 8720), and VAT and the receivable are what is charged.
    public func postInvoice(shop: String, orderNumber: String, customerKey: String, date: CalendarDate, dueDays: Int,
                            goods: [TaxableAmount], shipping: Int, basis: PriceBasis = .gross, number given: String? = nil,
                            vatCase: VATCase = .domestic, distanceSale: Bool = false, batch: Int64) throws -> PostedInvoice {
        // Issued for a closed month, an invoice is dated (and numbered) in the open one.
        let date = try openDate(shop: shop, date)
        let number = try given ?? nextNumber(shop: shop, series: "RE", year: date.year)
        let totals = vatCase.totals(goods: goods, shipping: shipping, basis: basis)
        let invoice = try record(shop: shop, number: number, kind: "invoice", orderNumber: orderNumber, customerKey: customerKey,
                                 date: date, dueDays: dueDays, totals: totals, refersTo: nil, sign: 1, batch: batch,
                                 text: "Rechnung \(number) zu Bestellung \(orderNumber)", vatCase: vatCase,
                                 distanceSale: distanceSale)
        return invoice
    }

    /// Posts an invoice correction (Rechnungskorrektur; `credit_note` in the books, numbered
    /// `GS…`) that credits returned goods, a refunded shipping charge or a goodwill amount,
    /// reversing their revenue and VAT, and cites the invoice it corrects.
    public func postCreditNote(shop: String, invoice: String, orderNumber: String, customerKey: String, date: CalendarDate,
                               goods: [TaxableAmount], batch: Int64) throws -> PostedInvoice {
        let date = try openDate(shop: shop, date)
        let number = try nextNumber(shop: shop, series: "GS", year: date.year)
        // A correction follows the case of the invoice it corrects, to the same accounts.
        let (vatCase, distanceSale) = try self.vatCase(shop: shop, invoice: invoice)
        let totals = vatCase.totals(goods: goods)
        return try record(shop: shop, number: number, kind: "credit_note", orderNumber: orderNumber, customerKey: customerKey,
                          date: date, dueDays: 0, totals: totals, refersTo: invoice, sign: -1, batch: batch,
                          text: "Rechnungskorrektur \(number) zu Rechnung \(invoice)", vatCase: vatCase,
                          distanceSale: distanceSale)
    }

    func record(shop: String, number: String, kind: String, orderNumber: String, customerKey: String,
                        date: CalendarDate, dueDays: Int, totals: [RateTotal], refersTo: String?, sign: Int,
                        batch: Int64, text: String, vatCase: VATCase = .domestic, distanceSale: Bool = false) throws -> PostedInvoice {
        let gross = totals.reduce(0) { $0 + $1.gross }
        let net = totals.reduce(0) { $0 + $1.net }
        let vat = totals.reduce(0) { $0 + $1.vat }
        var lines = [Posting.debit(ChartOfAccounts.receivables, sign * gross, document: number, customer: customerKey)]
        // Revenue of the other cases is posted net of discounts, to the case's accounts.
        for t in totals where vatCase != .domestic {
            lines.append(.credit(ChartOfAccounts.revenue(t.rate, under: vatCase), sign * t.net, document: number))
            if let vatAccount = ChartOfAccounts.vat(t.rate, under: vatCase) {
                lines.append(.credit(vatAccount, sign * t.vat, document: number))
            }
        }
        for t in totals where vatCase == .domestic {
            lines.append(.credit(ChartOfAccounts.revenue(t.rate), sign * (t.net + t.discount), document: number))
            if t.discount != 0 {
                lines.append(.debit(ChartOfAccounts.revenueReduction(t.rate), sign * t.discount, document: number))
            }
            if let vatAccount = ChartOfAccounts.vat(t.rate) {
                lines.append(.credit(vatAccount, sign * t.vat, document: number))
            }
        }
        let entry = try post(shop: shop, date: date, document: number, text: text, lines: lines, batch: batch)
        try db.cachedStatement(sql: """
            INSERT INTO invoices (shop, number, kind, order_number, customer_key, date, due_date, net, vat, gross, refers_to, entry_id, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(shop, number, kind, orderNumber, customerKey, date.description,
                     date.adding(days: dueDays).description, sign * net, sign * vat, sign * gross,
                     refersTo, entry, batch)
        if vatCase != .domestic || distanceSale {
            try recordCase(shop: shop, number: number, date: date, vatCase: vatCase, distanceSale: distanceSale ? sign * net : 0,
                           oss: totals.map { (vatCase.printedRate($0.rate), sign * $0.net, sign * $0.vat) })
        }
        return PostedInvoice(number: number, orderNumber: orderNumber, net: net, vat: vat, gross: gross)
    }

    /// Posts money received for an open item: the account the money is on (the bank, or the
    /// clearing account of a payment method) against receivables, both lines on the document.
    public func postPayment(shop: String, document: String, customerKey: String, amount: Int, date: CalendarDate,
                            account: LedgerAccount, text: String, batch: Int64) throws {
        try post(shop: shop, date: date, document: document, text: text, lines: [
            .debit(account, amount, document: document),
            .credit(ChartOfAccounts.receivables, amount, document: document, customer: customerKey),
        ], batch: batch)
    }

    /// Posts money that matched no open item to the suspense account, for a person to clear.
    public func postUnmatchedPayment(shop: String, reference: String, amount: Int, date: CalendarDate, account: LedgerAccount,
                                     batch: Int64) throws {
        try post(shop: shop, date: date, document: reference, text: "Zahlung ohne Zuordnung: \(reference)", lines: [
            .debit(account, amount, document: reference),
            .credit(ChartOfAccounts.suspense, amount, document: reference),
        ], batch: batch)
    }

    /// Posts a bank movement that matched no open item: money going out is booked from the
    /// bank to the suspense account (1590), money coming in the other way, for a person to
    /// assign to its expense or revenue account.
    public func postBankMovement(shop: String, amount: Int, date: CalendarDate, document: String, text: String,
                                 batch: Int64) throws {
        try post(shop: shop, date: date, document: document, text: text, lines: [
            .debit(ChartOfAccounts.bank, amount),
            .credit(ChartOfAccounts.suspense, amount, document: document),
        ], batch: batch)
    }

    /// The invoice of an order, if one was posted and not reversed.
    public func invoice(shop: String, orderNumber: String) throws -> PostedInvoice? {
        try fetchInvoice(sql: "i.order_number = ? AND i.kind = 'invoice'", shop: shop, key: orderNumber)
    }

    /// An invoice by its number, if posted and not reversed.
    public func invoice(shop: String, number: String) throws -> PostedInvoice? {
        try fetchInvoice(sql: "i.number = ? AND i.kind = 'invoice'", shop: shop, key: number)
    }

    private func fetchInvoice(sql condition: String, shop: String, key: String) throws -> PostedInvoice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT i.number, i.order_number, i.net, i.vat, i.gross FROM invoices i
            WHERE i.shop = ? AND \(condition)
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = i.entry_id)
            ORDER BY i.date DESC, i.number DESC LIMIT 1
            """), arguments: [shop, key]) else { return nil }
        return PostedInvoice(number: row["number"], orderNumber: row["order_number"], net: row["net"], vat: row["vat"], gross: row["gross"])
    }

    /// What is still owed on a document (positive: the customer owes).
    ///
    /// The account is part of the SQL, not a bound argument: SQLite compares a bound value
    /// with the condition of a partial index (`journal_lines_suspense`) and, having looked at
    /// it, prepares the statement anew every time the value is bound again.
    public func openAmount(shop: String, document: String) throws -> Int {
        try db.cachedStatement(sql: """
            SELECT coalesce(SUM(debit - credit), 0) FROM journal_lines
            WHERE shop = ? AND account = \(ChartOfAccounts.receivables.number) AND document = ?
            """).int(shop, document) ?? 0
    }

    /// What is still owed on an order of `total`: on its invoice, or before it has one, its
    /// total less what was paid in advance under its order number.
    public func owed(shop: String, order: String, invoice: String?, total: Int) throws -> Int {
        if let invoice { return try openAmount(shop: shop, document: invoice) }
        return total + (try openAmount(shop: shop, document: order))
    }

    /// A customer's open receivables: the exposure a credit check weighs. A running figure,
    /// kept by every posting to the receivables account.
    public func exposure(shop: String, customerKey: String) throws -> Int {
        try db.cachedStatement(sql: """
            SELECT open FROM customer_balances WHERE shop = ? AND customer_key = ?
            """).int(shop, customerKey) ?? 0
    }

    /// A movement on the suspense account (1590): money that matched no invoice or order, for
    /// a person to assign. Positive amounts came in.
    public struct SuspenseItem: Sendable {
        public var date, document, text: String
        public var amount: Int
    }

    /// The movements on the suspense account of `shop`, oldest first, read through an index
    /// of that account's lines only.
    public func suspense(shop: String) throws -> [SuspenseItem] {
        try Row.fetchAll(db, sql: """
            SELECT e.date, coalesce(l.document, e.document) AS document, e.text, l.credit - l.debit AS amount
            FROM journal_lines l INDEXED BY journal_lines_suspense JOIN journal_entries e ON e.id = l.entry_id
            WHERE l.shop = ? AND l.account = \(ChartOfAccounts.suspense.number) ORDER BY e.date, l.id
            """, arguments: [shop]).map {
            SuspenseItem(date: $0["date"], document: $0["document"], text: $0["text"], amount: $0["amount"])
        }
    }

    /// Reverses every entry of `batch` with a mirrored entry booked to `reversal`, dated `date`.
    public func reverse(batch: Int64, by reversal: Int64, date: CalendarDate) throws {
        let entries = try Row.fetchAll(db, sql: """
            SELECT id, shop, document, text FROM journal_entries e
            WHERE batch_id = ? AND reverses IS NULL
              AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses = e.id)
            ORDER BY id DESC
            """, arguments: [batch])
        for e in entries {
            let id: Int64 = e["id"]
            let lines = try Row.fetchAll(db, sql: """
                SELECT account, debit, credit, document, customer_key FROM journal_lines WHERE entry_id = ? ORDER BY id
                """, arguments: [id]).map { row in
                Posting(account: LedgerAccount(number: row["account"], name: ""), debit: row["credit"], credit: row["debit"],
                        document: row["document"], customerKey: row["customer_key"])
            }
            try post(shop: e["shop"], date: date, document: e["document"], text: "Storno: \(e["text"] as String)",
                     lines: lines, batch: reversal, reverses: id)
            try reverseDistanceSale(shop: e["shop"], document: e["document"], entry: id)
        }
    }
}
