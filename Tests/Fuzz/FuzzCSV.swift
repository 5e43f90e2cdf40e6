// libFuzzer entry point for CSVReader: built by Scripts/fuzz.sh, not part of the package.
//
// Each input is read as a CSV file in UTF-8 and in Windows-1252, each time in chunks of 7
// and of 4096 bytes, the way the pipeline reads a file: past a record's problem to the next
// record, until the end, a problem that ends the reading, or 100 problems. Every row becomes
// a FlatRecord. The input fails when a reader crashes, or (with KONTOR_FUZZ_COMPARE=1 in the
// environment) when the two chunk sizes give different records or problems.

import KontorCore
import KontorFormats

#if canImport(Glibc)
import Glibc
#endif

/// One thing the reader handed out: a record, or a problem.
private enum CSVStep: Equatable {
    case header([String])
    case record(FlatRecord)
    case problem(Diagnostic)
    case failure(String)
}

private let compareChunkSizes = getenv("KONTOR_FUZZ_COMPARE").map { String(cString: $0) == "1" } ?? false

private func readCSV(_ bytes: [UInt8], chunkSize: Int, encoding: TextEncoding) -> [CSVStep] {
    var steps: [CSVStep] = []
    var reader: CSVReader
    do {
        reader = try CSVReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: "fuzz.csv", encoding: encoding)
    } catch let problem as Diagnostic {
        return [.problem(problem)]
    } catch {
        return [.failure("\(error)")]
    }
    steps.append(.header(reader.header))
    var problems = 0
    while problems < 100 {
        do {
            guard let row = try reader.next() else { break }
            steps.append(.record(reader.flatRecord(row)))
        } catch let problem as Diagnostic {
            steps.append(.problem(problem))
            problems += 1
        } catch {
            steps.append(.failure("\(error)"))
            break
        }
    }
    return steps
}

/// Reads one input; libFuzzer calls this for every input it tries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for encoding in [TextEncoding.utf8, .windows1252] {
        let small = readCSV(bytes, chunkSize: 7, encoding: encoding)
        let large = readCSV(bytes, chunkSize: 4096, encoding: encoding)
        if compareChunkSizes, small != large {
            fatalError("CSVReader (\(encoding)) reads differently in chunks of 7 and of 4096 bytes:\n\(small)\n---\n\(large)")
        }
    }
    return 0
}
