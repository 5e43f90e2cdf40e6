/// An own 100 × 150 mm parcel label, as PDF (`page()`) or ZPL II (`zpl()`): sender,
/// recipient, order, invoice, weight and parcel count, carrier and service, a Code 128
/// barcode of the shipment reference and, for a parcel with an SSCC, its GS1-128 barcode.
///
/// It carries no carrier tracking or routing code: those come with the carrier's own label.
public struct ShippingLabel: Sendable {
    /// The sender's lines, printed small on one line at the top.
    public var sender: [String]
    /// The recipient's address lines, already in DIN 5008 order (name, street, postcode
    /// and town, country).
    public var recipient: [String]
    /// The parcel's weight in grams, printed in kilograms: `2,4 kg`.
    public var weightGrams: Int
    /// The shop's order number.
    public var orderNumber: String
    /// The invoice number, nil where the order has no invoice yet.
    public var invoiceNumber: String?
    /// This parcel's number, from 1.
    public var parcel: Int
    /// How many parcels the shipment has.
    public var parcels: Int
    /// The shipment's own reference, encoded in Code 128 (characters outside printable
    /// ASCII as `?`).
    public var shipmentReference: String
    /// The parcel's SSCC, encoded as GS1-128 with AI (00) when set.
    public var sscc: SSCC?
    /// The carrier, as printed: `DHL`.
    public var carrier: String
    /// The carrier's service, as printed: `Paket`.
    public var service: String

    /// A label.
    public init(sender: [String], recipient: [String], weightGrams: Int, orderNumber: String, invoiceNumber: String?,
                parcel: Int, parcels: Int, shipmentReference: String, sscc: SSCC?, carrier: String, service: String) {
        self.sender = sender
        self.recipient = recipient
        self.weightGrams = weightGrams
        self.orderNumber = orderNumber
        self.invoiceNumber = invoiceNumber
        self.parcel = parcel
        self.parcels = parcels
        self.shipmentReference = shipmentReference
        self.sscc = sscc
        self.carrier = carrier
        self.service = service
    }

    /// The sender's lines on one line: `Muster Shop GmbH · Musterstr. 1 · 12345 Berlin`.
    public var senderLine: String {
        sender.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The line under the address: `Auftrag A-1 · Rechnung RE-7 · 2,4 kg · Paket 1/2`
    /// (without the invoice when there is none).
    public var detailsLine: String {
        var parts = ["Auftrag \(orderNumber)"]
        if let invoiceNumber { parts.append("Rechnung \(invoiceNumber)") }
        parts.append("\(Self.kilograms(weightGrams)) kg")
        parts.append("Paket \(parcel)/\(parcels)")
        return parts.joined(separator: " · ")
    }

    /// Carrier and service: `DHL Paket`; a service that names its carrier (`DHL Paket` of
    /// `DHL`) stands alone.
    public var carrierLine: String {
        if !carrier.isEmpty, service.hasPrefix(carrier) { return service }
        return [carrier, service].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Grams as kilograms with a decimal comma and no trailing zeros: 2400 → `2,4`,
    /// 1000 → `1`, 5 → `0,005`.
    public static func kilograms(_ grams: Int) -> String {
        let sign = grams < 0 ? "-" : ""
        let magnitude = grams.magnitude
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "," + fraction)
    }
}
