import Foundation
import KontorTestSupport
import Testing

/// Orders cancelled before they ship, by `kontor cancel`: reservations end, an invoice is
/// corrected by a cancellation invoice, and reverting the batch restores everything.
@Suite struct CancelTests {
    func run(_ root: TemporaryRoot) throws {
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// `on_hand/reserved/available` of an article, from `kontor stock --json`.
    func stock(_ root: TemporaryRoot, _ sku: String) throws -> String {
        let row = try jsonArray(KontorBinary.run(["stock", "--json"], root: root.path)).first { $0["sku"] as? String == sku }
        return "\(row?["on_hand"] as? Int ?? -1)/\(row?["reserved"] as? Int ?? -1)/\(row?["available"] as? Int ?? -1)"
            + ((row?["shortfall"] as? Int).map { $0 > 0 ? " short \($0)" : "" } ?? " no shortfall field")
    }

    /// Revenue (8300, 8400) and VAT (1771, 1776) credited for an order's documents, net of debits.
    func revenueAndVAT(_ root: TemporaryRoot, order: String) throws -> String {
        try sql(root, """
            SELECT coalesce(SUM(l.credit - l.debit), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
            WHERE l.account IN (8300, 8400, 1771, 1776) AND e.document IN (SELECT number FROM invoices WHERE order_number = '\(order)')
            """)
    }

    @Test func cancellingAnOrderAwaitingPaymentEndsItsReservation() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            A-1,2025-03-03,prepaid,false,4.90,TEA,10,8.90
            A-2,2025-03-03,prepaid,false,4.90,TEA,5,8.90

            """, done: true)
        try run(root)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'A-1'") == "awaiting_payment")
        #expect(try stock(root, "TEA") == "1000/15/985")

        let cancel = try KontorBinary.run(["cancel", "A-1", "--note", "Kunde hat storniert"], root: root.path,
                                          environment: ["USER": "admin-anna"])
        #expect(cancel.status == 0, "\(cancel.stdout)\(cancel.stderr)")
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'A-1'") == "cancelled")
        #expect(try stock(root, "TEA") == "1000/5/995")
        #expect(try sql(root, "SELECT count(*) FROM open_reservations WHERE order_number = 'A-1'") == "0")
        // Whether or not it carried an invoice, nothing of its revenue or VAT stays booked.
        #expect(try revenueAndVAT(root, order: "A-1") == "0")
        let id = try sql(root, "SELECT id FROM batches WHERE kind = 'command'")
        #expect(try sql(root, "SELECT file || '|' || status FROM batches WHERE id = \(id)") == "cancel A-1|applied")
        let events = try sql(root, "SELECT event || ':' || actor || ':' || coalesce(detail, '') FROM batch_events WHERE batch_id = \(id) ORDER BY id")
        #expect(events.contains("command:admin-anna:cancel A-1: Kunde hat storniert"))
        let receipt = try #require(root.list("outbox/shop/receipts").last.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order A-1 (guest-A-1): Kunde hat storniert"))
        #expect(try KontorBinary.run(["batch", "show", id], root: root.path).stdout.contains("cancelled  order A-1: Kunde hat storniert"))

        // Cancelled once, not twice.
        let again = try KontorBinary.run(["cancel", "A-1", "--note", "noch einmal"], root: root.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("order A-1 is already cancelled"))
    }

    /// A customer with credit, and an order on account for more teapots than are there, from a
    /// shop whose own system issued the invoice: it is invoiced and waits for stock.
    func invoicedWaitingOrder() throws -> TemporaryRoot {
        let root = try stockedRoot()
        try root.write("kontor.toml", "[shops.shop]\ninvoices = \"shop\"\n")
        try root.write("inbox/shop/customers.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,50000.00\n", done: true)
        try run(root)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price,invoice_number
            B-1,2025-03-03,K-1,invoice,false,4.90,TEA,2,8.90,RE2025-00001
            B-1,2025-03-03,K-1,invoice,false,,POT,1500,24.90,

            """, done: true)
        try run(root)
        #expect(try sql(root, "SELECT status || '|' || invoice_number FROM orders WHERE order_number = 'B-1'") == "awaiting_stock|RE2025-00001")
        return root
    }

    @Test func cancellingAnInvoicedOrderPostsACancellationInvoiceAndRevertingTheBatchRestoresEverything() throws {
        let root = try invoicedWaitingOrder()
        // 2 × 8.90 + 1500 × 24.90 + 4.90 = 37,372.70
        #expect(try sql(root, "SELECT gross FROM invoices WHERE number = 'RE2025-00001'") == "3737270")
        let revenueBefore = try revenueAndVAT(root, order: "B-1")
        #expect(revenueBefore == "3737270")
        #expect(try stock(root, "POT") == "1000/1000/0 short 500")
        #expect(try stock(root, "TEA") == "1000/2/998")

        let cancel = try KontorBinary.run(["cancel", "B-1", "--note", "Lieferung zu spät"], root: root.path)
        #expect(cancel.status == 0, "\(cancel.stdout)\(cancel.stderr)")
        #expect(try sql(root, "SELECT status || '|' || invoice_number FROM orders WHERE order_number = 'B-1'") == "cancelled|RE2025-00001")
        // The cancellation invoice is dated the day of the cancellation, and numbered in its year.
        let correction = try sql(root, "SELECT number FROM invoices WHERE kind = 'credit_note' AND refers_to = 'RE2025-00001'")
        #expect(correction.hasPrefix("GS") && correction.hasSuffix("-00001"))
        #expect(try sql(root, "SELECT order_number || '|' || net || '|' || vat || '|' || gross FROM invoices WHERE number = '\(correction)'")
                    == "B-1|-3140731|-596539|-3737270")
        #expect(try sql(root, "SELECT text FROM journal_entries WHERE document = '\(correction)'")
                    == "Rechnungskorrektur \(correction) zu Rechnung RE2025-00001 (Stornierung Bestellung B-1)")
        // Revenue and VAT of the order, per account, are back to zero; so is what K-1 owes,
        // on the invoice's own open item.
        #expect(try revenueAndVAT(root, order: "B-1") == "0")
        for account in [8300, 8400, 1771, 1776] {
            #expect(try sql(root, "SELECT SUM(credit - debit) FROM journal_lines WHERE account = \(account)") == "0", "account \(account)")
        }
        #expect(try sql(root, "SELECT SUM(debit - credit) FROM journal_lines WHERE account = 1400 AND document = 'RE2025-00001'") == "0")
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "0")
        #expect(try stock(root, "POT") == "1000/0/1000")
        #expect(try stock(root, "TEA") == "1000/0/1000")
        let receipt = try #require(root.list("outbox/shop/receipts").last.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("\(correction)  corrects / zu Rechnung RE2025-00001  order B-1  37372.70 EUR"))

        // Reverting the cancellation puts back the reservations, the invoice's revenue and
        // VAT, what K-1 owes, and the order's state.
        let id = try sql(root, "SELECT id FROM batches WHERE file = 'cancel B-1'")
        let revert = try KontorBinary.run(["revert", id, "--note", "versehentlich storniert"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try sql(root, "SELECT status || '|' || invoice_number FROM orders WHERE order_number = 'B-1'") == "awaiting_stock|RE2025-00001")
        #expect(try revenueAndVAT(root, order: "B-1") == revenueBefore)
        #expect(try sql(root, "SELECT open FROM customer_balances WHERE customer_key = 'K-1'") == "3737270")
        #expect(try stock(root, "POT") == "1000/1000/0 short 500")
        #expect(try stock(root, "TEA") == "1000/2/998")
        let history = try jsonArray(KontorBinary.run(["orders", "--json"], root: root.path)).first?["history"] as? [[String: Any]]
        #expect(history?.map { $0["state"] as? String } == ["invoiced", "awaiting_stock", "cancelled", "awaiting_stock"])

        // Goods for it arrive later: it ships as if never cancelled.
        try root.write("inbox/shop/receipt.csv", "sku,received\nPOT,500\n", done: true)
        try run(root)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = 'B-1'") == "shipped")
    }

    @Test func aShippedOrderIsNotCancelledButPointedAtReturns() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            S-1,2025-03-03,paypal,true,4.90,TEA,1,8.90

            """, done: true)
        try run(root)
        let before = try booksDump(root)
        let cancel = try KontorBinary.run(["cancel", "S-1", "--note", "zu spät"], root: root.path)
        #expect(cancel.status == 2)
        #expect(cancel.stderr.contains("order S-1 has been shipped and cannot be cancelled; send a returns file for the goods that come back"))
        #expect(try sql(root, "SELECT count(*) FROM batches WHERE kind = 'command'") == "0")
        #expect(try booksDump(root) == before)
        let missing = try KontorBinary.run(["cancel", "X-9", "--note", "?"], root: root.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no shop has an order X-9"))
    }

    @Test func cancellingAHeldOrderLiftsItsHoldAndReservation() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/customers.csv", "customer_id,name,email,credit_limit\nK-1,Anna Petersen,anna@example.de,0.00\n", done: true)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,customer_id,payment_method,paid,shipping,sku,quantity,unit_price
            H-1,2025-03-03,K-1,invoice,false,4.90,TEA,3,8.90
            N-1,2025-03-03,,paypal,true,4.90,MUG,1,12.00

            """, done: true)
        try run(root)
        #expect(try stock(root, "TEA") == "1000/3/997")
        for order in ["H-1", "N-1"] {
            let cancel = try KontorBinary.run(["cancel", order, "--note", "storniert"], root: root.path)
            #expect(cancel.status == 0, "\(cancel.stdout)\(cancel.stderr)")
        }
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM orders") == "H-1:cancelled N-1:cancelled")
        #expect(try stock(root, "TEA") == "1000/0/1000")
        #expect(try sql(root, "SELECT status FROM credit_holds WHERE order_number = 'H-1'") == "released")
        #expect(try sql(root, "SELECT status FROM order_holds") == "released")
        #expect(try sql(root, "SELECT count(*) FROM invoices") == "0")
    }

    @Test func aCancellationsFileCancelsWhatHasNotShippedAndARerunWithForceUndoesIt() throws {
        let root = try invoicedWaitingOrder()
        try root.write("inbox/shop/more.csv", """
            order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price
            S-1,2025-03-03,paypal,true,4.90,TEA,1,8.90
            A-1,2025-03-03,prepaid,false,4.90,TEA,10,8.90

            """, done: true)
        try run(root)
        #expect(try stock(root, "TEA") == "999/12/987")
        try root.write("inbox/shop/cancellations.csv", """
            order_number,reason
            B-1,Lieferung zu spät
            A-1,
            S-1,Kunde will nicht mehr
            X-9,Tippfehler

            """, done: true)
        try run(root)
        let batch = try sql(root, "SELECT id FROM batches WHERE file = 'cancellations.csv'")
        #expect(try sql(root, "SELECT kind || '|' || dialect || '|' || status FROM batches WHERE id = \(batch)") == "cancellations|kontor-csv|applied")
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "A-1:cancelled B-1:cancelled S-1:shipped")
        #expect(try stock(root, "TEA") == "999/0/999")
        #expect(try stock(root, "POT") == "1000/0/1000")
        #expect(try revenueAndVAT(root, order: "B-1") == "0")
        #expect(try revenueAndVAT(root, order: "A-1") == "0")
        #expect(try revenueAndVAT(root, order: "S-1") == "1380")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("cancellations") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order B-1 (K-1): Lieferung zu spät"))
        #expect(receipt.contains("order A-1 (guest-A-1): cancelled by the shop"))
        #expect(receipt.contains("cancellations.csv:4: warning: order S-1 has been shipped and cannot be cancelled; send a returns file for the goods that come back"))
        #expect(receipt.contains("cancellations.csv:5: warning: order X-9 is not booked, so there is nothing to cancel"))

        // A forced rerun takes the cancellations back and applies them again: the same state,
        // the corrections reversed and posted anew.
        let rerun = try KontorBinary.run(["rerun", batch, "--force"], root: root.path)
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "A-1:cancelled B-1:cancelled S-1:shipped")
        #expect(try stock(root, "TEA") == "999/0/999")
        #expect(try revenueAndVAT(root, order: "B-1") == "0")
        // Reverting the rerun puts both orders back where they were.
        let rerunBatch = try sql(root, "SELECT id FROM batches WHERE rerun_of = \(batch)")
        let revert = try KontorBinary.run(["revert", rerunBatch, "--note", "Stornos waren falsch"], root: root.path)
        #expect(revert.status == 0, "\(revert.stdout)\(revert.stderr)")
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "A-1:awaiting_payment B-1:awaiting_stock S-1:shipped")
        #expect(try stock(root, "TEA") == "999/12/987")
        #expect(try revenueAndVAT(root, order: "B-1") == "3737270")
    }

    @Test func aShopifyExportThatReportsABookedOrderCancelledCancelsIt() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/01-products.csv", teaCatalogueCSV, done: true)
        try root.write("inbox/shop/02-count.csv", teaCountCSV, done: true)
        try root.write("inbox/shop/03-customers.csv", ShopifyOrdersCSVEndToEndTests.customers, done: true)
        let export = String(decoding: try ShopifyOrdersCSVEndToEndTests.fixture("orders_export_79.csv"), as: UTF8.self)
        // The first export shows #1044 as it was first: pending, not yet cancelled.
        let first = export.replacingOccurrences(of: "#1044,t.nguyen@example.de,voided,", with: "#1044,t.nguyen@example.de,pending,")
            .replacingOccurrences(of: ",2025-03-12 15:22:07 +0100,", with: ",,")
        #expect(first != export)
        try root.write("inbox/shop/04-export.csv", first, done: true)
        try run(root)
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = '1044'") == "awaiting_payment")
        #expect(try stock(root, "SIE-001") == "49/2/47")
        let revenueBefore = try revenueAndVAT(root, order: "1044")

        // The next export has it voided and cancelled: Kontor cancels it; the other orders are
        // already booked, and the refunded #1043 was booked cancelled the first time.
        try root.write("inbox/shop/05-export.csv", export, done: true)
        try run(root)
        #expect(try sql(root, "SELECT group_concat(order_number || ':' || status, ' ') FROM (SELECT * FROM orders ORDER BY order_number)")
                    == "1041:shipped 1042:shipped 1043:cancelled 1044:cancelled 1045:shipped")
        #expect(try stock(root, "SIE-001") == "49/0/49")
        // Awaiting its payment, #1044 had no invoice yet: there is nothing to correct.
        #expect(revenueBefore == "0")
        #expect(try revenueAndVAT(root, order: "1044") == "0")
        #expect(try sql(root, "SELECT coalesce(SUM(debit - credit), 0) FROM journal_lines WHERE account = 1400 AND customer_key = 't.nguyen@example.de'") == "0")
        let receipt = try #require(root.list("outbox/shop/receipts").last { $0.contains("05-export") }
            .flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("order 1044 (t.nguyen@example.de): the shop's export reports it cancelled"))
        #expect(receipt.contains("05-export.csv:5: warning: order 1043 was already booked (batch 4); not booked twice"))
        #expect(!receipt.contains("order 1044 was already booked"))
    }

    @Test func aWooCommerceExportThatReportsABookedOrderCancelledCancelsIt() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/rheinblick/01-products.csv", spiceCatalogueCSV, done: true)
        try root.write("inbox/rheinblick/02-stock-count.csv", spiceCountCSV, done: true)
        let export = String(decoding: try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/Tests/Fixtures/woocommerce-orders-json/orders.json")),
                            as: UTF8.self)
        try root.write("inbox/rheinblick/03-orders.json", export, done: true)
        let first = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try sql(root, "SELECT status FROM orders WHERE order_number = '4712'") == "awaiting_payment")
        #expect(try sql(root, "SELECT group_concat(sku || ':' || reserved, ' ') FROM stock_balances WHERE reserved != 0") == "GEW-204:3 GEW-310:1")

        // The customer never paid; the shop cancelled the order, and the next export says so.
        let cancelled = export.replacingOccurrences(of: "\"status\": \"on-hold\"", with: "\"status\": \"cancelled\"")
        try root.write("inbox/rheinblick/04-orders.json", cancelled, done: true)
        let second = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(try sql(root, "SELECT order_number || ':' || status FROM orders ORDER BY order_number")
                    == "4711:shipped\n4712:cancelled\n4713:cancelled\n4714:shipped")
        #expect(try sql(root, "SELECT count(*) FROM stock_balances WHERE reserved != 0") == "0")
        #expect(try revenueAndVAT(root, order: "4712") == "0")
    }
}
