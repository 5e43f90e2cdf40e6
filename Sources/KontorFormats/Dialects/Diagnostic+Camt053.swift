import KontorCore

/// The problems a camt.053 bank statement can have, worded for the shop owner who has to
/// fetch the statement again or book an entry by hand.
extension Diagnostic {
    private static let exportHint = "Export the statement again from online banking; if the problem stays, ask the bank."

    /// `the entry has no booking date (BookgDt)`; `whatDE` and `elementDE` say it in German
    /// (`Der Umsatz`, `kein Buchungsdatum (BookgDt)`).
    static func camt053Missing(_ what: String, _ element: String, whatDE: String, elementDE: String,
                               at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.missing", "the \(what) has no \(element)", de: "\(whatDE) hat \(elementDE)",
                   hint: exportHint, at: location)
    }

    static func camt053AmountMissing(_ what: String, whatDE: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.amount-missing", "the \(what) has no amount (Amt)", de: "\(whatDE) hat keinen Betrag (Amt)",
                   hint: #"Each amount is written like <Amt Ccy="EUR">49.90</Amt>. "# + exportHint, at: location)
    }

    static func camt053AmountInvalid(_ text: String, _ failure: DecimalParser.Failure, at location: SourceLocation) -> Diagnostic {
        switch failure {
        case .tooManyDecimals(let places):
            Diagnostic("camt.amount-invalid", "Amt \"\(text)\" has more than \(places) decimal places",
                       de: "Amt \"\(text)\" hat mehr als \(places) Nachkommastellen", hint: exportHint, at: location)
        case .outOfRange:
            Diagnostic("camt.amount-invalid", "Amt \"\(text)\" is too large", de: "Amt \"\(text)\" ist zu groß",
                       hint: exportHint, at: location)
        case .empty, .notANumber, .ambiguousSeparator:
            Diagnostic("camt.amount-invalid", "Amt \"\(text)\" is not an amount", de: "Amt \"\(text)\" ist kein Betrag",
                       hint: "ISO 20022 amounts have a point before the cents and no thousands separator, such as 1234.50. "
                           + exportHint, at: location)
        }
    }

    static func camt053AmountNegative(_ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.amount-invalid", "Amt \"\(text)\" is negative", de: "Amt \"\(text)\" ist negativ",
                   hint: "Amounts carry no sign; CdtDbtInd (CRDT or DBIT) says which way the money went.", at: location)
    }

    static func camt053CurrencyMissing(at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.currency", "Amt has no currency (Ccy)", de: "Amt hat keine Währung (Ccy)",
                   hint: #"Each amount names its currency, such as <Amt Ccy="EUR">49.90</Amt>. "# + exportHint, at: location)
    }

    static func camt053Currency(_ what: String, whatDE: String, _ currency: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.currency", "the \(what) names \"\(currency)\" as its currency, which is no currency code",
                   de: "\(whatDE) nennt \"\(currency)\" als Währung, das ist kein Währungscode",
                   hint: #"Each amount names its currency by its ISO code, such as <Amt Ccy="EUR">49.90</Amt>. "# + exportHint, at: location)
    }

    static func camt053Currency(_ what: String, whatDE: String, _ currency: String, of entry: String,
                                at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.currency", "the \(what) is in \(currency), its entry in \(entry)",
                   de: "\(whatDE) ist in \(currency), sein Umsatz in \(entry)",
                   hint: "The transactions of a batch booking are in the currency of their entry. " + exportHint, at: location)
    }

    static func camt053Direction(_ text: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.direction",
                   text.map { "CdtDbtInd \"\($0)\" is neither CRDT nor DBIT" } ?? "the amount has no CdtDbtInd (CRDT or DBIT)",
                   de: text.map { "CdtDbtInd \"\($0)\" ist weder CRDT noch DBIT" } ?? "Beim Betrag fehlt CdtDbtInd (CRDT oder DBIT)",
                   hint: "CRDT is money received, DBIT money paid. " + exportHint, at: location)
    }

    static func camt053Date(_ element: String, _ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.date", "\(element) \"\(text)\" is not a valid date", de: "\(element) \"\(text)\" ist kein gültiges Datum",
                   hint: "Dates are written as YYYY-MM-DD, such as 2025-03-05. " + exportHint, at: location)
    }

    /// `amount` is the entry's amount as written, with its currency: `13.80 EUR`.
    static func camt053NotBooked(_ status: String, amount: String?, at location: SourceLocation) -> Diagnostic {
        let what = amount.map { "the entry of \($0)" } ?? "the entry"
        let whatDE = amount.map { "Der Umsatz über \($0)" } ?? "Der Umsatz"
        return Diagnostic("camt.not-booked", "\(what) has status \(status), not BOOK; it was skipped",
                          de: "\(whatDE) hat den Status \(status), nicht BOOK; er wurde übersprungen",
                          hint: "An entry is booked from the statement that reports it as booked (BOOK).",
                          at: location, severity: .warning)
    }

    static func camt053Reversal(amount: Int, at location: SourceLocation) -> Diagnostic {
        let text = Money.decimalString(amount)
        return Diagnostic("camt.reversal",
                          "the entry reverses a payment received (RvslInd); it is booked as a payment of \(text)",
                          de: "Der Umsatz storniert einen Zahlungseingang (RvslInd); er wird als Zahlung über \(text) gebucht",
                          hint: "The invoice the payment settled is open again; ask the customer to pay once more.",
                          at: location, severity: .warning)
    }

    static func camt053BatchSum(count: Int, sum: Int, entry: Int, at location: SourceLocation) -> Diagnostic {
        let sumText = Money.decimalString(sum), entryText = Money.decimalString(entry)
        return Diagnostic("camt.batch-sum", "the \(count) transactions of the entry add up to \(sumText), but the entry is \(entryText)",
                          de: "Die \(count) Einzelumsätze des Sammelpostens ergeben \(sumText), der Sammelposten beträgt aber \(entryText)",
                          hint: exportHint, at: location)
    }

    static func camt053NoAccount(at location: SourceLocation) -> Diagnostic {
        Diagnostic("camt.account", "the statement names no account (Acct/Id/IBAN) before its closing balance",
                   de: "Der Kontoauszug nennt vor seinem Schlusssaldo kein Konto (Acct/Id/IBAN)",
                   hint: exportHint, at: location)
    }
}
