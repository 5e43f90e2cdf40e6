import KontorCore
import KontorFormats

/// Reads every record of `bytes`, fed in chunks of `chunkSize` bytes.
func readXMLRecords(
    _ bytes: [UInt8], chunkSize: Int = 4096, file: String = "test.xml",
    selection: XMLRecordReader.Selection = .depth(1), options: XMLReader.Options = XMLReader.Options()
) throws -> (records: [XMLElementNode], diagnostics: [Diagnostic]) {
    var reader = try XMLRecordReader(source: MemoryByteSource(bytes, chunkSize: chunkSize), fileName: file,
                                     selection: selection, options: options)
    var records: [XMLElementNode] = []
    while let record = try reader.next() { records.append(record) }
    return (records, reader.diagnostics.diagnostics)
}

/// Reads every record of `text` as UTF-8.
func readXMLRecords(
    _ text: String, chunkSize: Int = 4096, file: String = "test.xml",
    selection: XMLRecordReader.Selection = .depth(1), options: XMLReader.Options = XMLReader.Options()
) throws -> (records: [XMLElementNode], diagnostics: [Diagnostic]) {
    try readXMLRecords(Array(text.utf8), chunkSize: chunkSize, file: file, selection: selection, options: options)
}

/// The diagnostic with which reading `text` is refused, or nil if it is read to the end.
func xmlRefusal(of text: String, chunkSize: Int = 4096, file: String = "test.xml") -> Diagnostic? {
    do {
        _ = try readXMLRecords(text, chunkSize: chunkSize, file: file)
        return nil
    } catch let diagnostic as Diagnostic {
        return diagnostic
    } catch {
        return Diagnostic("test.unexpected-error", "\(error)", at: SourceLocation(file: file))
    }
}
