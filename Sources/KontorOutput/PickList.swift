import Foundation

/// A pick list for the warehouse: what to take from which bin for which orders, grouped by
/// warehouse and in walking order within it.
public struct PickList: Sendable {
    /// One article to pick from one place.
    public struct Entry: Sendable, Equatable {
        /// The warehouse (Lager) to pick from.
        public var warehouse: String
        /// The bin (Lagerplatz), nil where the article has none.
        public var bin: String?
        /// The article number.
        public var sku: String
        /// The article's name.
        public var name: String
        /// How many pieces to pick.
        public var quantity: Int
        /// The orders the quantity is for.
        public var orders: [String]

        /// An entry.
        public init(warehouse: String, bin: String?, sku: String, name: String, quantity: Int, orders: [String]) {
            self.warehouse = warehouse
            self.bin = bin
            self.sku = sku
            self.name = name
            self.quantity = quantity
            self.orders = orders
        }
    }

    /// The heading of every page: `Pickliste 03.12.2026`.
    public var title: String
    /// What to pick, in any order (`sorted` puts it in walking order).
    public var entries: [Entry]

    /// A pick list.
    public init(title: String, entries: [Entry]) {
        self.title = title
        self.entries = entries
    }

    /// The entries grouped by warehouse, then by bin (entries without a bin last), then by
    /// article number; names with numbers compare as people count (`A-2` before `A-10`), and
    /// entries equal in all three keep their order.
    public var sorted: [Entry] {
        func order(_ a: String, _ b: String) -> ComparisonResult { a.compare(b, options: [.numeric]) }
        return entries.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            let byWarehouse = order(a.warehouse, b.warehouse)
            if byWarehouse != .orderedSame { return byWarehouse == .orderedAscending }
            switch (a.bin, b.bin) {
            case let (x?, y?):
                let byBin = order(x, y)
                if byBin != .orderedSame { return byBin == .orderedAscending }
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): break
            }
            let bySKU = order(a.sku, b.sku)
            if bySKU != .orderedSame { return bySKU == .orderedAscending }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The entries of `sorted` by warehouse, in that order.
    public var byWarehouse: [(warehouse: String, entries: [Entry])] {
        var groups: [(warehouse: String, entries: [Entry])] = []
        for entry in sorted {
            if groups.last?.warehouse == entry.warehouse {
                groups[groups.count - 1].entries.append(entry)
            } else {
                groups.append((entry.warehouse, [entry]))
            }
        }
        return groups
    }
}
