import ArgumentParser
import Foundation
import KontorPipeline

struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Release a held order: it is invoiced and shipped as if the credit check had passed.",
        discussion: "A batch of its own, with your user name and the note in its log; kontor revert takes it back.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The order number.") var order: String
    @Option(name: .long, help: "The shop (needed only when two shops hold an order of this number).")
    var shop: String?
    @Option(name: .long, help: "Why the order is released, for the batch log (required).")
    var note: String

    func run() throws {
        let line = try global.pipeline().release(order: order, shop: shop, note: note)
        Commands.report(line)
        if line.status != .applied { throw ExitCode(ExitCodes.rejected) }
    }
}

struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cancel an order not yet shipped: its reservations end, an invoice it carries is corrected.",
        discussion: """
            The invoice of an order that was invoiced gets a cancellation invoice (Rechnungskorrektur) that reverses it whole. \
            A shipped order is refused: send a returns file for what comes back. A batch of its own, with your user name \
            and the note in its log; kontor revert takes it back.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The order number.") var order: String
    @Option(name: .long, help: "The shop (needed only when two shops hold an order of this number).")
    var shop: String?
    @Option(name: .long, help: "Why the order is cancelled, for the batch log (required).")
    var note: String

    func run() throws {
        let line = try global.pipeline().cancel(order: order, shop: shop, note: note)
        Commands.report(line)
        if line.status != .applied { throw ExitCode(ExitCodes.rejected) }
    }
}

struct Revert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take back everything an applied batch did, without applying it again.",
        discussion: "A batch of its own, with your user name and the note in its log. Refused while later batches built on it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The batch id.") var id: Int64
    @Option(name: .long, help: "Why the batch is taken back, for the batch log (required).")
    var note: String

    func run() throws {
        let line = try global.pipeline().revert(batch: id, note: note)
        Commands.report(line)
        if line.status != .applied { throw ExitCode(ExitCodes.rejected) }
    }
}

/// What a command batch prints; a command that was refused exits 1.
enum Commands {
    static func report(_ line: RunReport.Line) {
        print("batch \(line.batch.map(String.init) ?? "-") (\(line.file)): \(line.status.rawValue)\(line.detail.isEmpty ? "" : ", " + line.detail)")
        for problem in line.diagnostics { print("  \(problem)") }
        print("receipt in outbox/\(line.shop)/receipts/")
    }
}
