/// The accounts of SKR04, for a tax advisor who keeps the shop's books in it: Kontor posts
/// to SKR03, and the DATEV export hands over each account under its SKR04 number.
public enum SKR04 {
    /// The SKR04 number of each SKR03 account Kontor posts to by default. A clearing account
    /// of a payment method of its own, or a dunning account the settings chose, is added by
    /// the shop's `[shops.<name>.datev.skr04]`.
    public static let fromSKR03: [Int: Int] = [
        1200: 1800,  // Bank
        1360: 1460,  // Geldtransit
        1400: 1200,  // Forderungen aus Lieferungen und Leistungen
        1590: 1370,  // Durchlaufende Posten
        1767: 3817,  // Umsatzsteuer aus im anderen EU-Land steuerpflichtigen Lieferungen (OSS)
        1771: 3801,  // Umsatzsteuer 7 %
        1776: 3806,  // Umsatzsteuer 19 %
        2150: 6880,  // Aufwendungen aus Kursdifferenzen
        2650: 7100,  // Sonstige Zinsen und ähnliche Erträge
        2660: 4840,  // Erträge aus Kursdifferenzen
        2700: 4830,  // Sonstige Erträge
        4970: 6855,  // Nebenkosten des Geldverkehrs
        8120: 4120,  // Steuerfreie Umsätze § 4 Nr. 1a UStG (Ausfuhr)
        8125: 4125,  // Steuerfreie innergemeinschaftliche Lieferungen § 4 Nr. 1b UStG
        8195: 4185,  // Erlöse als Kleinunternehmer § 19 UStG
        8200: 4200,  // Erlöse
        8300: 4300,  // Erlöse 7 % USt
        8320: 4320,  // Erlöse aus im anderen EU-Land steuerpflichtigen Lieferungen (OSS)
        8400: 4400,  // Erlöse 19 % USt
        8700: 4700,  // Erlösschmälerungen
        8710: 4710,  // Erlösschmälerungen 7 % USt
        8720: 4720,  // Erlösschmälerungen 19 % USt
    ]
}
