import Foundation
import GRDB
import KontorCore
import KontorInventory
import KontorLogistics
import KontorOrders
import KontorOutput
import KontorStore

/// What the packing table prints after a run, in `outbox/<shop>/`, for every parcel that
/// became ready since the last run:
///
/// - `labels/<shipment>-<n>.pdf` and `.zpl`: a 100 × 150 mm label per parcel, and
///   `labels/print-<first>-<last>.pdf` with all of them, to print at once;
/// - `delivery-notes/<shipment>.pdf`: the delivery note (Lieferschein), without prices;
/// - `pick-lists/pick-<first>-<last>.pdf` and `.csv`: what to take from which bin;
/// - `carriers/<carrier>-<first>-<last>.csv`: the hand-off to each carrier's software.
///
/// `<first>` and `<last>` are the numbers of the first and last parcel of the piece (a run
/// of many shipments is written in pieces of about 500 parcels). A held shipment gets none
/// of this until it is corrected.
enum ShippingDocuments {
    /// Parcels per piece.
    static let pieceSize = 500

    /// The report.
    static func report(settings: Settings) -> Report {
        Report(name: "shipping", title: "Shipping documents: labels, delivery notes, pick lists, carrier hand-off",
               documents: ReportDocuments { shop, cursor, db, write in
            try next(shop: shop, cursor: cursor, settings: settings.shop(shop), db: db, write: write)
        })
    }

    /// One shipment with what its documents print.
    struct Item {
        var shipment: Shipment
        var parcels: [Parcel]
        var order: BookedOrder?
        /// The invoice of what the shipment carries: the order's, or its delivery's for an
        /// order that shipped in parts.
        var invoice: String?
        var lines: [(article: Article?, sku: String, quantity: Int, value: Int)]
    }

    static func next(shop: String, cursor: Int64, settings: ShopSettings, db: Database,
                     write: (ReportFile) throws -> Void) throws -> Int64 {
        var rows = try Row.fetchAll(db, sql: """
            SELECT id, shipment_id FROM parcels NOT INDEXED WHERE id > ? AND shop = ? AND cancelled_by IS NULL ORDER BY id LIMIT ?
            """, arguments: [cursor, shop, pieceSize])
        guard let last = rows.last else { return cursor }
        // The rest of the last shipment's parcels belong to this piece too.
        let lastShipment: String = last["shipment_id"]
        rows += try Row.fetchAll(db, sql: """
            SELECT id, shipment_id FROM parcels WHERE shop = ? AND shipment_id = ? AND id > ? AND cancelled_by IS NULL ORDER BY id
            """, arguments: [shop, lastShipment, last["id"] as Int64])
        let first: Int64 = rows[0]["id"]
        let end: Int64 = rows[rows.count - 1]["id"]
        var order: [String] = []
        for row in rows where !order.contains(row["shipment_id"]) { order.append(row["shipment_id"]) }
        let shipping = Shipping(db), book = OrderBook(db), inventory = Inventory(db)
        let inParts = try book.anyDeliveries()
        var items: [Item] = []
        for id in order {
            guard let shipment = try shipping.shipment(shop: shop, id: id), shipment.status != .cancelled else { continue }
            let booked = try book.order(shop: shop, number: shipment.orderNumber)
            var lines: [(article: Article?, sku: String, quantity: Int, value: Int)] = []
            // A delivery of an order that shipped in parts carries that delivery's lines.
            let part = inParts ? try booked.flatMap { try book.delivery(order: $0.id, shipment: id) } : nil
            if let booked, let stored = try book.stored(booked) {
                var seen: [String: Int] = [:]
                for line in part?.lines ?? stored.lines {
                    if let at = seen[line.sku] {
                        lines[at].quantity += line.quantity
                        lines[at].value += line.charged
                        continue
                    }
                    seen[line.sku] = lines.count
                    lines.append((try inventory.article(shop: shop, sku: line.sku), line.sku, line.quantity, line.charged))
                }
            }
            items.append(Item(shipment: shipment, parcels: try shipping.parcels(shop: shop, shipment: id), order: booked,
                              invoice: part?.invoice ?? booked?.invoiceNumber, lines: lines))
        }
        let range = "\(padded(first))-\(padded(end))"
        let sender = senderLines(settings)
        if settings.logistics.labels { try writeLabels(items, sender: sender, range: range, write: write) }
        if settings.logistics.deliveryNotes { try writeDeliveryNotes(items, settings: settings, write: write) }
        try writePickList(items, range: range, write: write)
        try writeHandOff(items, range: range, write: write)
        return end
    }

    /// The sender as labels print it: the seller from `kontor.toml`, else the shop's name.
    static func senderLines(_ settings: ShopSettings) -> [String] {
        settings.seller.legalName.isEmpty ? [settings.name ?? "Absender"] : InvoiceDocuments.sellerLines(settings.seller)
    }

    private static func writeLabels(_ items: [Item], sender: [String], range: String,
                                    write: (ReportFile) throws -> Void) throws {
        var combined = PDFDocument()
        for item in items {
            let s = item.shipment
            for parcel in item.parcels {
                let label = ShippingLabel(
                    sender: sender, recipient: s.shipTo.map { PostalAddress.lines($0) } ?? [],
                    weightGrams: parcel.weightGrams, orderNumber: s.orderNumber, invoiceNumber: item.invoice,
                    parcel: parcel.number, parcels: item.parcels.count, shipmentReference: s.shipmentID,
                    sscc: parcel.sscc.flatMap(SSCC.init), carrier: s.carrier, service: s.service ?? s.carrier)
                var single = PDFDocument()
                single.add(label.page())
                combined.add(label.page())
                try write(ReportFile(path: "labels/\(s.shipmentID)-\(parcel.number).pdf", bytes: Data(single.bytes())))
                try write(ReportFile(path: "labels/\(s.shipmentID)-\(parcel.number).zpl", bytes: Data(label.zpl().utf8)))
            }
        }
        if combined.pageCount > 0 {
            try write(ReportFile(path: "labels/print-\(range).pdf", bytes: Data(combined.bytes())))
        }
    }

