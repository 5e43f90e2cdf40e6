import Foundation
import KontorTestSupport
import Testing

/// The repository's folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Parses one JSON document printed by `kontor ... --json`.
func jsonArray(_ result: CommandResult) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(value as? [[String: Any]], "not a JSON array: \(result.stdout.prefix(200))")
}

func jsonObject(_ result: CommandResult) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(value as? [String: Any], "not a JSON object: \(result.stdout.prefix(200))")
}

/// Decimal strings of the JSON output as cents.
func cents(_ value: Any?) -> Int? {
    guard let text = value as? String else { return nil }
    let negative = text.hasPrefix("-")
    let digits = text.replacingOccurrences(of: "-", with: "").split(separator: ".")
    guard digits.count == 2, let euros = Int(digits[0]), let c = Int(digits[1]) else { return nil }
    return (negative ? -1 : 1) * (euros * 100 + c)
}

/// Runs a SQL query on a root's books with the sqlite3 shell and returns its output.
func sql(_ root: TemporaryRoot, _ query: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [root.path + "/kontor.sqlite", query]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// The dump of a root's books without the batch journal, which records even rejected files,
/// and without the note of which batch the reports were last written for.
func booksDump(_ root: TemporaryRoot) throws -> String {
    try databaseDump(root.path + "/kontor.sqlite").split(separator: "\n").filter { line in
        !["batches", "batch_events", "batch_diagnostics", "sqlite_sequence", "shop_reports"].contains { line.hasPrefix("INSERT INTO \($0) ") || line.hasPrefix("INSERT INTO \"\($0)\"") }
    }.joined(separator: "\n")
}

let productsCSV = """
    sku,name,price,vat_rate,weight_kg
    TEA,Assam Tee 250 g,8.90,7,0.3
    POT,Teekanne 1 l,24.90,19,1.2

    """

let countCSV = """
    sku,counted
    TEA,1000
    POT,1000

    """

/// A root with a catalogue and stock applied.
func stockedRoot() throws -> TemporaryRoot {
    let root = try TemporaryRoot()
    try root.write("inbox/shop/01-products.csv", productsCSV, done: true)
    try root.write("inbox/shop/02-count.csv", countCSV, done: true)
    let result = try KontorBinary.run(["run", "--settle", "0"], root: root.path)
    #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
    return root
}

/// An orders file of `count` paid orders numbered `prefix-1` ….
func ordersCSV(prefix: String, count: Int) -> String {
    var text = "order_number,order_date,payment_method,paid,shipping,sku,quantity,unit_price\n"
    for i in 1...count {
        text += "\(prefix)-\(i),2025-03-03,paypal,true,4.90,TEA,2,8.90\n"
        text += "\(prefix)-\(i),2025-03-03,paypal,true,,POT,1,24.90\n"
    }
    return text
}

/// Five articles of a tea shop, at 7 % and 19 %, as the shop dialects' tests order them.
let teaCatalogueCSV = """
    sku,name,price,vat_rate,weight_kg
    TEE-001,"Assam Hochland TGFOP, lose 250 g",8.90,7,0.280
    TEE-002,"Darjeeling First Flush, lose 100 g",12.90,7,0.120
    KAN-001,"Teekanne Steingut, 1,2 l",34.90,19,1.100
    TAS-001,Teetasse Friesenrose 0.2 l,9.90,19,0.240
    SIE-001,Teesieb Edelstahl,6.50,19,0.060

    """

/// 50 of each article of `teaCatalogueCSV`.
let teaCountCSV = """
    sku,counted
    TEE-001,50
    TEE-002,50
    KAN-001,50
    TAS-001,50
    SIE-001,50

    """

/// Five articles of a spice shop, at 7 % and 19 %, as the JSON dialects' tests order them.
let spiceCatalogueCSV = """
    sku,name,price,vat_rate,weight_kg
    GEW-101,"Pfeffer schwarz, ganz 100 g",5.90,7,0.12
    GEW-204,Curry Madras – mild 80 g,4.50,7,0.1
    GEW-310,Zimtstangen Ceylon 50 g,6.20,7,0.06
    MUE-010,Pfeffermühle Buche & Keramik,29.90,19,0.45
    GES-020,Gewürzregal Eiche für 12 Dosen,49.00,19,2.8

    """

/// The opening stock of `spiceCatalogueCSV`.
let spiceCountCSV = """
    sku,counted
    GEW-101,50
    GEW-204,30
    GEW-310,30
    MUE-010,10
    GES-020,5

    """
