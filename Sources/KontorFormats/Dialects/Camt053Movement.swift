import KontorCore

/// One movement of money in a camt.053 entry, as Kontor books it: the whole entry, or one
/// transaction of a batch booking that gives an amount per transaction.
struct Camt053Movement {
    /// Minor units, positive for money received, negative for money paid.
    var amount: Int
    /// The ISO code of the amount's currency.
    var currency: String
    /// Whether the entry reverses an earlier one (`RvslInd`): a reversed payment received
    /// shows as money paid, a reversed payment made as money received.
    var reversal: Bool
    /// The transaction details (`TxDtls`) that describe it.
    var details: [XMLElementNode]
    /// Where it is: the entry, or its transaction in a batch.
    var location: SourceLocation

    /// Whether the movement is about money a customer sent: a credit, or the reversal of one.
    var isCustomerPayment: Bool { (amount > 0) != reversal }

    /// Every line of unstructured remittance information (`RmtInf/Ustrd`), in order.
    var unstructuredLines: [String] { details.flatMap { $0.camt053Texts("RmtInf", "Ustrd") } }

    /// The remittance lines joined with spaces; nil if there are none.
    var remittance: String? {
        let lines = unstructuredLines
        return lines.isEmpty ? nil : lines.joined(separator: " ")
    }

    /// The structured creditor reference (`RmtInf/Strd/CdtrRefInf/Ref`), if given.
    var creditorReference: String? {
        details.lazy.compactMap { $0.camt053Text("RmtInf", "Strd", "CdtrRefInf", "Ref") }.first
    }

    /// The payer's end-to-end reference, unless the payer left it out (`NOTPROVIDED`).
    var endToEndID: String? {
        details.lazy.compactMap { $0.camt053Text("Refs", "EndToEndId") }
            .first { $0.uppercased() != "NOTPROVIDED" }
    }

    /// The name of the party that paid: `Dbtr/Nm` (camt.053.001.02), `Dbtr/Pty/Nm` (from
    /// .08 on), else the ultimate debtor's.
    var debtorName: String? { partyName("Dbtr") ?? partyName("UltmtDbtr") }

    /// The name of the party that was paid, like `debtorName`.
    var creditorName: String? { partyName("Cdtr") ?? partyName("UltmtCdtr") }

    private func partyName(_ role: String) -> String? {
        details.lazy.compactMap {
            $0.camt053Text("RltdPties", role, "Nm") ?? $0.camt053Text("RltdPties", role, "Pty", "Nm")
        }.first
    }
}
