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
}
