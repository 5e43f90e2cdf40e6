#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KontorCore
import KontorFormats
import Testing

/// Every input that once crashed a reader under the fuzzer (`Tests/Fixtures/fuzz-regressions`,
/// kept by `Scripts/fuzz.sh`) is read to its end or to a problem, as the fuzzer read it: CSV in
/// UTF-8 and Windows-1252, JSON as it is and behind a byte order mark, XML validated against
/// Kontor's schema and without a schema, each in small and in large chunks.
struct FuzzRegressionTests {
    static let folder = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        + "/Fixtures/fuzz-regressions"

    /// The names of the kept inputs, `<reader>-<sha1>`, sorted.
    static func inputNames() -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix("."), name != "README.md" { names.append(name) }
        }
        return names.sorted()
    }

    static func contents(_ name: String) throws -> [UInt8] {
        let source = try FileByteSource(path: folder + "/" + name)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }
        return bytes
    }

    /// How reading an XML input ended: the records, then the problem that stopped it, if any.
    static func readXML(_ bytes: [UInt8], chunkSize: Int, selection: XMLRecordReader.Selection,
                        options: XMLReader.Options) -> (records: [FlatRecord], problem: Diagnostic?) {
        var records: [FlatRecord] = []
        do {
            var reader = try XMLRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: "fuzz.xml",
                                             selection: selection, options: options)
            while let node = try reader.next() { records.append(node.flatRecord(file: "fuzz.xml")) }
            return (records, nil)
        } catch let problem as Diagnostic {
            return (records, problem)
        } catch {
            return (records, Diagnostic("test.unexpected-error", "\(error)", at: SourceLocation(file: "fuzz.xml")))
        }
    }

    @Test func everyKeptInputNamesItsReader() {
        for name in Self.inputNames() {
            #expect(["csv-", "json-", "xml-"].contains { name.hasPrefix($0) }, "\(name) does not start with csv-, json- or xml-")
        }
    }

    @Test func keptCSVInputsAreReadToTheEndOrAProblem() throws {
        for name in Self.inputNames() where name.hasPrefix("csv-") {
            let bytes = try Self.contents(name)
            for encoding in [TextEncoding.utf8, .windows1252] {
                let small = try readCSV(bytes, chunkSize: 7, encoding: encoding)
                let large = try readCSV(bytes, chunkSize: 4096, encoding: encoding)
                #expect(small.header == large.header && small.outcomes == large.outcomes, "\(name), \(encoding)")
            }
        }
    }

    @Test func keptJSONInputsAreReadToTheEndOrAProblem() throws {
        for name in Self.inputNames() where name.hasPrefix("json-") {
            let bytes = try Self.contents(name)
            for (input, key) in [(bytes, nil), ([0xEF, 0xBB, 0xBF] + bytes, "orders")] as [([UInt8], String?)] {
                let small = try readJSON(input, chunkSize: 7, recordsKey: key)
                let large = try readJSON(input, chunkSize: 4096, recordsKey: key)
                #expect(small.outcomes == large.outcomes, "\(name), records key \(key ?? "none")")
                for case .record(let element) in large.outcomes {
                    _ = try? element.flatRecord(file: "orders.json")
                }
            }
        }
    }

    @Test func keptXMLInputsAreReadToTheEndOrAProblem() {
        for name in Self.inputNames() where name.hasPrefix("xml-") {
            guard let bytes = try? Self.contents(name) else {
                Issue.record("\(name) cannot be read")
                continue
            }
            for chunkSize in [7, 4096] {
                let validated = Self.readXML(bytes, chunkSize: chunkSize, selection: .depth(1), options: KontorXMLSchema.readerOptions)
                #expect(validated.problem?.code != "test.unexpected-error", "\(name), chunks of \(chunkSize)")
            }
            let byName = Self.readXML(bytes, chunkSize: 4096, selection: .names(["order", "product", "ORDER_ITEM", "line"]),
                                      options: XMLReader.Options())
            #expect(byName.problem?.code != "test.unexpected-error", "\(name), records by name")
        }
    }
}
