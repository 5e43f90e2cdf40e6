import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorOutput
import KontorStore
import Logging

extension Pipeline {
    /// What a dunning run did: a batch per shop that had something to issue, and the
    /// letters written.
    public struct DunningOutcome: Sendable {
        /// The command batches, one per shop with letters to issue.
        public var batches: [RunReport.Line] = []
        /// The letters written, relative to the root.
        public var letters: [String] = []
    }

    /// Duns the overdue open invoices of `shop` (or of every shop) on `date`
    /// (`kontor dunning --date D --note ...`): per shop, one command batch, all or nothing,
    /// records the level each invoice reached and posts the fees, default interest and flat
    /// fees against the customers' receivables; then one letter per customer is written to
    /// `outbox/<shop>/dunning/<date>/`. A shop with nothing new to issue gets no batch, so a
    /// second run for the same day issues nothing. `kontor revert` takes a run back.
    public func dunning(date: CalendarDate, shop: String?, note: String) throws -> DunningOutcome {
        let today = CalendarDate.today
        guard date <= today else {
            throw CommandRefused("dunning.future", "the dunning date \(date) is after today (\(today)); a letter cannot be dated ahead",
                                 de: "Das Mahndatum \(date) liegt nach dem heutigen Tag (\(today)); Mahnungen werden nicht vordatiert")
        }
        let database = try openDatabase()
        let known = try Books(database: database).shops()
        if let shop, !known.contains(shop) {
            throw CommandRefused("dunning.unknown-shop", "the books know no shop \"\(shop)\"", de: "Die Bücher kennen keinen Shop \"\(shop)\"")
        }
        var outcome = DunningOutcome()
        for shop in shop.map({ [$0] }) ?? known {
            let terms = settings.shop(shop).dunning, rates = settings.baseRates
            let pending = try database.writer.read {
                try DunningPlan.make(shop: shop, date: date, terms: terms, rates: rates, in: $0).entries.count
            }
            if pending > 0 {
                outcome.batches.append(try runCommand(shop: shop, command: "dunning \(date)", note: note) { context, _ in
                    try context.dun(on: date, terms: terms, rates: rates)
                })
            }
            outcome.letters += try writeDunningLetters(shop: shop, date: date, database: database)
        }
        return outcome
    }

    /// For `kontor watch`: once a day, at or after `dunning_time` (local time), a dunning run
    /// of every shop for today. Returns the problem, if the run failed; the next day tries again.
    func runDailyDunning(lastRun: inout CalendarDate?) -> [String] {
        guard let minutes = settings.dunningMinutes else { return [] }
        let now = Date()
        let time = Calendar.current.dateComponents([.hour, .minute], from: now)
        guard (time.hour ?? 0) * 60 + (time.minute ?? 0) >= minutes, let today = CalendarDate(parsing: Self.timestamp(now)),
              lastRun != today else { return [] }
        lastRun = today
        do {
            let outcome = try dunning(date: today, shop: nil, note: "kontor watch: daily dunning run")
            for line in outcome.batches { logger.info("dunning \(today) \(line.shop): batch \(line.batch.map(String.init) ?? "-") \(line.status.rawValue)") }
            return []
        } catch {
            let message = "dunning on \(today): \(error)"
            logger.error("\(message)")
            return [message]
        }
    }

