import Foundation
import GRDB
import KontorCore
import KontorOutput
import KontorStore

/// `outbox/<shop>/gobd/<from>_<to>/`: the books of a period for a tax audit's data access
/// (Datenträgerüberlassung, GoBD Z3) in the GDPdU description standard that auditors'
/// software (IDEA and others) reads: the journal line by line (`Buchungen.csv`), the accounts
/// (`Konten.csv`), the invoices and corrections (`Rechnungen.csv`) and the customers
/// (`Kunden.csv`) as CSV (`;`, decimal comma, dates DD.MM.YYYY, UTF-8, CR LF, a header
/// line), and `index.xml` describing each file, column by column. Made on demand:
/// `kontor export gobd --from --to` (or `kontor report gobd`); without a period, the
/// current year.
enum GoBDExport {
    /// A column of an exported table as `index.xml` describes it.
    struct Column {
        enum Kind { case text, date, amount, number }
        var name: String
        var kind: Kind
    }

    /// A table of the export: its file, name, description, columns (the first is its key) and
    /// the columns that refer to another table's key.
    struct Table {
        var file: String
        var name: String
        var description: String
        var columns: [Column]
        var references: [(column: String, table: String)] = []
    }

    static let journal = Table(
        file: "Buchungen.csv", name: "Buchungen",
        description: "Journal: every line of every entry, in the order posted; reversals are entries of their own",
        columns: [.init(name: "Zeile", kind: .number), .init(name: "Lfd_Nr", kind: .number), .init(name: "Buchung", kind: .number),
                  .init(name: "Datum", kind: .date), .init(name: "Beleg", kind: .text), .init(name: "Buchungstext", kind: .text),
                  .init(name: "Konto", kind: .number), .init(name: "Soll", kind: .amount), .init(name: "Haben", kind: .amount),
                  .init(name: "Belegfeld", kind: .text), .init(name: "Kunde", kind: .text), .init(name: "Stapel", kind: .number),
                  .init(name: "Storno_von", kind: .number), .init(name: "Hash", kind: .text)],
        references: [("Konto", "Konten")])
    static let accounts = Table(
        file: "Konten.csv", name: "Konten", description: "Accounts (SKR03) posted to in the period",
        columns: [.init(name: "Konto", kind: .number), .init(name: "Bezeichnung", kind: .text)])
    static let invoices = Table(
        file: "Rechnungen.csv", name: "Rechnungen",
        description: "Invoices and invoice corrections (Rechnungskorrekturen) issued in the period",
        columns: [.init(name: "Nummer", kind: .text), .init(name: "Art", kind: .text), .init(name: "Bestellung", kind: .text),
                  .init(name: "Kunde", kind: .text), .init(name: "Datum", kind: .date), .init(name: "Faellig", kind: .date),
                  .init(name: "Netto", kind: .amount), .init(name: "USt", kind: .amount), .init(name: "Brutto", kind: .amount),
                  .init(name: "Bezug", kind: .text), .init(name: "Buchung", kind: .number)],
        references: [("Kunde", "Kunden")])
    static let customers = Table(
        file: "Kunden.csv", name: "Kunden", description: "Customers of the shop's customer list",
        columns: [.init(name: "Kunde", kind: .text), .init(name: "Name", kind: .text), .init(name: "E_Mail", kind: .text),
                  .init(name: "USt_IdNr", kind: .text), .init(name: "Land", kind: .text), .init(name: "Strasse", kind: .text),
                  .init(name: "PLZ", kind: .text), .init(name: "Ort", kind: .text)])

    /// The report, naming the seller from `settings` in `index.xml`.
    static func report(settings: Settings) -> Report {
        Report(name: "gobd", title: "Tax audit export (GoBD, GDPdU description standard): journal, accounts, invoices, customers",
               takesPeriod: true) { shop, period, db in
            let today = CalendarDate.today
            let period = period ?? ReportPeriod(from: CalendarDate(year: today.year, month: 1, day: 1)!,
                                                to: CalendarDate(year: today.year, month: 12, day: 31)!)
            return try files(shop: shop, period: period, seller: settings.shop(shop).seller, in: db)
        }.onDemand()
    }

