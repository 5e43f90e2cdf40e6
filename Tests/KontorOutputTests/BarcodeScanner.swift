import Foundation
import Testing

/// Renders a PDF with poppler's `pdftoppm` and reads its barcodes with `zbarimg`, as a
/// scanner would read the printed page. `Scripts/test.sh` installs both tools.
struct BarcodeScanner {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text of every barcode zbarimg finds on each page of `pdf` rendered at `dpi`,
    /// one entry per barcode, in zbarimg's order.
    static func scan(pdf: [UInt8], name: String = "scan", dpi: Int = 300) throws -> [String] {
        let pdftoppm = try tool("pdftoppm", package: "poppler-utils")
        let zbarimg = try tool("zbarimg", package: "zbar-tools")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kontor-output-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdfURL = directory.appendingPathComponent("\(name).pdf")
        try Data(pdf).write(to: pdfURL)
        _ = try run(pdftoppm, ["-r", String(dpi), "-png", pdfURL.path, directory.appendingPathComponent(name).path])
        let images = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".png") }.sorted()
        guard !images.isEmpty else { throw Failure(description: "pdftoppm wrote no image for \(name).pdf") }
        var codes: [String] = []
        for image in images {
            let output = try run(zbarimg, ["--raw", "-q", directory.appendingPathComponent(image).path], allowing: [0, 4])
            codes += output.split(separator: "\n").map(String.init)
        }
        return codes
    }

    /// The path of `name` on PATH, or a failure that says how to get it.
    static func tool(_ name: String, package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "\(name) is missing: run Scripts/test.sh, which installs \(package)")
    }

    /// Runs `executable` and returns its standard output; fails on an exit status not in `allowing`.
    static func run(_ executable: String, _ arguments: [String], allowing: Set<Int32> = [0]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard allowing.contains(process.terminationStatus) else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited with "
                + "\(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
