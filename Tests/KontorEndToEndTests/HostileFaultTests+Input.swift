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
        // 101 known orders: the cap of 100 is reached while the 101st is still being read.
        let known = ordersCSV(prefix: "K", count: 101)
        try root.write("inbox/shop/orders-1.csv", known, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        try root.write("inbox/shop/orders-2.csv", known + "K-102,2025-03-04,paypal,true,4.90,TEA,3,8.90\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status, errors, warnings FROM batches WHERE file = 'orders-2.csv'") == "applied|0|101")
        #expect(try sql(root, "SELECT count(*) FROM orders WHERE order_number = 'K-102'") == "1")
        #expect(try sql(root, "SELECT count(*) FROM orders") == "102")
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

    /// A quantity of 10^17 trapped on arithmetic overflow (exit 132); a goods receipt of
    /// Int.max was committed and turned the stock into a floating point number.
    @Test func figuresBeyondKontorsLimitsAreRefusedAndTheStockStaysWhole() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,sku,quantity,unit_price
            Q-1,2025-03-03,paypal,true,TEA,100000000000000000,8.90

            """, done: true)
        try root.write("inbox/shop/receipt.csv", "sku,received\nTEA,9223372036854775807\nPOT,1\n", done: true)
        var huge = "order_number,order_date,payment_method,paid,sku,quantity,unit_price\n"
        for _ in 1...93 { huge += "Q-2,2025-03-03,invoice,false,POT,1000000,1000000000.00\n" }
        try root.write("inbox/shop/huge.csv", huge, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT group_concat(file || ':' || status) FROM (SELECT * FROM batches WHERE id > 2 ORDER BY file)")
            == "huge.csv:rejected,orders.csv:rejected,receipt.csv:rejected")
        #expect(try sql(root, "SELECT group_concat(sku || '=' || typeof(on_hand) || ':' || on_hand) FROM (SELECT * FROM stock_balances ORDER BY sku)")
            == "POT=integer:1000,TEA=integer:1000")
        #expect(try sql(root, "SELECT count(*) FROM orders") == "0")
        #expect(root.read("inbox/shop/rejected/orders.csv.errors.txt")?.contains("""
            orders.csv:2:6
              EN: quantity 100000000000000000 is more than 1,000,000, the largest quantity Kontor books on one line
            """) == true)
        #expect(root.read("inbox/shop/rejected/receipt.csv.errors.txt")?.contains(
            "EN: received 9223372036854775807 is more than 1,000,000, the largest quantity Kontor books on one line") == true)
        #expect(root.read("inbox/shop/rejected/huge.csv.errors.txt")?.contains("""
            huge.csv:2
              EN: order Q-2 adds up to more than 1,000,000,000.00 EUR, the largest amount Kontor books
            """) == true)
    }

    /// A NUL cut the text where it was stored: an order for `TEA\0-premium` booked `TEA`, a
    /// products line for `POT\0-XL` renamed and repriced `POT`.
    @Test func aControlCharacterInAFieldIsRefusedWithItsPlace() throws {
        let root = try stockedRoot()
        let before = try booksDump(root)
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,sku,quantity,unit_price
            N-1,2025-03-03,paypal,true,TEA\u{0}-premium,2,8.90

            """, done: true)
        try root.write("inbox/shop/products.csv", "sku,name,price,vat_rate\nPOT\u{0}-XL,Teekanne XL,99.00,19\n", done: true)
        try root.write("inbox/shop/orders.json", #"[{"order_number": "N-2", "order_date": "2025-03-03", "sku": "TEA\u0000", "quantity": 1, "unit_price": "8.90"}]"#,
                       done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try booksDump(root) == before)
        #expect(try sql(root, "SELECT name || ' ' || price_gross FROM articles WHERE sku = 'POT'") == "Teekanne 1 l 2490")
        #expect(root.read("inbox/shop/rejected/orders.csv.errors.txt")?.contains("""
            orders.csv:2:5
              EN: column sku holds the control character U+0000 (NUL) at character 4
              DE: Spalte sku enthält das Steuerzeichen U+0000 (NUL) an Zeichen 4
              Fix: Remove the character: it is invisible in most programs, and stored it would cut the text.
            """) == true)
        #expect(root.read("inbox/shop/rejected/products.csv.errors.txt")?.contains(
            "products.csv:2:1\n  EN: column sku holds the control character U+0000 (NUL) at character 4") == true)
        #expect(root.read("inbox/shop/rejected/orders.json.errors.txt")?.contains(
            #"orders.json:1:65 /0/sku\#n  EN: the value of "sku" holds the control character U+0000 (NUL) at character 4"#) == true)
    }

    /// Refusing an element with 400,000 attributes (a 4.7 MB file) took 1,411 s, about 1 ms
    /// per attribute, and listed 100 schema errors.
    @Test func anElementWithManyAttributesIsRefusedWithOneError() throws {
        let root = try TemporaryRoot()
        let attributes = (1...400_000).map { " a\($0)=\"1\"" }.joined()
        try root.write("inbox/shop/products.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <products xmlns="urn:kontor:formats:1">
              <product\(attributes)><sku>TEA</sku><name>Assam</name><price>8.90</price><vat_rate>7</vat_rate></product>
            </products>

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT status, errors, warnings FROM batches") == "rejected|1|0")
        #expect(root.read("inbox/shop/rejected/products.xml.errors.txt")?.contains("""
            products.xml:3
              EN: the element <product> has more than 256 attributes; Kontor reads at most 256
            """) == true)
    }

    /// After a syntax error the XML reader throws it again when asked for more: the same
    /// message was listed 100 times.
    @Test func anXMLSyntaxErrorIsListedOnce() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/products.xml", """
            <products xmlns="urn:kontor:formats:1">
            <product><sku>TEA</sku><name>Assam</name><price>8.90</price><vat_rate>7</vat_rate></product>
            <product><sku>POT</sku></prod>

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT status, errors FROM batches") == "rejected|1")
        #expect(try sql(root, "SELECT group_concat(place || ': ' || message, '|') FROM batch_diagnostics")
            == "products.xml:3:31: Opening and ending tag mismatch: product line 3 and prod")
    }

    /// A products file that lists an article twice, or a JSON record with `price` and `Price`,
    /// was applied with the last value winning.
    @Test func anArticleOrAFieldGivenTwiceIsAnErrorNamingBothPlaces() throws {
        let root = try stockedRoot()
        let before = try booksDump(root)
        try root.write("inbox/shop/products.csv", """
            sku,name,price,vat_rate
            POT,Teekanne 1 l,24.90,19
            CUP,Tasse,9.90,19
            POT,Teekanne 1 l,2.49,19

            """, done: true)
        try root.write("inbox/shop/products.json", #"[{"sku": "TEA", "name": "Assam", "price": "8.90", "Price": "0.89", "vat_rate": 7}]"#,
                       done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try booksDump(root) == before)
        #expect(try sql(root, "SELECT b.file || ': ' || d.place || ': ' || d.message FROM batch_diagnostics d JOIN batches b ON b.id = d.batch_id ORDER BY b.file")
            .split(separator: "\n") == [
                #"products.csv: products.csv:4: article "POT" is in the file twice: products.csv:2 and products.csv:4"#,
                #"products.json: products.json:1 /0/Price: "Price" is the same field as "price" at products.json:1 /0/price"#,
            ])
    }

    /// A wrong check digit was booked; an EAN a spreadsheet turned into 4,26071E+12 was
    /// refused as "not 8 to 14 digits".
    @Test func anEANWithAWrongCheckDigitIsRefused() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/artikel.csv", """
            sku;name;price;vat_rate;ean
            TEE-1;Assam;8,90;7;4260712340017
            TEE-2;Darjeeling;12,90;7;4,26071E+12
            TEE-3;Ceylon;6,90;7;4260712340023

            """, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT count(*) FROM articles") == "0")
        let report = try #require(root.read("inbox/shop/rejected/artikel.csv.errors.txt"))
        #expect(report.contains("""
            artikel.csv:2:5
              EN: ean "4260712340017" has the check digit 7, but the digits before it give 6
              DE: ean "4260712340017" hat die Prüfziffer 7, die Ziffern davor ergeben aber 6
            """))
        #expect(report.contains("""
            artikel.csv:3:5
              EN: ean "4,26071E+12" is a number a spreadsheet wrote in scientific notation; its last digits are lost
            """))
        #expect(!report.contains("artikel.csv:4"))
    }

    /// A UTF-16 export was read as Windows-1252 and refused with a misleading message.
    @Test func aUTF16FileIsRefusedWithOneClearMessage() throws {
        let root = try TemporaryRoot()
        let text = "sku\tcounted\r\nTEA\t5\r\n"
        try root.write("inbox/shop/count.txt.csv", Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        #expect(try sql(root, "SELECT code || ' ' || place || ': ' || message FROM batch_diagnostics")
            == "file.utf16 count.txt.csv:1: the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)")
    }

    /// A refund (a payment with a negative amount) far larger than what was paid on the
    /// invoice was booked without a word.
    @Test func aRefundOfMoreThanWasPaidIsWarnedAbout() throws {
        let root = try stockedRoot()
        try root.write("inbox/shop/orders.csv", """
            order_number,order_date,payment_method,paid,sku,quantity,unit_price
            R-1,2025-03-03,paypal,true,TEA,2,8.90

            """, done: true)
        try root.write("inbox/shop/payments.csv", "reference,amount,date\nR-1,-5.00,2025-03-11\nR-1,-500.00,2025-03-12\n", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 0)
        #expect(try sql(root, "SELECT status, warnings FROM batches WHERE file = 'payments.csv'") == "applied|1")
        #expect(try sql(root, "SELECT code || ' ' || place || ': ' || message FROM batch_diagnostics")
            == #"payment.refund-exceeds payments.csv:3: payment "R-1" of -500.00 pays back more than was paid on invoice RE2025-00001 (12.80)"#)
    }
}
