import Foundation
import KontorTestSupport
import Testing

/// Creates a file whose name is given as raw bytes (which may not be UTF-8).
func writeRaw(folder: String, name: [UInt8], _ text: String) throws {
    let path = Array(folder.utf8) + [0x2F] + name + [0]
    let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
    #expect(fd >= 0)
    _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
}

@Suite struct FileNameEndToEndTests {
    @Test func oddNamesAreHandledAndNothingIsWrittenOutsideTheRoot() throws {
        let root = try stockedRoot()
        let orders = { (p: String) in ordersCSV(prefix: p, count: 1) }
        try root.write("inbox/shop/Bestellungen März 2025.csv", orders("N1"), done: true)
        try root.write("inbox/shop/-rf.csv", orders("N2"), done: true)
        try root.write("inbox/shop/a..b.csv", orders("N3"), done: true)
        let long = String(repeating: "Bestellung-", count: 20) + ".csv"
        try root.write("inbox/shop/" + long, orders("N4"), done: true)
        try writeRaw(folder: root.path + "/inbox/shop", name: Array("Bestellungen_M".utf8) + [0xE4] + Array("rz.csv".utf8), orders("N5"))
        try writeRaw(folder: root.path + "/inbox/shop", name: Array("Bestellungen_M".utf8) + [0xE4] + Array("rz.csv.done".utf8), "")

        let outside = try TemporaryRoot(initialized: false)
        try outside.write("secret.csv", orders("N6"))
        try FileManager.default.createSymbolicLink(atPath: root.path + "/inbox/shop/link.csv", withDestinationPath: outside.path + "/secret.csv")
        _ = FileManager.default.createFile(atPath: root.path + "/inbox/shop/link.csv.done", contents: Data())

        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try sql(root, "SELECT group_concat(order_number) FROM (SELECT order_number FROM orders WHERE order_number LIKE 'N%' ORDER BY order_number)") == "N1-1,N2-1,N3-1,N4-1,N5-1")
        let files = try sql(root, "SELECT file FROM batches WHERE file NOT LIKE '0%' ORDER BY id").split(separator: "\n").map(String.init)
        #expect(files.contains("Bestellungen März 2025.csv"))
        #expect(files.contains("Bestellungen_März.csv"))
        #expect(files.allSatisfy { $0.utf8.count <= 200 })
        #expect(root.list("outbox/shop/receipts").count == 7)
        // The link was neither followed nor moved, and its target is untouched.
        #expect(outside.read("secret.csv") == orders("N6"))
        #expect(FileManager.default.fileExists(atPath: root.path + "/inbox/shop/link.csv"))
        #expect(outside.list("").count == 1)
    }

    @Test func aRejectedFolderThatIsALinkIsNotWrittenThrough() throws {
        let root = try stockedRoot()
        let outside = try TemporaryRoot(initialized: false)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/inbox/shop/rejected", withDestinationPath: outside.path)
        try root.write("inbox/shop/bad.csv", "sku,counted\nTEA,viele\n", done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        // The shop's own link stops nothing: the file is rejected, kept in the archive, and
        // the receipt tells why no copy lies in rejected/.
        #expect(result.status == 1)
        #expect(outside.list("").isEmpty)
        #expect(result.stderr.contains("symbolic link"))
        let receipt = try #require(root.list("outbox/shop/receipts").last.flatMap { root.read("outbox/shop/receipts/" + $0) })
        #expect(receipt.contains("could not be put into inbox/shop/rejected/"))
    }
}

@Suite struct HostileContentTests {
    @Test func aFileOfNoKnownKindIsRejectedWithWhatWasFound() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/export.csv", "Artikel;Farbe\nA;rot\n", done: true)
        try root.write("inbox/shop/export.json", "[{\"id\": 1, \"colour\": \"red\"}]", done: true)
        try root.write("inbox/shop/export.xml", "<?xml version=\"1.0\"?><Inventory xmlns=\"urn:example:stock\"><Item/></Inventory>", done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        let csv = try #require(root.read("inbox/shop/rejected/export.csv.errors.txt"))
        #expect(csv.contains("cannot tell what kind of document this is: the header line has Artikel, Farbe"))
        #expect(csv.contains("orders (order_number, order_date, sku, quantity, unit_price)"))
        let json = try #require(root.read("inbox/shop/rejected/export.json.errors.txt"))
        #expect(json.contains("the first record has the keys id, colour"))
        let xml = try #require(root.read("inbox/shop/rejected/export.xml.errors.txt"))
        #expect(xml.contains("the root element is <Inventory> in namespace urn:example:stock"))
    }