    /// The export's files for `shop` and `period`.
    static func files(shop: String, period: ReportPeriod, seller: Seller, in db: Database) throws -> ReportFiles {
        let folder = "gobd/\(period.slug)/"
        let (from, to) = (period.from.description, period.to.description)
        var journalCSV = CSVWriter(header: journal.columns.map(\.name), delimiter: ";")
        var sequence = try Int.fetchOne(db, sql: "SELECT count(*) FROM journal_entries WHERE shop = ? AND date < ?",
                                        arguments: [shop, from]) ?? 0
        var lastEntry: Int64?
        var line = 0
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.id, e.date, e.document, e.text, e.batch_id, e.reverses, e.hash,
                   l.account, l.debit, l.credit, l.document AS line_document, l.customer_key
            FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
            WHERE e.shop = ? AND e.date BETWEEN ? AND ?
            ORDER BY e.id, l.id
            """, arguments: [shop, from, to])
        while let row = try rows.next() {
            let entry: Int64 = row["id"]
            if entry != lastEntry { sequence += 1; lastEntry = entry }
            line += 1
            journalCSV.appendRow([.number(String(line)), .number(String(sequence)), .number(String(entry)), date(row["date"]),
                                  .text(row["document"]), .text(row["text"]), .number(String(row["account"] as Int)),
                                  amount(row["debit"]), amount(row["credit"]), .text(row["line_document"] ?? ""),
                                  .text(row["customer_key"] ?? ""), .number(String(row["batch_id"] as Int64)),
                                  .number((row["reverses"] as Int64?).map(String.init) ?? ""), .text(row["hash"] ?? "")])
        }
        var accountsCSV = CSVWriter(header: accounts.columns.map(\.name), delimiter: ";")
        for row in try Row.fetchAll(db, sql: """
            SELECT a.account, a.name FROM accounts a WHERE a.account IN (
                SELECT l.account FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
                WHERE e.shop = ? AND e.date BETWEEN ? AND ?)
            ORDER BY a.account
            """, arguments: [shop, from, to]) {
            accountsCSV.appendRow([.number(String(row["account"] as Int)), .text(row["name"])])
        }
        var invoicesCSV = CSVWriter(header: invoices.columns.map(\.name), delimiter: ";")
        for row in try Row.fetchAll(db, sql: """
            SELECT number, kind, order_number, customer_key, date, due_date, net, vat, gross, refers_to, entry_id
            FROM invoices WHERE shop = ? AND date BETWEEN ? AND ? ORDER BY date, entry_id
            """, arguments: [shop, from, to]) {
            invoicesCSV.appendRow([.text(row["number"]), .text(row["kind"] == "invoice" ? "Rechnung" : "Rechnungskorrektur"),
                                   .text(row["order_number"]), .text(row["customer_key"]), date(row["date"]), date(row["due_date"]),
                                   amount(row["net"]), amount(row["vat"]), amount(row["gross"]), .text(row["refers_to"] ?? ""),
                                   .number(String(row["entry_id"] as Int64))])
        }
        var customersCSV = CSVWriter(header: customers.columns.map(\.name), delimiter: ";")
        for row in try Row.fetchAll(db, sql: """
            SELECT customer_id, name, email, vat_id, country, street, zip, city FROM customers WHERE shop = ? ORDER BY customer_id
            """, arguments: [shop]) {
            customersCSV.appendRow(["customer_id", "name", "email", "vat_id", "country", "street", "zip", "city"].map {
                .text(row[$0] ?? "")
            })
        }
        let index = indexXML(shop: shop, period: period, seller: seller)
        return ReportFiles(files: [
            ReportFile(path: folder + "index.xml", bytes: Data(index.utf8)),
            ReportFile(path: folder + journal.file, bytes: journalCSV.bytes),
            ReportFile(path: folder + accounts.file, bytes: accountsCSV.bytes),
            ReportFile(path: folder + invoices.file, bytes: invoicesCSV.bytes),
            ReportFile(path: folder + customers.file, bytes: customersCSV.bytes),
        ])
    }

    /// `index.xml` in the GDPdU description standard (`gdpdu-01-09-2004.dtd`): who supplies
    /// the data, and per table its file, validity, encoding, number format and columns.
    static func indexXML(shop: String, period: ReportPeriod, seller: Seller) -> String {
        let esc = XMLText.escape
        func type(_ kind: Column.Kind) -> String {
            switch kind {
            case .text: "<AlphaNumeric/>"
            case .date: "<Date><Format>DD.MM.YYYY</Format></Date>"
            case .amount: "<Numeric><Accuracy>2</Accuracy></Numeric>"
            case .number: "<Numeric/>"
            }
        }
        var x = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE DataSet SYSTEM "gdpdu-01-09-2004.dtd">
            <DataSet>
              <Version>1.0</Version>
              <DataSupplier>
                <Name>\(esc(seller.legalName.isEmpty ? shop : seller.legalName))</Name>
                <Location>\(esc(seller.city))</Location>
                <Comment>Kontor, shop \(esc(shop)): books from \(GermanFormat.date(period.from)) to \(GermanFormat.date(period.to))</Comment>
              </DataSupplier>
              <Media>
                <Name>Kontor \(esc(shop)) \(period.slug)</Name>

            """
        for table in [journal, accounts, invoices, customers] {
            x += """
                    <Table>
                      <URL>\(table.file)</URL>
                      <Name>\(table.name)</Name>
                      <Description>\(esc(table.description))</Description>
                      <Validity>
                        <Range><From>\(GermanFormat.date(period.from))</From><To>\(GermanFormat.date(period.to))</To></Range>
                        <Format>DD.MM.YYYY</Format>
                      </Validity>
                      <UTF8/>
                      <DecimalSymbol>,</DecimalSymbol>
                      <DigitGroupingSymbol>.</DigitGroupingSymbol>
                      <Range><From>2</From></Range>
                      <VariableLength>
                        <ColumnDelimiter>;</ColumnDelimiter>
                        <RecordDelimiter>&#13;&#10;</RecordDelimiter>
                        <TextEncapsulator>"</TextEncapsulator>

                """
            for (i, column) in table.columns.enumerated() {
                let tag = i == 0 ? "VariablePrimaryKey" : "VariableColumn"
                x += "            <\(tag)><Name>\(column.name)</Name>\(type(column.kind))</\(tag)>\n"
            }
            for reference in table.references {
                x += "            <ForeignKey><Name>\(reference.column)</Name><References>\(reference.table)</References></ForeignKey>\n"
            }
            x += """
                          </VariableLength>
                        </Table>

                """
        }
        x += """
              </Media>
            </DataSet>

            """
        return x
    }

    private static func amount(_ minor: Int) -> CSVWriter.Cell { .number(Money.decimalString(minor, separator: ",")) }

    private static func date(_ text: String) -> CSVWriter.Cell {
        .number(CalendarDate(parsing: text).map(GermanFormat.date) ?? text)
    }
}
