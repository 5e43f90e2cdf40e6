import Foundation
import KontorCore
import KontorFormats

/// Reads the fixtures of Kontor's BMEcat and openTRANS dialects through a dialect, as the
/// document reader does, with the bytes fed in chunks of a given size.
enum BMEcatFixtureReader {
    /// The chunk sizes every fixture is read in.
    static let chunkSizes = [1, 7, 4096]

    /// The text of `Tests/Fixtures/<relative>`.
    static func text(_ relative: String) throws -> String {
        let tests = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        return try String(contentsOfFile: "\(tests)/Fixtures/\(relative)", encoding: .utf8)
    }

    /// What `dialect` maps `text` to: the records and every diagnostic, in order.
    static func map<Dialect: XMLDialect>(
        _ dialect: Dialect.Type, _ text: String, file: String, chunkSize: Int = 4096
    ) throws -> (records: [DocumentRecord], diagnostics: [Diagnostic], dialect: String, recognized: Bool) {
        var reader = try XMLRecordReader(source: MemoryByteSource(text, chunkSize: chunkSize), fileName: file,
                                         selection: Dialect.selection)
        let recognized = Dialect.recognizes(root: reader.rootName, namespace: reader.rootNamespace)
        var mapper = Dialect(file: file, root: reader.rootName, namespace: reader.rootNamespace)
        var log = DiagnosticLog()
        var records: [DocumentRecord] = []
        while let node = try reader.next() {
            records += mapper.map(node, log: &log)
        }
        records += mapper.finish(log: &log)
        log.append(contentsOf: reader.diagnostics.diagnostics)
        return (records, log.diagnostics, mapper.dialect, recognized)
    }
}