    @Test func entityAttacksAreRefusedAndNothingOfALocalFileLeaks() throws {
        let root = try TemporaryRoot()
        let secret = try TemporaryRoot()
        try secret.write("passwd", "SECRET-MARKER-4711")
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<products xmlns=\"urn:kontor:formats:1\"><product><sku>&lol9;</sku></product></products>\n"
        try root.write("inbox/shop/laughs.xml", laughs, done: true)
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE products [<!ENTITY secret SYSTEM "file://\(secret.path)/passwd">]>
            <products xmlns="urn:kontor:formats:1"><product><sku>&secret;</sku><name>x</name><price>1.00</price><vat_rate>19</vat_rate></product></products>

            """
        try root.write("inbox/shop/xxe.xml", xxe, done: true)
        let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
        #expect(result.status == 1)
        #expect(try sql(root, "SELECT group_concat(status) FROM batches") == "rejected,rejected")
        #expect(try sql(root, "SELECT count(*) FROM batch_diagnostics WHERE code = 'xml.doctype'") == "2")
        var everything = result.stdout + result.stderr + (try databaseDump(root.path + "/kontor.sqlite"))
        for file in root.list("", recursive: true) where !file.hasSuffix(".xml") {
            everything += root.read(file) ?? ""
        }
        #expect(!everything.contains("SECRET-MARKER"))
        #expect(root.read("inbox/shop/rejected/xxe.xml.errors.txt")?.contains("DOCTYPE") == true)
    }

    @Test func eachKindOfBrokenFileGetsItsOwnMessage() throws {
        let root = try TemporaryRoot()
        try root.write("inbox/shop/quote.csv", "sku,counted\nTEA,\"5\nPOT,3\n", done: true)
        try root.write("inbox/shop/header.csv", "sku,counted,sku\nTEA,5,x\n", done: true)
        try root.write("inbox/shop/mixed.csv", "sku,counted\nTEA;5\n", done: true)
        try root.write("inbox/shop/cut.json", "[{\"sku\": \"TEA\", \"counted\": 5}, {\"sku\": \"PO", done: true)
        var latin1 = Data("[{\"sku\": \"T".utf8)
        latin1.append(0xC4)
        latin1.append(contentsOf: Data("\", \"counted\": 5}]".utf8))
        try root.write("inbox/shop/latin1.json", latin1, done: true)
        #expect(try KontorBinary.run(["run", "--settle", "0"], root: root.path).status == 1)
        let codes = try sql(root, "SELECT b.file || ':' || d.code FROM batch_diagnostics d JOIN batches b ON b.id = d.batch_id WHERE d.severity = 'error' ORDER BY b.file")
            .split(separator: "\n").map(String.init)
        #expect(codes.contains("quote.csv:csv.unterminated-quote"))
        #expect(codes.contains("header.csv:csv.duplicate-header"))
        #expect(codes.contains("mixed.csv:csv.mixed-delimiters"))
        #expect(codes.contains("cut.json:json.truncated"))
        #expect(codes.contains("latin1.json:json.encoding"))
    }
}

@Suite struct CatalogueDoctypeTests {
    /// BMEcat 1.2 catalogues name their DTD in a DOCTYPE line: the catalogue is read, the DTD
    /// is never loaded.
    @Test func aCatalogueThatNamesItsDTDIsRead() throws {
        let root = try TemporaryRoot()
        let fixture = packageRoot + "/Tests/Fixtures/bmecat-1.2/katalog-buerowelt-2025.xml"
        let text = try #require(FileManager.default.contents(atPath: fixture).map { String(decoding: $0, as: UTF8.self) })
        let withDoctype = text.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE BMECAT SYSTEM \"http://www.bmecat.org/bmecat/1.2/bmecat_new_catalog.dtd\">\n")
        #expect(withDoctype != text)
        try root.write("inbox/shop/katalog.xml", withDoctype, done: true)
        let result = try KontorBinary.run(["run"], root: root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try sql(root, "SELECT status || ':' || dialect FROM batches") == "applied:bmecat-1.2")
        #expect(try Int(sql(root, "SELECT count(*) FROM articles")) ?? 0 > 0)
    }
}
