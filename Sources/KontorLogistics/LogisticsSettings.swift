import KontorCore

/// How a shop ships: its carrier rules, the packaging every parcel weighs, the GS1 company
/// prefix its parcels' SSCCs are drawn under, and which documents Kontor prints
/// (`[shops.<name>.logistics]` and `[shops.<name>.carriers.<rule>]` in `kontor.toml`).
public struct LogisticsSettings: Sendable, Equatable {
    /// The rules that choose a shipment's carrier and service, first match wins.
    public var rules = CarrierRuleSet.defaults
    /// What the packaging of one parcel weighs, in grams.
    public var packagingGrams = 200
    /// The shop's GS1 company prefix (7 to 10 digits); without it parcels get no SSCC and
    /// labels no GS1-128 barcode.
    public var gs1CompanyPrefix: String?
    /// The SSCC's extension digit (0 to 9), which the shop may use to widen its serial range.
    public var ssccExtensionDigit = 0
    /// Whether Kontor prints labels (PDF and ZPL) for each parcel; a shop that prints with its
    /// carrier's software from the hand-off file may turn them off.
    public var labels = true
    /// Whether Kontor prints a delivery note (Lieferschein) for each shipment.
    public var deliveryNotes = true

    /// The embedded defaults.
    public init() {}
}
