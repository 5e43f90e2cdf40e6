import KontorCore

/// An article as the books know it.
public struct Article: Sendable, Equatable {
    public var sku: String
    public var name: String
    public var priceGross: Int
    public var vatRate: VATRate
    public var weightGrams: Int?
    public var reorderPoint: Int?
    /// Where it lies in the warehouse (Lagerplatz), such as `A-03-2`.
    public var bin: String?
    /// The customs tariff number (Zolltarifnummer), digits only.
    public var tariffNumber: String?
    /// The country of origin, ISO 3166 alpha-2.
    public var originCountry: String?
    /// The warehouse it is kept in.
    public var warehouse: String?

    public init(sku: String, name: String, priceGross: Int, vatRate: VATRate, weightGrams: Int?, reorderPoint: Int?,
                bin: String? = nil, tariffNumber: String? = nil, originCountry: String? = nil, warehouse: String? = nil) {
        self.sku = sku
        self.name = name
        self.priceGross = priceGross
        self.vatRate = vatRate
        self.weightGrams = weightGrams
        self.reorderPoint = reorderPoint
        self.bin = bin
        self.tariffNumber = tariffNumber
        self.originCountry = originCountry
        self.warehouse = warehouse
    }
}

/// One line of the stock list.
public struct StockLevel: Sendable, Equatable, Codable {
    public var shop: String
    public var sku: String
    public var name: String
    public var warehouse: String
    public var onHand: Int
    /// What the orders waiting for the article were promised: the sum of their reservations.
    public var promised: Int
    public var reorderPoint: Int?
    /// What the stock is worth in minor units: the sum of its movements' values.
    public var value: Int = 0

    /// The average cost per unit (value / on hand, rounded half away from zero); nil when
    /// nothing is on hand.
    public var averageCost: Int? { StockValue.average(value: value, onHand: onHand) }
    /// What is set aside on the shelf for orders: what they were promised, as far as it is on
    /// hand. Never above on hand, never below zero; the rest is the shortfall.
    public var reserved: Int { min(max(promised, 0), max(onHand, 0)) }
    /// What can still be promised: on hand less reserved, never below zero.
    public var available: Int { max(0, onHand - reserved) }
    /// What orders were promised beyond what is on hand (they wait for stock).
    public var shortfall: Int { max(0, promised - max(onHand, 0)) }
    /// Whether on hand less what was promised is at or below the reorder point: a shortfall
    /// counts against it.
    public var needsReorder: Bool { reorderPoint.map { onHand - promised <= $0 } ?? false }
}
