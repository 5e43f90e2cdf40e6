/// A delivery note (Lieferschein) to put in the parcel: seller, recipient, shipment, order
/// and invoice, and what the shipment holds, without prices. Long lists continue on
/// further A4 pages, each numbered `Seite n von m`.
public struct DeliveryNote: Sendable {
    /// One article in the shipment.
    public struct Line: Sendable {
        /// The article number.
        public var sku: String
        /// The article's name.
        public var name: String
        /// How many pieces are in the shipment.
        public var quantity: Int

        /// A line.
        public init(sku: String, name: String, quantity: Int) {
            self.sku = sku
            self.name = name
            self.quantity = quantity
        }
    }

    /// The seller's lines: name first, then address and contact lines.
    public var seller: [String]
    /// The recipient's address lines in DIN 5008 order.
    public var recipient: [String]
    /// The shipment's own reference.
    public var shipmentReference: String
    /// The shop's order number.
    public var orderNumber: String
    /// The invoice number, nil where there is none yet.
    public var invoiceNumber: String?
    /// The date as printed: `03.12.2026`.
    public var date: String
    /// How many parcels the shipment has.
    public var parcels: Int
    /// The articles, in the order printed.
    public var lines: [Line]

    /// A delivery note.
    public init(seller: [String], recipient: [String], shipmentReference: String, orderNumber: String,
                invoiceNumber: String?, date: String, parcels: Int, lines: [Line]) {
        self.seller = seller
        self.recipient = recipient
        self.shipmentReference = shipmentReference
        self.orderNumber = orderNumber
        self.invoiceNumber = invoiceNumber
        self.date = date
        self.parcels = parcels
        self.lines = lines
    }

    /// The total of all lines' quantities.
    public var totalQuantity: Int { lines.reduce(0) { $0 + $1.quantity } }

    /// The labels and values printed beside the address: date, shipment, order, invoice
    /// (when there is one) and parcels.
    public var facts: [(label: String, value: String)] {
        var facts = [("Datum", date), ("Sendung", shipmentReference), ("Auftrag", orderNumber)]
        if let invoiceNumber { facts.append(("Rechnung", invoiceNumber)) }
        facts.append(("Pakete", String(parcels)))
        return facts.map { (label: $0.0, value: $0.1) }
    }
}
