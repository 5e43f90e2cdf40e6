import Foundation
import KontorOutput

/// The text of each page as poppler's `pdftotext -layout` reads it.
enum PDFText {
    static func pages(_ pages: [PDFPage]) throws -> [String] {
        var document = PDFDocument()
        for page in pages { document.add(page) }
        return try read(document.bytes())
    }

    static func read(_ pdf: [UInt8]) throws -> [String] {
        let pdftotext = try BarcodeScanner.tool("pdftotext", package: "poppler-utils")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("document.pdf")
        try Data(pdf).write(to: file)
        let text = try BarcodeScanner.run(pdftotext, ["-layout", file.path, "-"])
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
