import KontorCore

extension Camt053StatementXML {
    /// A booked entry as payments or bank movements; an entry not booked yet is skipped
    /// with a warning.
    func entry(_ node: XMLElementNode, log: inout DiagnosticLog) -> [DocumentRecord] {
        let location = node.camt053Location(file: file)
        // camt.053.001.02 writes <Sts>BOOK</Sts>, later versions <Sts><Cd>BOOK</Cd></Sts>.
        guard let status = node.camt053Text("Sts", "Cd") ?? node.camt053Text("Sts", "Prtry") ?? node.camt053Text("Sts") else {
            log.append(.camt053Missing("entry", "status (Sts)", whatDE: "Der Umsatz", elementDE: "keinen Status (Sts)",
                                       at: location))
            return []
        }
        guard status.uppercased() == "BOOK" else {
            let currency = node.child("Amt")?.attribute("Ccy")
            let amount = node.camt053Text("Amt").map { [$0, currency].compactMap { $0 }.joined(separator: " ") }
            log.append(.camt053NotBooked(status, amount: amount, at: location))
            return []
        }
        var problems: [Diagnostic] = []
        let amount = amount(node.child("Amt"), of: "entry", "Der Umsatz", at: location, problems: &problems)
        let sign = direction(in: node, problems: &problems)
        let date = date(in: node, "BookgDt", "booking date (BookgDt)", "kein Buchungsdatum (BookgDt)",
                        of: "entry", "Der Umsatz", problems: &problems)
        let reversal = node.camt053Text("RvslInd").map { ["true", "1"].contains($0.lowercased()) } ?? false
        var movements: [Camt053Movement] = []
        if let amount, let sign {
            movements = self.movements(amount: sign * amount.minorUnits, currency: amount.currency, reversal: reversal,
                                       details: node.camt053Elements("NtryDtls", "TxDtls"), at: location, problems: &problems)
        }
        log.append(contentsOf: problems)
        guard problems.isEmpty, let date else { return [] }
        return movements.map { record($0, date: date, entry: node, log: &log) }
    }

    /// The entry as one movement, or, for a batch booking whose transactions all carry an
    /// amount (`TxDtls/Amt` from .08 on, `TxDtls/AmtDtls/TxAmt/Amt` in .02), one movement per
    /// transaction; these must add up to the entry.
    private func movements(amount: Int, currency: String, reversal: Bool, details: [XMLElementNode], at location: SourceLocation,
                           problems: inout [Diagnostic]) -> [Camt053Movement] {
        let amounts = details.map { $0.child("Amt") ?? $0.camt053Element("AmtDtls", "TxAmt", "Amt") }
        guard details.count > 1, amounts.allSatisfy({ $0 != nil }) else {
            return [Camt053Movement(amount: amount, currency: currency, reversal: reversal, details: details, location: location)]
        }
        var parts: [Camt053Movement] = []
        for (transaction, element) in zip(details, amounts) {
            let place = transaction.camt053Location(file: file)
            let value = self.amount(element, of: "transaction", "Der Einzelumsatz", at: place, problems: &problems)
            let sign = transaction.child("CdtDbtInd") == nil ? (amount < 0 ? -1 : 1) : direction(in: transaction, problems: &problems)
            guard let value, let sign else { continue }
            guard value.currency == currency else {
                problems.append(.camt053Currency("transaction", whatDE: "Der Einzelumsatz", value.currency, of: currency, at: place))
                continue
            }
            parts.append(Camt053Movement(amount: sign * value.minorUnits, currency: currency, reversal: reversal,
                                         details: [transaction], location: place))
        }
        guard parts.count == details.count else { return [] }
        let sum = parts.reduce(0) { $0 + $1.amount }
        guard sum == amount else {
            problems.append(.camt053BatchSum(count: parts.count, sum: sum, entry: amount, at: location))
            return []
        }
        return parts
    }

    /// A customer's payment (or its reversal) as a payment, any other movement as a bank movement.
    private func record(_ movement: Camt053Movement, date: CalendarDate, entry: XMLElementNode,
                        log: inout DiagnosticLog) -> DocumentRecord {
        let bankReference = entry.camt053Text("AcctSvcrRef")
        guard movement.isCustomerPayment else {
            return .bankTransaction(BankTransaction(
                account: account, date: date, amount: movement.amount, currency: movement.currency, counterparty: movement.creditorName,
                text: movement.remittance ?? entry.camt053Text("AddtlNtryInf"), reference: bankReference,
                location: movement.location))
        }
        if movement.reversal {
            log.append(.camt053Reversal(amount: movement.amount, at: movement.location))
        }
        let reference = movement.creditorReference ?? movement.endToEndID ?? movement.unstructuredLines.first
            ?? bankReference ?? "Bank \(date)"
        return .payment(Payment(reference: reference, amount: movement.amount, date: date, payer: movement.debtorName,
                                method: nil, remittance: movement.remittance, currency: movement.currency, location: movement.location))
    }
}
