import KontorCore

/// German words a spreadsheet writes for the values of Kontor's choice columns.
enum GermanValues {
    /// `payment_method`: `Vorkasse` → `prepaid`, `Rechnung` → `invoice`, `PayPal` → `paypal`,
    /// `Kreditkarte` → `card`, `Nachnahme` → `cod`; nil for a word it does not know.
    static func paymentMethod(_ text: String) -> PaymentMethod? {
        switch GermanColumnAliases.normalize(text) {
        case "vorkasse", "vorauskasse", "ueberweisung", "bankueberweisung", "vorkasseueberweisung": .prepaid
        case "rechnung", "kaufaufrechnung", "aufrechnung": .invoice
        case "paypal": .paypal
        case "kreditkarte", "karte", "kartenzahlung": .card
        case "nachnahme": .cod
        default: nil
        }
    }

    /// `condition`: `verkaufsfähig`, `wiederverkaufbar` → `resellable`; `beschädigt`,
    /// `defekt` → `damaged`; nil for a word it does not know.
    static func returnCondition(_ text: String) -> ReturnCondition? {
        switch GermanColumnAliases.normalize(text) {
        case "verkaufsfaehig", "wiederverkaufbar", "einwandfrei", "neuwertig": .resellable
        case "beschaedigt", "defekt", "kaputt": .damaged
        default: nil
        }
    }

    /// `status` of a tracking event: `versandt`, `verschickt` → `shipped`; `zugestellt`,
    /// `geliefert` → `delivered`; `retour`, `zurück` → `returned`; nil for a word it does not know.
    static func trackingStatus(_ text: String) -> TrackingStatus? {
        switch GermanColumnAliases.normalize(text) {
        case "versandt", "versendet", "verschickt": .shipped
        case "zugestellt", "geliefert": .delivered
        case "retour", "retoure", "zurueck", "ruecksendung": .returned
        default: nil
        }
    }

    /// The canonical text of a value in the canonical column `column`: a German word
    /// translated, anything else unchanged (the canonical mapping judges it).
    static func canonicalText(_ text: String, column: String) -> String {
        switch column {
        case "payment_method": paymentMethod(text)?.rawValue ?? text
        case "condition": returnCondition(text)?.rawValue ?? text
        case "status": trackingStatus(text)?.rawValue ?? text
        default: text
        }
    }
}
