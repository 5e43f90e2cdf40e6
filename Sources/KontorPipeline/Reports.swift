import Foundation
import GRDB
import KontorAccounting
import KontorCore
import KontorCredit
import KontorLogistics
import KontorOrders
import KontorStore

/// The texts Kontor writes for people about a batch: receipts and error reports. Each is
/// made from the database after its batch committed, so a rerun writes it again
/// identically. The reports of the books come from the modules (`ReportRegistry`).
enum Reports {
    /// Writes the receipt of a batch, for the shop's staff, through `write` in pieces: its
    /// invoices, invoice corrections, shipments and holds come from the books (all of them, however
    /// many), the rest from the batch's summary.
    static func writeReceipt(_ batch: BatchRecord, diagnostics: [BatchJournal.StoredDiagnostic], notes: [String] = [],
                             in db: Database, to write: (String) throws -> Void) throws {
        let s = BatchSummary.from(json: batch.summary)
        var t = """
            Kontor receipt / Eingangsbeleg
            batch:   \(batch.id)\(batch.rerunOf.map { " (rerun of batch \($0))" } ?? "")
            shop:    \(batch.shop)
            file:    \(batch.file)
            sha256:  \(batch.sha256)
            kind:    \(batch.kind ?? "-")\(batch.dialect.map { " (\($0))" } ?? "")
            status:  \(batch.status.rawValue)
            read:    \(s.read) records
            applied: \(s.applied) records

            """
        if batch.status == .duplicate {
            t += "\nThe same file was already applied in batch \(batch.duplicateOf.map(String.init) ?? "?"); it was not applied again.\n"
            t += "Dieselbe Datei wurde schon in Stapel \(batch.duplicateOf.map(String.init) ?? "?") gebucht; sie wurde nicht erneut gebucht.\n"
        }
        if batch.status == .rejected {
            t += "\nThe file was rejected; nothing of it was applied. See \(batch.file).errors.txt in the rejected folder.\n"
            t += "Die Datei wurde abgelehnt; nichts davon wurde gebucht.\n"
        }
        var open: String?
        func line(_ title: String, _ text: String) throws {
            if open != title {
                t += "\n\(title)\n"
                open = title
            }
            t += "  \(text)\n"
            if t.utf8.count > 65_536 {
                try write(t)
                t = ""
            }
        }
        func section<Element>(_ title: String, _ list: CappedList<Element>, _ text: (Element) -> String) throws {
            for element in list { try line(title, text(element)) }
            if list.left > 0 { try line(title, "… and \(list.left) more / und \(list.left) weitere") }
        }
        if batch.status == .applied {
            try Ledger.forEachDocument(batch: batch.id, kind: "invoice", in: db) { number, order, gross, _ in
                try line("Invoices / Rechnungen:", "\(number)  order \(order)  \(Money.decimalString(gross)) EUR")
            }
            try Ledger.forEachDocument(batch: batch.id, kind: "credit_note", in: db) { number, order, gross, corrects in
                try line("Invoice corrections / Rechnungskorrekturen:",
                         "\(number)  corrects / zu Rechnung \(corrects ?? "-")  order \(order)  \(Money.decimalString(-gross)) EUR")
            }
            var held: [String] = []
            try Shipping.forEachShipment(batch: batch.id, in: db) { shipment, order, reason in
                try line("Shipments / Sendungen:", "\(shipment) (order \(order))")
                if let reason, held.count < 1_000 { held.append("\(shipment) (order \(order)): \(reason)") }
            }
            for text in held {
                try line("Shipments held, no label yet / Angehaltene Sendungen (kontor ship SHIPMENT corrects the address):", text)
            }
            try CreditBook.forEachHold(batch: batch.id, in: db) { order, customer, reason in
                try line("Held orders / Gesperrte Bestellungen:", "order \(order) (\(customer)): \(reason)")
            }
            try OrderBook.forEachHold(batch: batch.id, in: db) { order, customer, reason in
                try line("Held orders / Gesperrte Bestellungen:", "order \(order) (\(customer)): needs attention: \(reason)")
            }
            for n in try DunningBook(db).notices(batch: batch.id) {
                try line("Dunning / Mahnungen:", "\(n.document) (\(n.customerKey)): \(n.title), fee \(Money.decimalString(n.fee)), "
                         + "interest \(Money.decimalString(n.interest)), flat fee \(Money.decimalString(n.flatFee)), pay by \(n.deadline)")
            }
        }
        try section("Released orders / Freigegebene Bestellungen:", s.released) { "order \($0.order) (\($0.customer)): \($0.reason)" }
        try section("Cancelled orders / Stornierte Bestellungen:", s.cancelled) { "order \($0.order) (\($0.customer)): \($0.reason)" }
        try section("Payments / Zahlungen:", s.payments) { $0 }
        try section("Unmatched payments, booked to 1590 / Nicht zugeordnete Zahlungen:", s.unmatchedPayments) { $0 }
        try section("Cleared from money in transit / Geldtransit ausgeglichen:", s.cleared) { $0 }
        try section("Payouts / Auszahlungen:", s.payouts) { $0 }
        try section("Refunds paid / Geleistete Erstattungen:", s.refundsPaid) { $0 }
        try section("Tracking / Sendungsverfolgung:", s.tracked) { $0 }
        try section("Refunds owed / Offene Erstattungen:", s.refundsOwed) { $0 }
        try section("Refused lines / Abgewiesene Zeilen:", s.refused) { "\($0.place): \($0.reason)" }
        for d in diagnostics {
            try line("Problems / Hinweise:", "\(d.place): \(d.severity == "warning" ? "warning: " : "")\(d.message)")
        }
        for note in notes { try line("For the admin / Für die Administration:", note) }
        try write(t)
    }

    /// The error report beside a rejected file: what is wrong, where, and how to fix it,
    /// in German and English.
    static func errorReport(_ batch: BatchRecord, diagnostics: [BatchJournal.StoredDiagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == "error" }
        var t = """
            Die Datei \(batch.file) wurde abgelehnt. Nichts davon wurde gebucht.
            The file \(batch.file) was rejected. Nothing of it was applied.

            Bitte korrigieren Sie die folgenden Stellen und laden Sie die Datei erneut hoch.
            Please correct the places below and upload the file again.

            """
        for d in errors {
            t += "\n\(d.place)\n  EN: \(d.message)\n"
            if let de = d.messageDE { t += "  DE: \(de)\n" }
            if let hint = d.hint { t += "  Fix: \(hint)\n" }
        }
        if batch.errors > errors.count {
            t += "\n… and \(batch.errors - errors.count) more problem(s) not listed / weitere Fehler nicht aufgeführt.\n"
        }
        let warnings = diagnostics.filter { $0.severity == "warning" }
        if !warnings.isEmpty {
            t += "\nWarnings / Hinweise:\n" + warnings.map { "  \($0.place): \($0.message)\n" }.joined()
        }
        t += "\n(Kontor batch \(batch.id), sha256 \(batch.sha256))\n"
        return t
    }
}
