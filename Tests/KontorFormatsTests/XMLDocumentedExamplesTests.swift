import KontorCore
import KontorFormats
import Testing

/// The XML that the repository shows people in Kontor's own format passes Kontor's schema:
/// the examples in `docs/formats.md` and the sample files.
struct XMLDocumentedExamplesTests {
    static let repository = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")

    static func contents(_ path: String) throws -> [UInt8] {
        let source = try FileByteSource(path: repository + "/" + path)
        var bytes: [UInt8] = []
        while let chunk = try source.nextChunk() { bytes += chunk }
        return bytes
    }

    static func validationProblems(_ bytes: [UInt8], fileName: String) throws -> [String] {
        let (records, diagnostics) = try readXMLRecords(bytes, file: fileName, options: KontorXMLSchema.readerOptions)
        return records.isEmpty ? ["\(fileName): no records"] : diagnostics.map(\.description)
    }

    @Test func formatReferenceExamplesPass() throws {
        let text = String(decoding: try Self.contents("docs/formats.md"), as: UTF8.self)
        let examples = text.split(separator: "```xml\n").dropFirst().map { $0.split(separator: "```").first ?? "" }
            .filter { $0.contains(KontorXMLSchema.namespace) }
        #expect(examples.count == DocumentKind.allCases.count)
        for (index, example) in examples.enumerated() {
            #expect(try Self.validationProblems(Array(example.utf8), fileName: "formats.md example \(index + 1)") == [])
        }
    }

    @Test func sampleFilesPass() throws {
        #expect(try Self.validationProblems(Self.contents("Samples/teekontor/05-goods-receipt.xml"),
                                            fileName: "05-goods-receipt.xml") == [])
    }
}
