import KontorCore

/// Reads a CSV file record by record (RFC 4180), holding one record at a time.
///
/// The first record is the header: it names the columns and is read when the reader is
/// created. Fields may be quoted, with `""` for a quote inside and delimiters and line
/// breaks (CR, LF or CRLF) inside the quotes. Records end with LF, CRLF or CR; the last
/// one may end without a line break. Empty lines are skipped but counted, so that line
/// numbers match what an editor shows. A byte order mark at the start of a UTF-8 file
/// is skipped. Field texts are returned as they are, not trimmed: a field starting with
/// `=` is not neutralised here (that is the job of whatever writes CSV).
///
/// Problems are thrown as ``Diagnostic``s:
/// - `init` throws when the file has no usable header (`csv.empty`, `csv.empty-header`,
///   `csv.duplicate-header`, or a problem of the header record itself);
/// - `next()` throws a problem of one record (`csv.field-count`, `csv.mixed-delimiters`,
///   `csv.stray-quote`, `csv.field-too-large`, `csv.encoding`, `field.control-character` for
///   a control character other than tab, CR and LF) after skipping past that record, so the
///   caller may go on calling `next()` to collect further problems;
/// - `next()` throws `csv.unterminated-quote` when the file ends inside quotes; the
///   quote swallowed the rest of the file, so every later call returns nil.
///
/// ```swift
/// var reader = try CSVReader(source: source, fileName: "orders.csv")
/// while true {
///     do {
///         guard let row = try reader.next() else { break }
///         records.append(reader.flatRecord(row))
///     } catch let problem as Diagnostic {
///         log.append(problem)
///         if log.isFull { break }
///     }
/// }
/// ```
///
/// A field larger than 1 MiB or a record larger than 4 MiB is a `csv.field-too-large`
/// problem, so memory stays bounded whatever the file holds. Errors of the byte source
/// itself (a file that cannot be read) are passed on as they are.
public struct CSVReader {
    /// The file's name as the shop uploaded it, used in every location.
    public let fileName: String
    /// How field bytes become text.
    public let encoding: TextEncoding
    /// The byte between fields: as given, or the most frequent of `,`, `;` and tab
    /// outside quotes in the header line (`,` when there is none, or on a tie between
    /// `,` and another; `;` on a tie with tab).
    public let delimiter: UInt8
    /// The column names, trimmed, in the file's order; none is empty and no two are the
    /// same when compared without regard to case.
    public let header: [String]
    /// The physical line of the header.
    public let headerLine: Int

    private var scanner: CSVRecordScanner
    private var finished = false
    /// Whether the header line ends with a delimiter: rows may then end with one too.
    private let trailingDelimiter: Bool

    private static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// Opens a CSV file and reads its header.
    ///
    /// - Parameters:
    ///   - source: the file's bytes.
    ///   - fileName: the name to show in locations, such as `orders.csv`.
    ///   - encoding: the text encoding of the file.
    ///   - delimiter: the byte between fields, or nil to detect it from the header line.
    /// - Throws: a ``Diagnostic`` when the file has no usable header; the source's errors.
    ///   - endsInDelimiter: whether a header whose last column has no name, with these names
    ///     before it, ends in a delimiter that makes no column (the ECB's rate files end
    ///     every line so); such a column is an error otherwise.
    public init(source: some ByteSource, fileName: String, encoding: TextEncoding = .utf8, delimiter: UInt8? = nil,
                endsInDelimiter: ([String]) -> Bool = { _ in false }) throws {
        var scanner = CSVRecordScanner(source: source)
        let counts = try scanner.countDelimitersInFirstRecord(skipByteOrderMark: encoding == .utf8)
        let delimiter = delimiter ?? CSVReader.mostFrequent(counts)
        guard let record = try scanner.nextRecord(delimiter: delimiter) else {
            throw Diagnostic.csvEmpty(file: fileName)
        }
        if let problem = record.problem {
            throw Diagnostic.csv(problem, file: fileName, line: record.line)
        }
        var header: [String] = []
        for index in scanner.fieldEnds.indices {
            guard let name = encoding.decode(scanner.field(index)) else {
                throw Diagnostic.csvEncoding(file: fileName, line: record.line, field: index + 1)
            }
            if let (value, position) = Diagnostic.firstRefusedControl(in: name) {
                throw Diagnostic.controlCharacter(value, position: position, what: "the name of column \(index + 1)",
                                                  whatDE: "Der Name der Spalte \(index + 1)",
                                                  at: SourceLocation(file: fileName, line: record.line, column: index + 1))
            }
            header.append(name.trimmingSpaces())
        }
        // A delimiter at the end of every line leaves a last column without a name and
        // without values: where the caller expects it, it is no column.
        let trailingDelimiter = header.count > 1 && header.last == "" && endsInDelimiter(Array(header.dropLast()))
        if trailingDelimiter { header.removeLast() }
        try CSVReader.checkHeader(header, file: fileName, line: record.line)

        self.fileName = fileName
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.headerLine = record.line
        self.scanner = scanner
        self.trailingDelimiter = trailingDelimiter
    }

