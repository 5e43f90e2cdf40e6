import Foundation
import KontorPipeline

/// Printing for people and for scripts.
enum Output {
    /// Prints one JSON document on standard output.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints rows as an aligned table.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        print(line(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { print(line(row)) }
    }

    /// The report of a run, file by file, for people.
    static func report(_ report: RunReport, dryRun: Bool) {
        if report.lines.isEmpty {
            print(dryRun ? "No file is ready to check." : "No file was ready; nothing to do.")
        } else {
            table(["batch", "shop", "file", "kind", "status", "records", "details"], report.lines.map {
                [$0.batch.map(String.init) ?? "-", $0.shop, $0.file, $0.kind ?? "-", $0.status.rawValue, String($0.records), $0.detail]
            }, rightAligned: [0, 5])
            for line in report.lines where !line.diagnostics.isEmpty {
                print("\n\(line.shop)/\(line.file):")
                for d in line.diagnostics { print("  \(d)") }
            }
        }
        for file in report.stillSettling { print("still being uploaded, left for the next run: \(file)") }
        if !report.notices.isEmpty {
            print("\nNot taken / Nicht übernommen:")
            for notice in report.notices { print("  \(notice)") }
        }
        if !report.failures.isEmpty {
            print("\nStopped shops / Angehaltene Shops:")
            for failure in report.failures { print("  \(failure)") }
        }
        let rejected = report.lines.filter { $0.status == .rejected }
        if !rejected.isEmpty {
            print("\n\(rejected.count) file(s) rejected; each lies in inbox/<shop>/rejected/ beside its .errors.txt.")
        }
    }

    struct RunJSON: Encodable {
        struct Line: Encodable {
            var batch: Int64?
            var shop, file, status: String
            var kind: String?
            var records, errors: Int
            var detail: String
            var diagnostics: [String]
        }
        var files: [Line]
        var accepted, rejected, duplicates: Int
        var still_settling: [String]
        var notices: [String]
        var failures: [String]
    }

    static func reportJSON(_ report: RunReport) throws {
        try json(RunJSON(files: report.lines.map {
            .init(batch: $0.batch, shop: $0.shop, file: $0.file, status: $0.status.rawValue, kind: $0.kind, records: $0.records,
                  errors: $0.errors, detail: $0.detail, diagnostics: $0.diagnostics)
        }, accepted: report.accepted, rejected: report.rejected, duplicates: report.duplicates, still_settling: report.stillSettling,
                             notices: report.notices, failures: report.failures))
    }
}
