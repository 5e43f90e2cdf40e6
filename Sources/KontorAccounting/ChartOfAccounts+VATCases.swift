import KontorCore

/// The SKR03 accounts of the VAT cases other than domestic (added to the accounts when
/// first posted to).
extension ChartOfAccounts {
    public static let intraCommunitySupplies = LedgerAccount(number: 8125, name: "Steuerfreie innergemeinschaftliche Lieferungen § 4 Nr. 1b UStG")
    public static let exports = LedgerAccount(number: 8120, name: "Steuerfreie Umsätze § 4 Nr. 1a UStG")
    public static let ossRevenue = LedgerAccount(number: 8320, name: "Erlöse aus im anderen EU-Land steuerpflichtigen Lieferungen")
    public static let ossVAT = LedgerAccount(number: 1767, name: "Umsatzsteuer aus im anderen EU-Land steuerpflichtigen Lieferungen")
    public static let smallBusinessRevenue = LedgerAccount(number: 8195, name: "Erlöse als Kleinunternehmer i. S. d. § 19 Abs. 1 UStG")

    /// The revenue account of goods at German `rate` under `vatCase`.
    public static func revenue(_ rate: VATRate, under vatCase: VATCase) -> LedgerAccount {
        switch vatCase {
        case .domestic: revenue(rate)
        case .intraCommunity: intraCommunitySupplies
        case .export: exports
        case .oss: ossRevenue
        case .smallBusiness: smallBusinessRevenue
        }
    }

    /// The VAT account of goods at German `rate` under `vatCase`; nil where no VAT is charged.
    public static func vat(_ rate: VATRate, under vatCase: VATCase) -> LedgerAccount? {
        switch vatCase {
        case .domestic: vat(rate)
        case .oss: ossVAT
        case .intraCommunity, .export, .smallBusiness: nil
        }
    }
}
