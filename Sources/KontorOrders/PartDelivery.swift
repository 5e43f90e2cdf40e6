import KontorCore

/// What one delivery of an order that ships in parts (`ship_complete = false`) takes: whole
/// units of each line, as far as the goods there for the order go, and the invoice of that
/// delivery (a Teilrechnung).
///
/// The units of an article go to its lines in line order. A line's discount is shared out
/// over its units by how many have gone: the deliveries so far bear the line's discount ×
/// units delivered / units ordered (rounded half away from zero), so that the deliveries'
/// discounts add up to the line's. The first delivery carries the shipping charge.
public struct PartDelivery: Sendable, Equatable {
    /// What a delivery takes of one order line.
    public struct Taken: Sendable, Equatable {
        /// The index of the order line, from 0.
        public var index: Int
        /// The order line with the units and the share of its discount this delivery takes.
        public var line: BookedLine
    }

    /// The lines of this delivery, in the order's line order.
    public var lines: [Taken]
    /// Whether this is the order's first delivery (its invoice carries the shipping charge).
    public var isFirst: Bool
    /// Whether this delivery leaves nothing of the order to deliver.
    public var isLast: Bool

    /// The delivery of what `available` (per article, the units there for the order now,
    /// first come first served) allows of `lines` (the order's lines), of which
    /// `delivered` (per line index) went out before. Nil when nothing can go.
    public static func plan(lines: [BookedLine], delivered: [Int: Int], available: [String: Int]) -> PartDelivery? {
        var left = available
        var taken: [Taken] = []
        var remains = false
        for (index, line) in lines.enumerated() {
            let before = delivered[index] ?? 0
            let open = line.quantity - before
            guard open > 0 else { continue }
            let now = min(open, max(0, left[line.sku] ?? 0))
            left[line.sku, default: 0] -= now
            if now < open { remains = true }
            guard now > 0 else { continue }
            var part = line
            part.quantity = now
            part.discount = share(of: line.discount, units: before + now, of: line.quantity)
                - share(of: line.discount, units: before, of: line.quantity)
            taken.append(Taken(index: index, line: part))
        }
        guard !taken.isEmpty else { return nil }
        return PartDelivery(lines: taken, isFirst: delivered.values.allSatisfy { $0 == 0 }, isLast: !remains)
    }

    /// The per-rate figures of this delivery's invoice, computed on its own lines by
    /// `InvoiceCalculator` (VAT per line, shipping split over its goods). The last
    /// delivery's invoice makes the order's invoices add up to its total: `remaining` is
    /// the order's total less what its earlier invoices came to, and a difference of
    /// rounding (only possible with net prices) goes to the VAT of its highest rate.
    public func totals(shipping: Int, basis: PriceBasis, remaining: Int) -> [RateTotal] {
        let goods = lines.map { $0.line.taxable(basis: basis) }
        var totals = InvoiceCalculator.totals(goods: goods, shipping: isFirst ? shipping : 0, basis: basis)
        guard isLast, !totals.isEmpty else { return totals }
        let difference = remaining - totals.reduce(0) { $0 + $1.gross }
        totals[0].vat += difference
        totals[0].gross += difference
        return totals
    }

    /// The units per article this delivery takes.
    public var quantities: [String: Int] {
        lines.reduce(into: [:]) { $0[$1.line.sku, default: 0] += $1.line.quantity }
    }

    /// The share of a line's `discount` that `units` of its `quantity` bear.
    static func share(of discount: Int, units: Int, of quantity: Int) -> Int {
        guard quantity > 0, units < quantity else { return discount }
        return Rounding.divide(discount * units, by: quantity)
    }
}
