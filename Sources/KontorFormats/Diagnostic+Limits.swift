import KontorCore

/// A kind of figure with a limit in ``Limits``, as messages word it.
enum FigureLimit {
    case quantity, amount, weight

    /// The limit in the figure's unit: units, minor units (cents), grams.
    var maximum: Int {
        switch self {
        case .quantity: Limits.maxQuantity
        case .amount: Limits.maxAmountMinor
        case .weight: Limits.maxWeightGrams
        }
    }

    /// Whether `value`, in the figure's unit, is within the limit (in absolute value).
    func admits(_ value: Int) -> Bool { value.magnitude <= maximum.magnitude }
}

extension Diagnostic {
    /// `quantity 100000000000000000 is more than 1,000,000, the largest quantity Kontor books on one line`.
    /// `shown` is the value as the file wrote it, quoted where it was text; `subject` says
    /// whose it is, after the value (`QUANTITY "2000000" of item 1 is more than …`).
    static func outOfRange(_ name: String, _ shown: String, _ limit: FigureLimit, negative: Bool = false,
                           subject: BMEcatSubject? = nil, at location: SourceLocation) -> Diagnostic {
        let (message, messageDE): (String, String)
        let shownEN = subject.map { "\(shown) \($0.en)" } ?? shown
        let shownDE = subject.map { "\(shown) \($0.de)" } ?? shown
        switch limit {
        case .quantity:
            message = "\(name) \(shownEN) is more than 1,000,000, the largest quantity Kontor books on one line"
            messageDE = "\(name) \(shownDE) ist mehr als 1.000.000, die größte Menge, die Kontor in einer Zeile bucht"
        case .amount where negative:
            message = "\(name) \(shownEN) is less than -1,000,000,000.00 EUR, the largest amount Kontor books"
            messageDE = "\(name) \(shownDE) ist weniger als -1.000.000.000,00 EUR, der größte Betrag, den Kontor bucht"
        case .amount:
            message = "\(name) \(shownEN) is more than 1,000,000,000.00 EUR, the largest amount Kontor books"
            messageDE = "\(name) \(shownDE) ist mehr als 1.000.000.000,00 EUR, der größte Betrag, den Kontor bucht"
        case .weight:
            message = "\(name) \(shownEN) is more than 1,000 kg, the heaviest article Kontor books"
            messageDE = "\(name) \(shownDE) ist mehr als 1.000 kg, der schwerste Artikel, den Kontor bucht"
        }
        return Diagnostic("field.out-of-range", message, de: messageDE,
                          hint: "Check the figure: it is far beyond what a shop books, most likely a typing or export error.",
                          at: location)
    }

    /// An order with more lines than Kontor books, or whose lines and shipping add up to
    /// more than the largest amount.
    static func orderTooLarge(_ order: Order) -> Diagnostic {
        if order.lines.count > Limits.maxOrderLines {
            return Diagnostic(
                "order.too-large", "order \(order.orderNumber) has \(order.lines.count) lines, more than 10,000, the most Kontor books in one order",
                de: "Bestellung \(order.orderNumber) hat \(order.lines.count) Zeilen, mehr als 10.000, die meisten, die Kontor in einer Bestellung bucht",
                hint: "Check the order numbers: the lines of different orders may share one.", at: order.location)
        }
        return Diagnostic(
            "order.too-large", "order \(order.orderNumber) adds up to more than 1,000,000,000.00 EUR, the largest amount Kontor books",
            de: "Bestellung \(order.orderNumber) ergibt mehr als 1.000.000.000,00 EUR, den größten Betrag, den Kontor bucht",
            hint: "Check the quantities and prices of its lines.", at: order.location)
    }
}
