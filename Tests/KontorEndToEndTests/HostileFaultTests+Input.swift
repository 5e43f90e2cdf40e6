import Foundation
import KontorTestSupport
import Testing

/// Bad input read from the inbox: each case is refused with a message that names the place,
/// or read exactly, and never booked wrongly.
extension HostileFaultTests {
    /// In a `;`-separated file, `8.90` was booked as 890.00 EUR.
    @Test func aPointInASemicolonSeparatedFileIsRefusedAsAmbiguous() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/artikel.csv", "sku;name;price;vat_rate\nTEA;Assam;8.90;7\nPOT;Kanne;1.234,50;19\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT count(*) FROM articles") == "0")
        let report = try #require(root.read("inbox/shop/rejected/artikel.csv.errors.txt"))
        #expect(report.contains("""
            artikel.csv:2:3
              EN: price "8.90" in a ;-separated file: the point could be a decimal point or a thousands separator
              DE: price "8.90" in einer mit ; getrennten Datei: der Punkt kann Dezimalpunkt oder Tausendertrennzeichen sein
              Fix: Write 8,90 (a comma before the cents), as German spreadsheets do.
            """))
        #expect(try sql(root, "SELECT errors FROM batches") == "1")

        try root.write("inbox/shop/artikel-2.csv", "sku;name;price;vat_rate\nTEA;Assam;8,90;7\nPOT;Kanne;1.234,50;19\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT group_concat(sku || '=' || price_gross) FROM (SELECT * FROM articles ORDER BY sku)")
            == "POT=123450,TEA=890")
    }

    /// 100 warnings (orders booked before) used to fill the log: reading stopped and the new
    /// order after them was never booked, though the file was reported applied.
    @Test func aNewOrderAfter100KnownOnesIsBooked() throws {
        let root = try stockedRoot()
        let known = ordersCSV(prefix: "K", count: 100)
        try root.write("inbox/shop/orders-1.csv", known, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        try root.write("inbox/shop/orders-2.csv", known + "K-101,2025-03-04,paypal,true,4.90,TEA,3,8.90\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status, errors, warnings FROM batches WHERE file = 'orders-2.csv'") == "applied|0|100")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number = 'K-101'") == "1")
        #expect(try sql(root, "SELECT count(*) FROM orders") == "101")
    }

    /// Past the cap of 100, warnings counted as errors: 101 unmatched payments, each only a
    /// warning, rejected the file with no error listed.
    @Test func warningsPastTheCapAreCountedAsWarnings() throws {
        let root = try TemporaryRoot()
        var payments = "reference,amount,date\n"
        for i in 1...101 { payments += "UNKNOWN-\(i),10.00,2025-03-05\n" }
        try root.write("inbox/shop/payments.csv", payments, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status, errors, warnings FROM batches") == "applied|0|101")
        #expect(try sql(root, "SELECT count(*) FROM batch_diagnostics") == "101")
        let receipt = try #require(root.list("outbox/shop/receipts").first.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("payments.csv:101: warning: payment \"UNKNOWN-100\" of 10.00 matches no invoice or order"))
        #expect(receipt.contains("payments.csv:102: warning: … and 1 more warning, not listed; it is here\n"))
    }
}
