import KontorCore
import KontorFormats

/// What a reader handed out, in order: records and the problems thrown between them.
enum ReadingOutcome<Record: Equatable>: Equatable {
    case record(Record)
    case problem(Diagnostic)
}

/// The chunk sizes every streaming test feeds its input in.
let chunkSizes = [1, 2, 3, 7, 64, 4096]

/// Reads a whole CSV text, collecting rows and problems as a caller would; the header
/// problem, if any, is the only outcome.
func readCSV(
    _ bytes: [UInt8],
    chunkSize: Int = 65_536,
    encoding: TextEncoding = .utf8,
    delimiter: UInt8? = nil
) throws -> (header: [String], outcomes: [ReadingOutcome<CSVRow>]) {
    let source = MemoryByteSource(bytes, chunkSize: chunkSize)
    var reader: CSVReader
    do {
        reader = try CSVReader(source: source, fileName: "orders.csv", encoding: encoding, delimiter: delimiter)
    } catch let problem as Diagnostic {
        return ([], [.problem(problem)])
    }
    var outcomes: [ReadingOutcome<CSVRow>] = []
    while true {
        do {
            guard let row = try reader.next() else { break }
            outcomes.append(.record(row))
        } catch let problem as Diagnostic {
            outcomes.append(.problem(problem))
        }
    }
    return (reader.header, outcomes)
}

/// Reads a whole CSV text and returns the problems only.
func csvProblems(_ text: String, delimiter: UInt8? = nil) throws -> [Diagnostic] {
    try readCSV(Array(text.utf8), delimiter: delimiter).outcomes.compactMap {
        if case .problem(let problem) = $0 { problem } else { nil }
    }
}

/// Reads a whole JSON text, collecting elements and problems as a caller would.
func readJSON(
    _ bytes: [UInt8],
    chunkSize: Int = 65_536,
    recordsKey: String? = nil
) throws -> (header: [(key: String, value: JSONValue)], outcomes: [ReadingOutcome<JSONElement>]) {
    var reader = JSONRecordReader(
        source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: "orders.json", recordsKey: recordsKey
    )
    var outcomes: [ReadingOutcome<JSONElement>] = []
    while true {
        do {
            guard let element = try reader.next() else { break }
            outcomes.append(.record(element))
        } catch let problem as Diagnostic {
            outcomes.append(.problem(problem))
        }
    }
    return (reader.header, outcomes)
}

/// Reads a whole JSON text and returns the problems only.
func jsonProblems(_ text: String, recordsKey: String? = nil) throws -> [Diagnostic] {
    try readJSON(Array(text.utf8), recordsKey: recordsKey).outcomes.compactMap {
        if case .problem(let problem) = $0 { problem } else { nil }
    }
}
