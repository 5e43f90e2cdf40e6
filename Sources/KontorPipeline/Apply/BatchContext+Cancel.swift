import KontorAccounting
import KontorCore
import KontorCredit
import KontorInventory
import KontorLogistics
import KontorOrders

extension BatchContext {
    /// Cancels a booked order that has not been shipped, for `kontor cancel`, a cancellations
    /// file and a shop export that reports the order cancelled alike: its reservations end,
    /// its holds are lifted, an invoice it carries gets a cancellation invoice (a
    /// Rechnungskorrektur reversing the whole invoice), and it becomes cancelled, all under
    /// the batch, so that reversing the batch undoes it; of an order that went out in parts,
    /// the rest is cancelled (`cancelRest`). Returns why it may not be cancelled, or nil once
    /// it is.
    mutating func cancel(_ entry: BookedOrder, reason: String) throws -> CommandRefused? {
        if entry.status == .returned, let shipment = try shipping.returnedShipment(shop: shop, order: entry.orderNumber) {
            return try cancelAfterReturnedParcel(entry, shipment: shipment, reason: reason)
        }
        if let refusal = Self.cancelRefusal(entry) { return refusal }
        if entry.invoiceNumber != nil, try orders.shipsInParts(order: entry.id) {
            return try cancelRest(entry, reason: reason)
        }
        let number = entry.orderNumber
        try inventory.unreserve(shop: shop, order: number, batch: batch)
        // Invoiced with its shipment held (no label yet): the goods picked for it go back.
        if try shipping.cancelHeld(shop: shop, order: number, on: try receivedDate(), batch: batch),
           let stored = try orders.stored(entry) {
            for line in stored.lines {
                try inventory.restock(ReturnLine(orderNumber: number, sku: line.sku, quantity: line.quantity,
                                                 reason: "cancelled before shipping", location: SourceLocation(file: "cancel")),
                                      shop: shop, batch: batch)
            }
        }
        try credit.release(shop: shop, order: number, batch: batch)
        try orders.liftHolds(order: entry.id, batch: batch)
        if let invoice = entry.invoiceNumber,
           let correction = try ledger.postCancellation(shop: shop, invoice: invoice, date: receivedDate(), batch: batch) {
            summary.creditNotes.append(.init(number: correction.number, order: number, gross: Money.decimalString(correction.gross)))
        }
        try orders.move(entry, to: .cancelled, cause: reason, batch: batch)
        summary.cancelled.append(.init(order: number, customer: entry.customerKey, reason: reason))
        return nil
    }

    /// Cancels an order whose parcel came back (refused, undeliverable): its goods are in
    /// stock again already, so only its invoice gets a cancellation invoice (a
    /// Rechnungskorrektur reversing it whole), and the returned shipment leaves the list of
    /// what needs doing. The order stays returned, which is what happened to its goods.
    private mutating func cancelAfterReturnedParcel(_ entry: BookedOrder, shipment: Shipment, reason: String) throws -> CommandRefused? {
        let number = entry.orderNumber
        if let invoice = entry.invoiceNumber,
           let correction = try ledger.postCancellation(shop: shop, invoice: invoice, date: receivedDate(), batch: batch) {
            summary.creditNotes.append(.init(number: correction.number, order: number, gross: Money.decimalString(correction.gross)))
        }
        try shipping.settleReturned(shipment, on: try receivedDate(), batch: batch)
        summary.cancelled.append(.init(order: number, customer: entry.customerKey,
                                       reason: "\(reason) (parcel \(shipment.shipmentID) came back)"))
        return nil
    }

    /// Cancels what an order that went out in parts still waits for: its reservations end,
    /// and it is shipped with what its deliveries brought, whose invoices stand (goods that
    /// come back of them are a return). What was paid in advance for the rest is owed back to
    /// the customer and listed as such.
    private mutating func cancelRest(_ entry: BookedOrder, reason: String) throws -> CommandRefused? {
        let number = entry.orderNumber
        try inventory.unreserve(shop: shop, order: number, batch: batch)
        try credit.release(shop: shop, order: number, batch: batch)
        try orders.move(entry, to: .shipped, cause: "the rest cancelled: \(reason)", batch: batch)
        summary.cancelled.append(.init(order: number, customer: entry.customerKey, reason: "the rest cancelled: \(reason)"))
        try noteRefundOwed(entry.customerKey, on: number)
        return nil
    }

    /// Why `entry` may not be cancelled (shipped: its goods come back as a return), or nil.
    static func cancelRefusal(_ entry: BookedOrder) -> CommandRefused? {
        let number = entry.orderNumber
        switch OrderCancellation.decide(entry.status) {
        case .cancel:
            return nil
        case .shipped:
            return CommandRefused("cancel.shipped",
                                  "order \(number) has been shipped and cannot be cancelled; send a returns file for the goods that come back",
                                  de: "Bestellung \(number) wurde versandt und kann nicht storniert werden; bitte eine Retourendatei für die zurückkommende Ware senden")
        case .alreadyCancelled:
            return CommandRefused("cancel.cancelled", "order \(number) is already cancelled",
                                  de: "Bestellung \(number) ist schon storniert")
        case .refused(let status):
            return CommandRefused("cancel.state", "order \(number) is \(status.rawValue) and cannot be cancelled",
                                  de: "Bestellung \(number) ist \(status.rawValue) und kann nicht storniert werden")
        }
    }
}

extension BatchContext {
    /// Cancels an order a file reports cancelled (a cancellations file, a shop export). What
    /// cannot be cancelled (an unknown order, one shipped or cancelled already) is a warning
    /// at `location` and listed as refused; the rest of the file is booked.
    mutating func cancel(order number: String, reason: String, at location: SourceLocation, log: inout DiagnosticLog) throws {
        let refusal: CommandRefused?
        if let entry = try orders.order(shop: shop, number: number) {
            refusal = try cancel(entry, reason: reason)
        } else {
            refusal = CommandRefused("cancel.unknown", "order \(number) is not booked, so there is nothing to cancel",
                                     de: "Bestellung \(number) ist nicht gebucht; es gibt nichts zu stornieren")
        }
        guard let refusal else { return }
        summary.refused.append(.init(place: location.description, reason: refusal.description))
        log.append(Diagnostic(refusal.code, refusal.description, de: refusal.descriptionDE,
                              hint: refusal.code == "cancel.unknown" ? "Check the order number." : nil,
                              at: location, severity: .warning))
    }
}
