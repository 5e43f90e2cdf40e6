import Foundation
import KontorTestSupport
import Testing

/// From a released order to a labelled parcel and back, through the binary: labels whose
/// barcodes a real decoder reads, shipments held for addresses that cannot be printed,
/// and the carrier's tracking moving shipments and orders on.
@Suite struct LogisticsEndToEndTests {
    static let settings = """
        [shops.shop.seller]
        legal_name = "Teekontor Lüneburg GmbH"
        street = "Am Sande 1"
        zip = "21335"
        city = "Lüneburg"

        [shops.shop.logistics]
        gs1_company_prefix = "4012345"

        """

    /// A root with the catalogue and stock, and the seller and GS1 prefix of `settings`.
    func logisticsRoot() throws -> TemporaryRoot {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings)
        try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
        try root.write("inbox/shop/02-count.csv", countCSV, done: true)
        try run(root)
        return root
    }

    func run(_ root: TemporaryRoot, expecting status: Int32 = 0) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    }

    func shipments(_ root: TemporaryRoot) throws -> [String: [String: Any]] {
        let rows = try jsonArray(KontorBinary.run(["shipments", "--json"], root: root.path))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["order_number"] as? String ?? "", $0) })
    }

    func state(_ order: String, in root: TemporaryRoot) throws -> String? {
        let orders = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path))
        return orders.first { $0["order_number"] as? String == order }?["state"] as? String
    }

    static let header = "order_number,order_date,payment_method,paid,shipping,ship_name,ship_addition,ship_street,ship_zip,ship_city,ship_country,sku,quantity,unit_price\n"

    /// Every shipment of the samples has a PDF and a ZPL label per parcel; the PDF's barcodes
    /// decode, read by zbarimg from the page pdftoppm rendered, to the shipment reference
    /// and to AI 00 with an SSCC whose check digit is right.
    @Test func everyShipmentOfTheSamplesHasLabelsWhoseBarcodesDecode() throws {
        let root = try TemporaryRoot()
        try root.write("kontor.toml", Self.settings.replacingOccurrences(of: "shops.shop.", with: "shops.teekontor."))
        let demo = try KontorBinary.run(["demo", "--samples", packageRoot + "/Samples"], root: root.path)
        #expect(demo.status == 0, "\(demo.stdout)\(demo.stderr)")
        let rows = try jsonArray(KontorBinary.run(["shipments", "--json"], root: root.path))
        #expect(rows.count >= 8)
        var decoded = 0
        for row in rows {
            let id = try #require(row["shipment_id"] as? String)
            #expect(row["status"] as? String == "ready", "\(id): \(row["hold_reason"] ?? "")")
            let ssccs = row["sscc"] as? [String] ?? []
            #expect(ssccs.count == row["parcels"] as? Int, "\(id) has an SSCC per parcel")
            for (index, sscc) in ssccs.enumerated() {
                #expect(sscc.count == 18 && sscc.hasPrefix("04012345"))
                #expect(gs1CheckDigitIsRight(sscc), "\(sscc)")
                let pdf = "outbox/teekontor/labels/\(id)-\(index + 1).pdf"
                let zpl = try #require(root.read("outbox/teekontor/labels/\(id)-\(index + 1).zpl"), "\(id) has a ZPL label")
                #expect(zpl.contains(">;>800\(sscc)"))
                #expect(zpl.contains("^CI28"))
                #expect(zpl.components(separatedBy: "^XA").count == zpl.components(separatedBy: "^XZ").count)
                // Rendering takes a while: every label of the first three shipments is decoded.
                if decoded < 3 {
                    let codes = try decode(root.path + "/" + pdf)
                    #expect(codes.contains(id), "\(pdf): \(codes)")
                    #expect(codes.contains { $0.hasSuffix("00" + sscc) }, "\(pdf): \(codes)")
                }
            }
            decoded += 1
            let note = FileManager.default.contents(atPath: root.path + "/outbox/teekontor/delivery-notes/\(id).pdf")
            #expect(note.map { String(decoding: $0.prefix(5), as: UTF8.self) } == "%PDF-", "\(id) has a delivery note")
        }
        let labels = root.list("outbox/teekontor/labels")
        #expect(labels.contains { $0.hasPrefix("print-") && $0.hasSuffix(".pdf") })
        let pick = try #require(root.list("outbox/teekontor/pick-lists").first { $0.hasSuffix(".csv") }
            .flatMap { root.read("outbox/teekontor/pick-lists/" + $0) })
        #expect(pick.hasPrefix("warehouse,bin,sku,name,quantity,orders"))
        let handOff = try #require(root.list("outbox/teekontor/carriers").first.flatMap { root.read("outbox/teekontor/carriers/" + $0) })
        #expect(handOff.hasPrefix("shipment,parcel,parcels,sscc,order_number"))
    }

    /// No label for an order held, unpaid or cancelled, or for an address that fails the
    /// checks: that shipment is held with the reason, listed as to do, and once a person
    /// corrects the address it gets its label and its order ships.
    @Test func noLabelWithoutAReleasedOrderAndAnAddressThatPrints() throws {
        let root = try logisticsRoot()
        try root.write("inbox/shop/03-orders.csv", Self.header + """
            L-1,2025-03-03,paypal,true,4.90,Anna Petersen,,Heiligengeiststraße 12,21335,Lüneburg,DE,TEA,2,8.90
            L-2,2025-03-03,prepaid,false,4.90,Jörg Bäumer,,Bäckerstraße 3a,50667,Köln,DE,TEA,1,8.90
            L-3,2025-03-03,paypal,true,4.90,Lena Schröder,,Am Wall 118,2819,Bremen,DE,TEA,1,8.90
            L-4,2025-03-03,paypal,true,4.90,Max Muster,,Packstation 123,21335,Lüneburg,DE,TEA,1,8.90
            L-5,2025-03-03,invoice,false,4.90,Café Ahrens GmbH,,Große Bäckerstraße 9,21335,Lüneburg,DE,POT,1,24.90

            """, done: true)
        try run(root)
        var list = try shipments(root)
        #expect(list["L-1"]?["status"] as? String == "ready")
        #expect(list["L-2"] == nil, "an unpaid prepaid order has no shipment")
        #expect(list["L-5"] == nil, "an order held by the credit check has no shipment")
        #expect(list["L-3"]?["status"] as? String == "held")
        #expect((list["L-3"]?["hold_reason"] as? String)?.contains("2819") == true)
        #expect(list["L-4"]?["status"] as? String == "held")
        #expect((list["L-4"]?["hold_reason"] as? String)?.lowercased().contains("post") == true)
        #expect(try state("L-3", in: root) == "invoiced")
        let labels = root.list("outbox/shop/labels")
        let l1 = try #require(list["L-1"]?["shipment_id"] as? String)
        let l3 = try #require(list["L-3"]?["shipment_id"] as? String)
        #expect(labels.contains("\(l1)-1.pdf") && labels.contains("\(l1)-1.zpl"))
        #expect(!labels.contains { $0.hasPrefix(l3 + "-") || $0.hasPrefix((list["L-4"]?["shipment_id"] as? String ?? "?") + "-") })
        let held = try #require(root.read("outbox/shop/orders/shipments-held.csv"))
        #expect(held.contains(l3) && held.contains("L-3"))

        // An order cancelled while it waited for payment gets no shipment, also when the money comes.
        try root.write("inbox/shop/04-cancel.csv", "order_number,reason\nL-2,Kunde storniert\n", done: true)
        try run(root)
        try root.write("inbox/shop/05-payments.csv", "reference,amount,date\nL-2,13.80,2025-03-05\n", done: true)
        try run(root)
        #expect(try state("L-2", in: root) == "cancelled")
        #expect(try shipments(root)["L-2"] == nil)

        // Cancelled before it shipped: no label either, and the goods it had picked go back.
        let onHand = try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'TEA'")
        let cancel = try KontorBinary.run(["cancel", "L-4", "--note", "Kunde storniert"], root: root.path)
        #expect(cancel.status == 0, "\(cancel.stdout)\(cancel.stderr)")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'TEA'") == String((Int(onHand) ?? 0) + 1))
        list = try shipments(root)
        #expect(list["L-4"]?["status"] as? String == "cancelled")

        // Corrected by hand: the label exists, the order ships.
        let ship = try KontorBinary.run(["ship", l3, "--zip", "28195", "--note", "PLZ laut Kundin"], root: root.path)
        #expect(ship.status == 0, "\(ship.stdout)\(ship.stderr)")
        list = try shipments(root)
        #expect(list["L-3"]?["status"] as? String == "ready")
        #expect(root.list("outbox/shop/labels").contains("\(l3)-1.pdf"))
        #expect(try state("L-3", in: root) == "shipped")
        #expect(root.read("outbox/shop/orders/shipments-held.csv")?.contains(l3) == false)
    }

    /// A tracking file hands one shipment over and delivers it, and brings the other back
    /// refused: its goods are in stock again, its order returned and on the list of what
    /// needs doing. A rerun of the tracking file's batch takes it all back.
    @Test func trackingMovesShipmentsToDeliveredOrReturned() throws {
        let root = try logisticsRoot()
        try root.write("inbox/shop/03-orders.csv", Self.header + """
            T-1,2025-03-03,paypal,true,4.90,Anna Petersen,,Heiligengeiststraße 12,21335,Lüneburg,DE,TEA,2,8.90
            T-2,2025-03-03,paypal,true,4.90,Jörg Bäumer,c/o Bäckerei Schmitz,Bäckerstraße 3a,50667,Köln,DE,POT,3,24.90

            """, done: true)
        try run(root)
        var list = try shipments(root)
        let t1 = try #require(list["T-1"]?["shipment_id"] as? String)
        let t2 = try #require(list["T-2"]?["shipment_id"] as? String)
        let sscc2 = try #require((list["T-2"]?["sscc"] as? [String])?.first)
        let potBefore = try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'POT'")
        try root.write("inbox/shop/04-tracking.csv", """
            shipment,sscc,tracking_number,status,date,reason
            \(t1),,00340434161234567890,shipped,2025-03-04,
            \(t1),,,delivered,2025-03-05,
            ,\(sscc2),00340434169876543210,returned,2025-03-07,Annahme verweigert

            """, done: true)
        try run(root)
        list = try shipments(root)
        #expect(list["T-1"]?["status"] as? String == "delivered")
        #expect(list["T-1"]?["tracking_number"] as? String == "00340434161234567890")
        #expect(list["T-1"]?["handed_over_on"] as? String == "2025-03-04")
        #expect(list["T-1"]?["delivered_on"] as? String == "2025-03-05")
        #expect(list["T-2"]?["status"] as? String == "returned")
        #expect(list["T-2"]?["returned_reason"] as? String == "Annahme verweigert")
        #expect(try state("T-1", in: root) == "delivered")
        #expect(try state("T-2", in: root) == "returned")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'POT'") == String((Int(potBefore) ?? 0) + 3))
        let returned = try #require(root.read("outbox/shop/orders/parcels-returned.csv"))
        #expect(returned.contains("\(t2),T-2,2025-03-07,Annahme verweigert"))
        let verify = try KontorBinary.run(["verify"], root: root.path)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        // The same event again changes nothing; an unknown shipment is a warning, not a rejection.
        try root.write("inbox/shop/05-tracking.csv", """
            shipment,tracking_number,status,date
            \(t1),,delivered,2025-03-05
            SH-99999,,delivered,2025-03-05

            """, done: true)
        try run(root)
        #expect(try sql(root, "SELECT status FROM batches WHERE file = '05-tracking.csv'") == "applied")
        #expect(try state("T-1", in: root) == "delivered")

        // A rerun of the first tracking file takes its events back, and applies them again.
        let batch = try sql(root, "SELECT id FROM batches WHERE file = '04-tracking.csv'")
        let revert = try KontorBinary.run(["revert", batch, "--note", "falsche Datei"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        list = try shipments(root)
        #expect(list["T-1"]?["status"] as? String == "ready")
        #expect(list["T-1"]?["tracking_number"] == nil || list["T-1"]?["tracking_number"] is NSNull)
        #expect(list["T-2"]?["status"] as? String == "ready")
        #expect(try state("T-2", in: root) == "shipped")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'POT'") == potBefore)
    }

    /// A parcel that came back is settled by cancelling its order: the whole invoice gets a
    /// Rechnungskorrektur, the goods (back in stock by the tracking) are not counted twice,
    /// and the parcel leaves the list of what needs doing; a revert undoes that.
    @Test func cancellingAnOrderWhoseParcelCameBackCorrectsTheInvoiceOnce() throws {
        let root = try logisticsRoot()
        try root.write("inbox/shop/03-orders.csv", Self.header + """
            B-1,2025-03-03,paypal,true,4.90,Jörg Bäumer,,Bäckerstraße 3a,50667,Köln,DE,POT,2,24.90

            """, done: true)
        try run(root)
        let id = try #require(try shipments(root)["B-1"]?["shipment_id"] as? String)
        try root.write("inbox/shop/04-tracking.csv", "shipment,status,date,reason\n\(id),returned,2025-03-07,Empfänger unbekannt\n",
                       done: true)
        try run(root)
        let stock = try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'POT'")
        #expect(root.read("outbox/shop/orders/parcels-returned.csv")?.contains(id) == true)

        let cancel = try KontorBinary.run(["cancel", "B-1", "--note", "Empfänger unbekannt, Geld zurück"], root: root.path)
        #expect(cancel.status == 0, "\(cancel.stdout)\(cancel.stderr)")
        #expect(try sql(root, "SELECT gross FROM invoices WHERE kind = 'credit_note' AND refers_to = 'RE2025-00001'") == "-5470")
        #expect(try sql(root, "SELECT on_hand FROM stock_balances WHERE sku = 'POT'") == stock)
        #expect(try shipments(root)["B-1"]?["status"] as? String == "cancelled")
        #expect(root.read("outbox/shop/orders/parcels-returned.csv")?.contains(id) == false)
        // Paid by PayPal, the customer is owed the money now.
        #expect(root.read("outbox/shop/orders/refunds.csv")?.contains("54.70") == true)
        // A second cancel finds nothing to correct.
        let again = try KontorBinary.run(["cancel", "B-1", "--note", "nochmal"], root: root.path)
        #expect(again.status != 0)
        #expect(try sql(root, "SELECT count(*) FROM invoices WHERE kind = 'credit_note'") == "1")

        let batch = try sql(root, "SELECT max(id) FROM batches WHERE file LIKE 'cancel%' AND status = 'applied'")
        let revert = try KontorBinary.run(["revert", batch, "--note", "doch neu versenden"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try shipments(root)["B-1"]?["status"] as? String == "returned")
    }

    /// An SSCC is never drawn twice: a forced rerun of the orders file cancels the old
    /// shipments and gives the new parcels new SSCCs.
    @Test func anSSCCIsNeverDrawnTwiceAlsoNotAfterARerun() throws {
        let root = try logisticsRoot()
        try root.write("inbox/shop/03-orders.csv", Self.header + """
            R-1,2025-03-03,paypal,true,4.90,Anna Petersen,,Heiligengeiststraße 12,21335,Lüneburg,DE,TEA,2,8.90

            """, done: true)
        try run(root)
        let batch = try sql(root, "SELECT id FROM batches WHERE file = '03-orders.csv'")
        let rerun = try KontorBinary.run(["rerun", batch, "--force"], root: root.path)
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(try sql(root, "SELECT count(*) || '/' || count(DISTINCT sscc) FROM parcels") == "2/2")
        #expect(try sql(root, "SELECT count(*) FROM parcels WHERE cancelled_by IS NULL") == "1")
    }

    /// The barcodes zbarimg reads in a PDF rendered at 300 dpi.
    func decode(_ pdf: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try tool("/usr/bin/pdftoppm", ["-r", "300", "-png", pdf, folder + "/page"])
        var codes: [String] = []
        for page in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            codes += try tool("/usr/bin/zbarimg", ["--raw", "-q", folder + "/" + page])
                .split(separator: "\n").map { String($0).replacingOccurrences(of: "\u{1D}", with: "") }
        }
        return codes
    }

    @discardableResult
    func tool(_ path: String, _ arguments: [String]) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(path) is missing: run Scripts/test.sh, which installs poppler-utils and zbar-tools")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func gs1CheckDigitIsRight(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == digits.count, let check = values.last else { return false }
        var sum = 0
        for (i, v) in values.dropLast().reversed().enumerated() { sum += v * (i % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10 == check
    }
}
