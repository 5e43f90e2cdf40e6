// libFuzzer entry point for JSONRecordReader: built by Scripts/fuzz.sh, not part of the package.
//
// Each input is read twice as it is (records array found by shape) and twice behind a UTF-8
// byte order mark with the records key `orders`, each time in chunks of 7 and of 4096 bytes,
// past a duplicate key to the next record, until the end, a problem that ends the reading,
// or 100 problems. Every element becomes a FlatRecord (or its `json.shape`/`json.nested`
// problem). The input fails when the reader crashes, or (with KONTOR_FUZZ_COMPARE=1 in the
// environment) when the two chunk sizes give different records or problems.

import KontorCore
import KontorFormats

#if canImport(Glibc)
import Glibc
#endif

/// One thing the reader handed out: a record, or a problem.
private enum JSONStep: Equatable {
    case element(JSONElement)
    case record(FlatRecord)
    case problem(Diagnostic)
    case failure(String)
}

private let compareChunkSizes = getenv("KONTOR_FUZZ_COMPARE").map { String(cString: $0) == "1" } ?? false

private func readJSON(_ bytes: [UInt8], chunkSize: Int, recordsKey: String?) -> [JSONStep] {
    var steps: [JSONStep] = []
    var reader = JSONRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: "fuzz.json",
                                  recordsKey: recordsKey)
    var problems = 0
    while problems < 100 {
        do {
            guard let element = try reader.next() else { break }
            steps.append(.element(element))
            do {
                steps.append(.record(try reader.flatRecord(element)))
            } catch {
                steps.append(.problem(error))
            }
        } catch let problem as Diagnostic {
            steps.append(.problem(problem))
            problems += 1
        } catch {
            steps.append(.failure("\(error)"))
            break
        }
    }
    _ = reader.header.count
    return steps
}

/// Reads one input; libFuzzer calls this for every input it tries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for (input, key) in [(bytes, nil), ([0xEF, 0xBB, 0xBF] + bytes, "orders")] as [([UInt8], String?)] {
        let small = readJSON(input, chunkSize: 7, recordsKey: key)
        let large = readJSON(input, chunkSize: 4096, recordsKey: key)
        if compareChunkSizes, small != large {
            fatalError("JSONRecordReader reads differently in chunks of 7 and of 4096 bytes:\n\(small)\n---\n\(large)")
        }
    }
    return 0
}
