/// The default warehouse, where a file names none.
public let defaultWarehouse = "main"

/// What a stock count covers.
public enum CountScope: String, Sendable, Equatable, CaseIterable {
    /// Only the articles it lists; the others keep their stock.
    case partial
    /// The whole warehouse: an article it does not list was counted as zero.
    case full
}

/// One counted article of a stock count: on-hand becomes `counted`.
public struct StockCountLine: Sendable, Equatable {
    public var sku: String
    public var counted: Int
    public var warehouse: String
    /// What the count covers, where the file says (`scope`); nil: partial, unless the shop's
    /// settings say its counts are full.
    public var scope: CountScope?
    public var location: SourceLocation

    public init(sku: String, counted: Int, warehouse: String = defaultWarehouse, scope: CountScope? = nil,
                location: SourceLocation) {
        self.sku = sku
        self.counted = counted
        self.warehouse = warehouse
        self.scope = scope
        self.location = location
    }
}

/// One received article of a goods receipt: on-hand grows by `received`.
public struct GoodsReceiptLine: Sendable, Equatable {
    public var sku: String
    public var received: Int
    /// Net purchase cost per unit in minor units.
    public var cost: Int?
    public var supplier: String?
    public var reference: String?
    public var warehouse: String
    public var location: SourceLocation

    public init(sku: String, received: Int, cost: Int? = nil, supplier: String? = nil, reference: String? = nil,
                warehouse: String = defaultWarehouse, location: SourceLocation) {
        self.sku = sku
        self.received = received
        self.cost = cost
        self.supplier = supplier
        self.reference = reference
        self.warehouse = warehouse
        self.location = location
    }
}

/// Goods moved from one warehouse of the shop to another (`transfers` kind): a pair of
/// movements, out of one and into the other, at the value they had where they were.
public struct TransferLine: Sendable, Equatable {
    public var sku: String
    public var quantity: Int
    public var from: String
    public var to: String
    /// The transfer's own reference (a delivery note between warehouses), if given.
    public var reference: String?
    public var location: SourceLocation

    public init(sku: String, quantity: Int, from: String, to: String, reference: String? = nil, location: SourceLocation) {
        self.sku = sku
        self.quantity = quantity
        self.from = from
        self.to = to
        self.reference = reference
        self.location = location
    }
}

/// What a returned article is good for.
public enum ReturnCondition: String, Sendable, Codable, CaseIterable {
    case resellable, damaged
}

/// One returned article of an order.
public struct ReturnLine: Sendable, Equatable {
    public var orderNumber: String
    public var sku: String
    public var quantity: Int
    public var reason: String?
    public var condition: ReturnCondition
    /// The day the goods came back; the credit note carries it.
    public var date: CalendarDate?
    public var location: SourceLocation

    public init(orderNumber: String, sku: String, quantity: Int, reason: String? = nil,
                condition: ReturnCondition = .resellable, date: CalendarDate? = nil, location: SourceLocation) {
        self.orderNumber = orderNumber
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
        self.condition = condition
        self.date = date
        self.location = location
    }
}
