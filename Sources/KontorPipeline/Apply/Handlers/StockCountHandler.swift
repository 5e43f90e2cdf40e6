import KontorCore
import KontorInventory

/// A counted quantity of a known article: on-hand is set to it; orders waiting for the
/// article are released if the count raised the stock. A full count (the file's `scope`
/// column, else the shop's `count_scope`) also sets every article of each counted warehouse
/// that it does not list to zero, once the whole file is read; a partial count leaves them.
/// A file that gives both scopes is refused: which one it means is never guessed.
struct StockCountHandler: RecordHandler {
    let kind = RecordKind.stockCount

    func apply(_ record: DocumentRecord, in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard case .stockCount(let line) = record else { return }
        let scope = line.scope ?? context.settings.countScope
        if let fileScope = context.countScope, fileScope != scope {
            log.append(Diagnostic("count.scope", "this line counts \(scope.rawValue), the lines before it \(fileScope.rawValue)",
                                  de: "Diese Zeile zählt \(scope == .full ? "vollständig" : "teilweise"), die Zeilen davor \(fileScope == .full ? "vollständig" : "teilweise")",
                                  hint: "Give one scope for the whole file: full (unlisted articles count as zero) or partial.",
                                  at: line.location))
            return
        }
        context.countScope = scope
        context.counted[line.warehouse, default: []].insert(line.sku)
        guard try context.known(line.sku, at: line.location, log: &log) != nil,
              context.knownWarehouse(line.warehouse, at: line.location, log: &log) else { return }
        if try context.inventory.count(line, shop: context.shop, batch: context.batch) > 0 {
            try context.serveWaitingOrders(sku: line.sku, in: line.warehouse, log: &log)
        }
        context.summary.stockMovements += 1
    }

    func finish(in context: inout BatchContext, log: inout DiagnosticLog) throws {
        guard context.countScope == .full, !log.hasErrors else { return }
        for (warehouse, listed) in context.counted.sorted(by: { $0.key < $1.key }) {
            for sku in try context.inventory.stocked(shop: context.shop, warehouse: warehouse) where !listed.contains(sku) {
                let zero = StockCountLine(sku: sku, counted: 0, warehouse: warehouse, scope: .full,
                                          location: SourceLocation(file: "full count"))
                _ = try context.inventory.count(zero, shop: context.shop, batch: context.batch)
                context.summary.stockMovements += 1
            }
        }
    }
}
