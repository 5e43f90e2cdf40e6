import KontorCore
import KontorFormats
import Testing

/// What a CSV dialect made of a whole file, read as Kontor reads it: the encoding told by
/// validating UTF-8, the delimiter detected from the header, `decimalComma` for `;` files.
struct CSVDialectRun: Equatable {
    var records: [DocumentRecord]
    var diagnostics: [Diagnostic]
    var dialect: String
    var kind: DocumentKind

    /// The diagnostics as the error report prints them: `file:line:column: message`.
    var problems: [String] { diagnostics.map(\.description) }

    /// The orders among the records.
    var orders: [Order] { records.compactMap { if case .order(let o) = $0 { o } else { nil } } }

    /// Reads `bytes` through `CSVReader` in chunks of `chunkSize` and maps every row with `D`.
    static func read<D: CSVDialect>(_ type: D.Type, _ bytes: [UInt8], file: String, chunkSize: Int = 65_536) throws -> CSVDialectRun {
        var validator = UTF8Validator()
        validator.feed(bytes)
        var reader = try CSVReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: file,
                                   encoding: validator.finish() ? .utf8 : .windows1252)
        #expect(D.recognizes(header: reader.header), "header not recognised: \(reader.header)")
        var mapper = D(file: file, header: reader.header, decimalComma: reader.delimiter == UInt8(ascii: ";"))
        var log = DiagnosticLog()
        var records: [DocumentRecord] = []
        while true {
            do {
                guard let row = try reader.next() else { break }
                records += mapper.map(reader.flatRecord(row), log: &log)
            } catch let problem as Diagnostic {
                log.append(problem)
            }
        }
        records += mapper.finish(log: &log)
        return CSVDialectRun(records: records, diagnostics: log.diagnostics, dialect: mapper.dialect, kind: mapper.kind)
    }

    static func read<D: CSVDialect>(_ type: D.Type, _ text: String, file: String) throws -> CSVDialectRun {
        try read(type, Array(text.utf8), file: file)
    }
}

/// The fixture files under `Tests/Fixtures/<dialect>/`.
enum DialectFixtures {
    static let folder = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/") + "/Fixtures"

    static func bytes(_ dialect: String, _ name: String) throws -> [UInt8] {
        let source = try FileByteSource(path: folder + "/" + dialect + "/" + name)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }
        return bytes
    }
}
