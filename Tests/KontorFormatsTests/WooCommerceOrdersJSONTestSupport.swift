import Foundation
import KontorCore
import KontorFormats
import Testing

/// What a shop dialect made of one JSON file: its records and its diagnostics as printed.
struct ShopOrdersJSONOutcome: Equatable {
    var records: [DocumentRecord]
    var diagnostics: [String]
    var diagnosticsDE: [String]

    /// The orders among the records.
    var orders: [Order] {
        records.compactMap { if case .order(let o) = $0 { o } else { nil } }
    }
}

/// Reads `bytes` with the JSON reader in chunks of `chunkSize` and maps every element with a
/// fresh mapper of dialect `D`, as the document reader does.
func readShopOrdersJSON<D: JSONDialect>(_ dialect: D.Type, _ bytes: [UInt8], file: String, chunkSize: Int = 4096) throws -> ShopOrdersJSONOutcome {
    var reader = JSONRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: file)
    var mapper = D(file: file)
    var log = DiagnosticLog()
    var records: [DocumentRecord] = []
    while let element = try reader.next() {
        records += mapper.map(element, log: &log)
    }
    records += mapper.finish(log: &log)
    return ShopOrdersJSONOutcome(records: records, diagnostics: log.diagnostics.map(\.description),
                                 diagnosticsDE: log.diagnostics.map { $0.messageDE ?? "" })
}

/// The bytes of a fixture under `Tests/Fixtures/`.
func shopOrdersFixture(_ path: String) throws -> [UInt8] {
    let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return Array(try Data(contentsOf: tests.appendingPathComponent("Fixtures/" + path)))
}

/// The gross total Kontor's accounting gives an order (each line at its price less its
/// discount; VAT per line from the gross price, or on top of the net price, half away from
/// zero; shipping split over the rates in proportion to the goods; a gross order's own
/// discount taken off the total), computed independently of the mapper.
func kontorGrossTotal(_ order: Order) -> Int {
    precondition(order.priceBasis == .gross || order.discount == 0, "an order discount of a net order is spread by net value")
    var byRate: [Int: Int] = [:]
    for line in order.lines { byRate[line.vatRate!.percent, default: 0] += line.quantity * line.unitPrice - line.discount }
    let rates = byRate.keys.sorted(by: >)
    var parts = order.lines.map { ($0.quantity * $0.unitPrice - $0.discount, $0.vatRate!.percent) }
    let goods = byRate.values.reduce(0, +)
    if order.shipping != 0 {
        var shares = rates.map { order.shipping * byRate[$0]! / goods }
        var rest = order.shipping - shares.reduce(0, +)
        let byRemainder = rates.indices.sorted {
            (order.shipping * byRate[rates[$0]]!) % goods > (order.shipping * byRate[rates[$1]]!) % goods
        }
        var i = 0
        while rest > 0 { shares[byRemainder[i]] += 1; rest -= 1; i += 1 }
        parts += zip(shares, rates).map { ($0, $1) }
    }
    guard order.priceBasis == .net else { return parts.reduce(0) { $0 + $1.0 } - order.discount }
    return parts.reduce(0) { total, part in
        let (amount, rate) = part
        return total + amount + (amount * rate * 2 + 100) / 200
    }
}
