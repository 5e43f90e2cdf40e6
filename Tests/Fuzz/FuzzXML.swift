// libFuzzer entry point for XMLRecordReader and XMLReader: built by Scripts/fuzz.sh, not part
// of the package.
//
// Each input is read as Kontor XML (validating against Kontor's schema, records at depth 1)
// in chunks of 7 and of 4096 bytes, and once without a schema with records picked by name,
// as the shop dialects do. Reading goes on until the end or the first thrown Diagnostic;
// every record becomes a FlatRecord, and the schema problems collected are kept. The input
// fails when the reader crashes, or (with KONTOR_FUZZ_COMPARE=1 in the environment) when the
// two chunk sizes end with different problems, or read a document without a thrown problem
// into different records or schema problems. (libxml2 parses ahead of the records handed
// out, so how many records come before a syntax error depends on the chunk size: a file
// with a syntax error is rejected as a whole, so only the error itself has to be the same.)

import KontorCore
import KontorFormats

#if canImport(Glibc)
import Glibc
#endif

/// One thing the reader handed out: a record, or a problem.
private enum XMLStep: Equatable {
    case record(XMLElementNode, FlatRecord)
    case problem(Diagnostic)
    case collected([Diagnostic])
    case failure(String)
}

extension Optional<XMLStep> {
    fileprivate var isProblem: Bool {
        switch self {
        case .problem?, .failure?: true
        default: false
        }
    }
}

private let compareChunkSizes = getenv("KONTOR_FUZZ_COMPARE").map { String(cString: $0) == "1" } ?? false
private let recordNames: Set<String> = ["order", "product", "ORDER_ITEM", "ORDER_HEADER", "item", "line"]

private func readXML(_ bytes: [UInt8], chunkSize: Int, selection: XMLRecordReader.Selection,
                     options: XMLReader.Options) -> [XMLStep] {
    var steps: [XMLStep] = []
    do {
        var reader = try XMLRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: "fuzz.xml",
                                         selection: selection, options: options)
        defer { steps.append(.collected(reader.diagnostics.diagnostics)) }
        while let node = try reader.next() {
            steps.append(.record(node, node.flatRecord(file: reader.fileName)))
        }
    } catch let problem as Diagnostic {
        steps.append(.problem(problem))
    } catch {
        steps.append(.failure("\(error)"))
    }
    return steps
}

/// Reads one input; libFuzzer calls this for every input it tries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let small = readXML(bytes, chunkSize: 7, selection: .depth(1), options: KontorXMLSchema.readerOptions)
    let large = readXML(bytes, chunkSize: 4096, selection: .depth(1), options: KontorXMLSchema.readerOptions)
    if compareChunkSizes, small.last != large.last || !small.last.isProblem && small != large {
        fatalError("XMLRecordReader reads differently in chunks of 7 and of 4096 bytes:\n\(small)\n---\n\(large)")
    }
    _ = readXML(bytes, chunkSize: 4096, selection: .names(recordNames), options: XMLReader.Options())
    return 0
}