    /// The next record, or nil at the end of the file.
    ///
    /// - Throws: a ``Diagnostic`` for a record that cannot be read; see the type's
    ///   documentation for which problems let reading go on. The source's errors.
    public mutating func next() throws -> CSVRow? {
        guard !finished else { return nil }
        let record: CSVRecordScanner.Record
        do {
            guard let next = try scanner.nextRecord(delimiter: delimiter) else {
                finished = true
                return nil
            }
            record = next
        } catch {
            finished = true
            throw error
        }
        if let problem = record.problem {
            if case .unterminatedQuote = problem { finished = true }
            throw Diagnostic.csv(problem, file: fileName, line: record.line)
        }
        var count = scanner.fieldEnds.count
        if trailingDelimiter, count == header.count + 1, scanner.field(count - 1).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            count -= 1
        }
        guard count == header.count else {
            if let other = alternativeDelimiter() {
                throw Diagnostic.csvMixedDelimiters(file: fileName, line: record.line, row: other, header: delimiter)
            }
            throw Diagnostic.csvFieldCount(file: fileName, line: record.line, fields: count, columns: header.count)
        }
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count {
            guard let text = encoding.decode(scanner.field(index)) else {
                throw Diagnostic.csvEncoding(file: fileName, line: record.line, field: index + 1)
            }
            if scanner.field(index).contains(where: { Diagnostic.isRefusedControl(UInt32($0)) }),
               let (value, position) = Diagnostic.firstRefusedControl(in: text) {
                throw Diagnostic.controlCharacter(value, position: position, what: "column \(header[index])",
                                                  whatDE: "Spalte \(header[index])",
                                                  at: SourceLocation(file: fileName, line: record.line, column: index + 1))
            }
            fields.append(text)
        }
        return CSVRow(line: record.line, fields: fields)
    }

    /// The row as a record of named values: field `n` under the header's column `n`,
    /// located at the row's line and column `n` (1-based, as a spreadsheet counts).
    public func flatRecord(_ row: CSVRow) -> FlatRecord {
        var fields: [(name: String, value: FieldValue)] = []
        fields.reserveCapacity(header.count)
        for (index, (name, text)) in zip(header, row.fields).enumerated() {
            let location = SourceLocation(file: fileName, line: row.line, column: index + 1)
            fields.append((name: name, value: FieldValue(text: text, location: location)))
        }
        return FlatRecord(location: SourceLocation(file: fileName, line: row.line), fields: fields)
    }

    /// Another candidate delimiter that would split the record in hand into as many
    /// fields as the header has, counting it in unquoted fields only.
    private func alternativeDelimiter() -> UInt8? {
        CSVReader.candidateDelimiters.first { candidate in
            guard candidate != delimiter else { return false }
            var count = scanner.fieldEnds.count
            for index in scanner.fieldEnds.indices where !scanner.quotedFields[index] {
                count += scanner.field(index).count { $0 == candidate }
            }
            return count == header.count
        }
    }

    private static func mostFrequent(_ counts: [UInt8: Int]) -> UInt8 {
        var best = candidateDelimiters[0]
        for candidate in candidateDelimiters.dropFirst() where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }

    private static func checkHeader(_ header: [String], file: String, line: Int) throws {
        var firstColumn: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            guard !name.isEmpty else {
                throw Diagnostic.csvEmptyHeader(file: file, line: line, column: index + 1)
            }
            if let first = firstColumn[name.lowercased()] {
                throw Diagnostic.csvDuplicateHeader(file: file, line: line, name: name, first: first, second: index + 1)
            }
            firstColumn[name.lowercased()] = index + 1
        }
    }
}
