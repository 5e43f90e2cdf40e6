/// An article of the shop's catalogue (`products` kind).
public struct Product: Sendable, Equatable {
    public var sku: String
    public var name: String
    /// Gross unit price in minor units, VAT included, as a shop shows it.
    public var priceGross: Int
    public var vatRate: VATRate
    /// Whether the file stated the VAT rate. A catalogue without one (a BMEcat price without
    /// TAX) leaves it to the books: the article's current rate, else the shop's default.
    public var vatRateStated = true
    /// The net price of a catalogue that gave no VAT rate, made gross once the rate is known.
    public var netPrice: NetPrice?
    public var weightGrams: Int?
    public var ean: String?
    public var reorderPoint: Int?
    /// Net purchase cost per unit in minor units.
    public var cost: Int?
    /// Where the article lies in the warehouse (Lagerplatz), such as `A-03-2`.
    public var bin: String?
    /// The customs tariff number (Zolltarifnummer): 6 to 11 digits, without spaces.
    public var tariffNumber: String?
    /// The country of origin as an ISO 3166 alpha-2 code in capitals, such as `DE`.
    public var originCountry: String?
    /// The warehouse the article is kept in.
    public var warehouse: String?
    /// Days from ordering to goods on the shelf (Wiederbeschaffungszeit).
    public var leadTimeDays: Int?
    /// The least the supplier sells at once, in units (Mindestbestellmenge), at least 1.
    public var minimumOrderQuantity: Int?
    /// Who the article is bought from (Lieferant).
    public var supplier: String?
    public var location: SourceLocation

    public init(sku: String, name: String, priceGross: Int, vatRate: VATRate, weightGrams: Int? = nil,
                ean: String? = nil, reorderPoint: Int? = nil, cost: Int? = nil, bin: String? = nil, tariffNumber: String? = nil,
                originCountry: String? = nil, warehouse: String? = nil, leadTimeDays: Int? = nil,
                minimumOrderQuantity: Int? = nil, supplier: String? = nil, location: SourceLocation) {
        self.sku = sku
        self.name = name
        self.priceGross = priceGross
        self.vatRate = vatRate
        self.weightGrams = weightGrams
        self.ean = ean
        self.reorderPoint = reorderPoint
        self.cost = cost
        self.bin = bin
        self.tariffNumber = tariffNumber
        self.originCountry = originCountry
        self.warehouse = warehouse
        self.leadTimeDays = leadTimeDays
        self.minimumOrderQuantity = minimumOrderQuantity
        self.supplier = supplier
        self.location = location
    }
}

/// A catalogue's net price for a number of units, in ten-thousandths of a euro (BMEcat
/// prices have up to four decimal places), waiting for the VAT rate that makes it gross.
public struct NetPrice: Sendable, Equatable {
    /// The amount in ten-thousandths of a euro.
    public var amount: Int
    /// The units the amount is for (`PRICE_QUANTITY`), at least 1.
    public var units: Int

    public init(amount: Int, units: Int) {
        self.amount = amount
        self.units = units
    }

    /// The gross price of one unit at `rate`: net × (100 + rate) / 100, divided down to one
    /// unit, rounded half away from zero to the cent.
    public func gross(at rate: VATRate) -> Int {
        Rounding.divide(amount * (100 + rate.percent), by: 10_000 * units)
    }
}