    private static func writeDeliveryNotes(_ items: [Item], settings: ShopSettings,
                                           write: (ReportFile) throws -> Void) throws {
        let sellerLines = senderLines(settings)
        for item in items {
            let s = item.shipment
            let note = DeliveryNote(
                seller: sellerLines, recipient: s.shipTo.map { PostalAddress.lines($0) } ?? [],
                shipmentReference: s.shipmentID, orderNumber: s.orderNumber, invoiceNumber: item.invoice,
                date: germanDate(s.shippedOn), parcels: item.parcels.count,
                lines: item.lines.map { DeliveryNote.Line(sku: $0.sku, name: $0.article?.name ?? $0.sku, quantity: $0.quantity) })
            var pdf = PDFDocument()
            for page in note.pages() { pdf.add(page) }
            try write(ReportFile(path: "delivery-notes/\(s.shipmentID).pdf", bytes: Data(pdf.bytes())))
        }
    }

    private static func writePickList(_ items: [Item], range: String, write: (ReportFile) throws -> Void) throws {
        var entries: [String: PickList.Entry] = [:]
        for item in items {
            for line in item.lines {
                let warehouse = line.article?.warehouse ?? defaultWarehouse
                let key = warehouse + "\u{0}" + line.sku
                var entry = entries[key] ?? PickList.Entry(warehouse: warehouse, bin: line.article?.bin, sku: line.sku,
                                                           name: line.article?.name ?? line.sku, quantity: 0, orders: [])
                entry.quantity += line.quantity
                if !entry.orders.contains(item.shipment.orderNumber) { entry.orders.append(item.shipment.orderNumber) }
                entries[key] = entry
            }
        }
        guard !entries.isEmpty else { return }
        let list = PickList(title: "Pickliste / pick list, Pakete / parcels \(range)", entries: Array(entries.values))
        var pdf = PDFDocument()
        for page in list.pages() { pdf.add(page) }
        try write(ReportFile(path: "pick-lists/pick-\(range).pdf", bytes: Data(pdf.bytes())))
        var csv = CSVWriter(header: ["warehouse", "bin", "sku", "name", "quantity", "orders"])
        for e in list.sorted {
            csv.appendRow([.text(e.warehouse), .text(e.bin ?? ""), .text(e.sku), .text(e.name), .number(String(e.quantity)),
                           .text(e.orders.joined(separator: " "))])
        }
        try write(ReportFile(path: "pick-lists/pick-\(range).csv", bytes: csv.take()))
    }

    /// The columns of the carrier hand-off file, as docs/formats.md documents them.
    static let handOffColumns = [
        "shipment", "parcel", "parcels", "sscc", "order_number", "invoice_number", "carrier", "service", "product_code",
        "weight_kg", "name", "addition", "street", "zip", "city", "country", "customs", "customs_value", "contents",
    ]

    private static func writeHandOff(_ items: [Item], range: String, write: (ReportFile) throws -> Void) throws {
        var byCarrier: [String: CSVWriter] = [:]
        for item in items {
            let s = item.shipment
            let slug = fileName(s.carrier)
            var csv = byCarrier[slug] ?? CSVWriter(header: handOffColumns)
            let customs = s.shipTo.map { !Countries.isEU($0.country) } ?? false
            let contents = item.lines.map { line in
                var text = "\(line.quantity) x \(line.sku)"
                if customs {
                    text += " (\(line.article?.tariffNumber ?? "-"), \(line.article?.originCountry ?? "-"), \(Money.decimalString(line.value)) EUR)"
                }
                return text
            }.joined(separator: "; ")
            let value = customs ? Money.decimalString(item.lines.reduce(0) { $0 + $1.value }) : ""
            for parcel in item.parcels {
                csv.appendRow([
                    .text(s.shipmentID), .number(String(parcel.number)), .number(String(item.parcels.count)),
                    .text(parcel.sscc ?? ""), .text(s.orderNumber), .text(item.invoice ?? ""), .text(s.carrier),
                    .text(s.service ?? ""), .text(s.productCode ?? ""), .number(Weight.kilograms(parcel.weightGrams)),
                    .text(s.shipTo?.name ?? ""), .text(s.shipTo?.addition ?? ""), .text(s.shipTo?.street ?? ""),
                    .text(s.shipTo?.zip ?? ""), .text(s.shipTo?.city ?? ""), .text(s.shipTo?.country ?? ""),
                    .text(customs ? "yes" : "no"), .number(value), .text(contents),
                ])
            }
            byCarrier[slug] = csv
        }
        for (slug, var csv) in byCarrier.sorted(by: { $0.key < $1.key }) {
            try write(ReportFile(path: "carriers/\(slug)-\(range).csv", bytes: csv.take()))
        }
    }

    /// `DHL Paket` as `dhl-paket`: a carrier's name as part of a file name.
    static func fileName(_ text: String) -> String {
        let slug = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        return slug.split(separator: "-").joined(separator: "-").isEmpty ? "carrier" : slug.split(separator: "-").joined(separator: "-")
    }

    /// `2025-03-03` as `03.03.2025`.
    static func germanDate(_ iso: String?) -> String {
        guard let iso, let date = CalendarDate(parsing: iso) else { return "" }
        return GermanFormat.date(date)
    }

    static func padded(_ id: Int64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
