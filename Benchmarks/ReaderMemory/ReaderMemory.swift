// Reads one file through Kontor's CSV, JSON or XML record reader, mapping every record to a
// FlatRecord, and prints what it read; or writes an orders file of a given size to read.
// Built by Scripts/bench-memory.sh, which measures the peak memory and time of each reading.
//
//   reader-memory read <csv|json|xml> <path>
//   reader-memory generate <csv|json|xml> <bytes> <path>

import KontorCore
import KontorFormats

#if canImport(Glibc)
import Glibc
#endif

/// What one reading found.
struct Tally {
    var records = 0
    var fields = 0
    var problems: [Diagnostic] = []

    mutating func add(_ record: FlatRecord) {
        records += 1
        fields += record.fields.count
    }
}

func fail(_ message: String) -> Never {
    let line = Array("reader-memory: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func read(syntax: String, path: String) throws -> Tally {
    var tally = Tally()
    let fileName = String(path.split(separator: "/").last ?? "")
    switch syntax {
    case "csv":
        var reader = try CSVReader(source: FileByteSource(path: path), fileName: fileName)
        while true {
            do {
                guard let row = try reader.next() else { break }
                tally.add(reader.flatRecord(row))
            } catch let problem as Diagnostic {
                tally.problems.append(problem)
            }
        }
    case "json":
        var reader = JSONRecordReader(source: try FileByteSource(path: path), fileName: fileName)
        while true {
            do {
                guard let element = try reader.next() else { break }
                tally.add(try reader.flatRecord(element))
            } catch let problem as Diagnostic {
                tally.problems.append(problem)
            }
        }
    case "xml":
        var reader = try XMLRecordReader(source: FileByteSource(path: path), fileName: fileName,
                                         options: KontorXMLSchema.readerOptions)
        while let node = try reader.next() {
            tally.add(node.flatRecord(file: fileName))
        }
        tally.problems += reader.diagnostics.diagnostics
    default:
        fail("unknown syntax \(syntax)")
    }
    return tally
}

/// Kontor order lines: orders of one to three lines, German customers, 7 % and 19 % articles.
struct OrderLines {
    static let columns = ["order_number", "order_date", "customer_id", "customer_email", "customer_name",
                          "ship_name", "ship_street", "ship_zip", "ship_city", "ship_country",
                          "payment_method", "paid", "shipping", "sku", "quantity", "unit_price", "currency"]
    static let customers = [
        ("K-1001", "anna.petersen@example.de", "Anna Petersen", "Heiligengeiststraße 12", "21335", "Lüneburg"),
        ("K-1002", "joerg.baeumer@example.de", "Jörg Bäumer", "Bäckerstraße 3a", "50667", "Köln"),
        ("K-2001", "einkauf@hotel-heidegarten.example", "Hotel Heidegarten GmbH & Co. KG", "Kurparkallee 7", "29549", "Bad Bevensen"),
        ("K-2002", "info@cafe-ahrens.example", "Café Ahrens GmbH", "Große Bäckerstraße 9", "21335", "Lüneburg"),
    ]
    static let articles = [("TEE-001", "8.90"), ("TEE-002", "12.90"), ("TEE-003", "11.50"), ("KAN-001", "34.90"), ("TAS-001", "9.90")]
    static let methods = ["paypal", "card", "prepaid", "invoice"]

    var order = 1000
    var lineInOrder = 0

    /// The next order line as column values.
    mutating func next() -> [String] {
        let lines = order % 3 + 1
        let customer = OrderLines.customers[order % OrderLines.customers.count]
        let article = OrderLines.articles[(order + lineInOrder) % OrderLines.articles.count]
        let method = OrderLines.methods[order % OrderLines.methods.count]
        let day = order % 28 + 1
        let values = [String(order), "2025-03-\(day < 10 ? "0" : "")\(day)", customer.0, customer.1, customer.2,
                      customer.2, customer.3, customer.4, customer.5, "DE",
                      method, method == "invoice" || method == "prepaid" ? "false" : "true",
                      lineInOrder == 0 ? "4.90" : "", article.0, String(lineInOrder + 1), article.1, "EUR"]
        lineInOrder += 1
        if lineInOrder == lines { lineInOrder = 0; order += 1 }
        return values
    }
}

func csvField(_ text: String) -> String {
    text.contains(",") || text.contains("\"") ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
}

func xmlText(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
}

func jsonString(_ text: String) -> String {
    "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
}

func generate(syntax: String, bytes target: Int, path: String) {
    guard let file = fopen(path, "w") else { fail("cannot write \(path)") }
    defer { fclose(file) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    var written = 0
    func emit(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 {
            written += fwrite(buffer, 1, buffer.count, file)
            buffer.removeAll(keepingCapacity: true)
        }
    }
    let (head, separator, tail): (String, String, String)
    switch syntax {
    case "csv": (head, separator, tail) = (OrderLines.columns.joined(separator: ",") + "\n", "", "")
    case "json": (head, separator, tail) = ("[\n", ",\n", "\n]\n")
    case "xml": (head, separator, tail) = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orders xmlns=\"urn:kontor:formats:1\">", "", "</orders>\n")
    default: fail("unknown syntax \(syntax)")
    }
    emit(head)
    var lines = OrderLines()
    var first = true
    while written + buffer.count < target {
        let values = lines.next()
        if !first { emit(separator) }
        first = false
        switch syntax {
        case "csv":
            emit(values.map(csvField).joined(separator: ",") + "\n")
        case "json":
            let members = zip(OrderLines.columns, values).filter { !$0.1.isEmpty }.map { key, value in
                "\(jsonString(key)): " + (key == "quantity" ? value : key == "paid" ? value : jsonString(value))
            }
            emit("  {" + members.joined(separator: ", ") + "}")
        default:
            let fields = zip(OrderLines.columns, values).filter { !$0.1.isEmpty }.map { key, value in
                "<\(key)>\(xmlText(value))</\(key)>"
            }
            // Indented as people and exporters write it: the indentation between records
            // must not count as text of <orders> (see docs/benchmarks.md).
            emit("\n  <line>" + fields.joined() + "</line>")
        }
    }
    emit(tail)
    written += fwrite(buffer, 1, buffer.count, file)
}

@main
struct ReaderMemory {
    static func main() {
        let arguments = CommandLine.arguments
        switch (arguments.count, arguments.dropFirst().first) {
        case (4, "read"?):
            do {
                let tally = try read(syntax: arguments[2], path: arguments[3])
                print("records \(tally.records) fields \(tally.fields) problems \(tally.problems.count)")
                for problem in tally.problems.prefix(5) { print("  \(problem)") }
                if !tally.problems.isEmpty { exit(1) }
            } catch {
                fail("\(error)")
            }
        case (5, "generate"?):
            guard let bytes = Int(arguments[3]) else { fail("not a number of bytes: \(arguments[3])") }
            generate(syntax: arguments[2], bytes: bytes, path: arguments[4])
        default:
            fail("usage: reader-memory read <csv|json|xml> <path> | generate <csv|json|xml> <bytes> <path>")
        }
    }
}