    /// Stops dunning one invoice (`kontor dunning --stop INVOICE --note ...`), as a command
    /// batch: no later run names it; `kontor revert` of the batch lifts the stop.
    public func stopDunning(invoice: String, shop: String?, note: String) throws -> RunReport.Line {
        let database = try openDatabase()
        let shops = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT shop FROM invoices WHERE number = ? AND kind = 'invoice' AND (?2 IS NULL OR shop = ?2)",
                                arguments: [invoice, shop])
        }
        guard shops.count == 1, let shop = shops.first else {
            throw CommandRefused("dunning.stop-unknown",
                                 shops.isEmpty ? "no shop has an invoice \(invoice); check the number"
                                     : "shops \(shops.joined(separator: ", ")) each have an invoice \(invoice); name one with --shop",
                                 de: shops.isEmpty ? "Kein Shop hat eine Rechnung \(invoice)"
                                     : "Mehrere Shops haben eine Rechnung \(invoice); bitte mit --shop einen nennen")
        }
        return try runCommand(shop: shop, command: "dunning stop \(invoice)", note: note) { context, _ in
            let book = DunningBook(context.db)
            guard !(try book.isStopped(shop: shop, document: invoice)) else {
                throw CommandRefused("dunning.stopped", "dunning of invoice \(invoice) is stopped already",
                                     de: "Die Mahnung der Rechnung \(invoice) ist schon gesperrt")
            }
            try book.stop(shop: shop, document: invoice, note: note, batch: context.batch)
        }
    }

    /// Writes the letters of `shop` for `date` that are missing or differ (after a crash, or
    /// a run taken back and made again): one per customer, from the notices in the books.
    func writeDunningLetters(shop: String, date: CalendarDate, database: KontorDatabase) throws -> [String] {
        let shopSettings = settings.shop(shop), rates = settings.baseRates
        let letters = try database.writer.read { db -> [(String, DunningLetter)] in
            let book = DunningBook(db), ledger = Ledger(db)
            let notices = try book.notices(shop: shop, on: date)
            let open = notices.isEmpty ? [:] : Dictionary(try ledger.openItems(shop: shop, asOf: date).map { ($0.document, $0) },
                                                          uniquingKeysWith: { first, _ in first })
            return try Dictionary(grouping: notices, by: \.customerKey).sorted { $0.key < $1.key }.map { customer, notices in
                let debtor = try book.debtor(shop: shop, id: customer)
                let items = notices.map { n in
                    let invoice = open[n.document]
                    let rates = n.interestFrom.flatMap { from in
                        try? DefaultInterest.charge(on: 1, from: from, through: n.interestThrough ?? from,
                                                    business: debtor?.isBusiness ?? false, rates: rates).spans.map(\.basisPoints)
                    } ?? []
                    return DunningLetter.Item(invoice: n.document, invoiceDate: invoice?.date ?? n.date, dueDate: invoice?.dueDate ?? n.date,
                                              level: n.title, openBefore: (invoice?.open ?? n.charges) - n.charges, fee: n.fee,
                                              interest: n.interest, interestFrom: n.interestFrom, interestThrough: n.interestThrough,
                                              interestRates: rates, flatFee: n.flatFee)
                }
                let top = notices.max { $0.level < $1.level } ?? notices[0]
                let letter = DunningLetter(
                    shopName: shopSettings.name ?? shop, customerID: customer, customerName: debtor?.name ?? customer,
                    address: [debtor?.street ?? "", [debtor?.zip, debtor?.city].compactMap { $0 }.joined(separator: " ")],
                    date: date, deadline: notices.map(\.deadline).max() ?? date, title: top.title, items: items,
                    seller: shopSettings.seller.legalName.isEmpty ? [] : InvoiceDocuments.sellerLines(shopSettings.seller),
                    sellerFacts: InvoiceDocuments.sellerFacts(shopSettings.seller))
                return (Self.letterName(customer), letter)
            }
        }
        var written: [String] = []
        for (name, letter) in letters {
            // The letter as text, and as a PDF to print and send.
            var pdf = PDFDocument()
            for page in letter.pages() { pdf.add(page) }
            let pdfName = String(name.dropLast(4)) + ".pdf"
            for (file, bytes) in [(name, Data(letter.text.utf8)), (pdfName, Data(pdf.bytes()))] {
                let path = root.outbox(shop) + "/dunning/\(date)/\(file)"
                if FileManager.default.contents(atPath: path) == bytes { continue }
                try emit(bytes, to: path)
                written.append("outbox/\(shop)/dunning/\(date)/\(file)")
            }
        }
        return written
    }

    /// A file name for a customer's letter: `K-1001.txt`, characters other than letters,
    /// digits, `-`, `_` and `.` replaced by `_`.
    static func letterName(_ customer: String) -> String {
        let safe = String(customer.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return (safe.hasPrefix(".") ? "_" + safe : safe) + ".txt"
    }
}
