import Foundation
import KontorStore

/// The texts Kontor writes for people about a batch: receipts and error reports. Each is
/// made from the database after its batch committed, so a rerun writes it again
/// identically. The reports of the books come from the modules (`ReportRegistry`).
enum Reports {
    /// The receipt of a batch, for the shop's staff.
    static func receipt(_ batch: BatchRecord, diagnostics: [BatchJournal.StoredDiagnostic], notes: [String] = []) -> String {
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
        func section(_ title: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            t += "\n\(title)\n" + lines.map { "  \($0)\n" }.joined()
        }
        section("Invoices / Rechnungen:", s.invoices.map { "\($0.number)  order \($0.order)  \($0.gross) EUR" })
        section("Credit notes / Gutschriften:", s.creditNotes.map { "\($0.number)  order \($0.order)  \($0.gross) EUR" })
        section("Shipments / Sendungen:", s.shipments)
        section("Held orders / Gesperrte Bestellungen:", s.holds.map { "order \($0.order) (\($0.customer)): \($0.reason)" })
        section("Payments / Zahlungen:", s.payments)
        section("Unmatched payments, booked to 1590 / Nicht zugeordnete Zahlungen:", s.unmatchedPayments)
        section("Refused lines / Abgewiesene Zeilen:", s.refused.map { "\($0.place): \($0.reason)" })
        section("Problems / Hinweise:", diagnostics.map { "\($0.place): \($0.severity == "warning" ? "warning: " : "")\($0.message)" })
        section("For the admin / Für die Administration:", notes)
        return t
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
