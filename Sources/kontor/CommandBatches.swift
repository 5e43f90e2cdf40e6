import ArgumentParser
import Foundation
import KontorCore
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

struct Ship: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Correct the address of a held shipment: once it passes the checks its labels are printed.",
        discussion: """
            Give only the fields that change. The shipment is checked again (address, carrier, customs, weights); \
            if it passes, its parcels get their SSCCs, the labels and the delivery note are written, and its order becomes \
            shipped. A batch of its own, with your user name and the note in its log; kontor revert takes it back.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The shipment, such as SH-00012.") var shipment: String
    @Option(name: .long, help: "The shop (needed only when two shops have a shipment of this number).")
    var shop: String?
    @Option(name: .long, help: "Recipient's name.") var name: String?
    @Option(name: .long, help: "Line between name and street: c/o, company, a Packstation post number (\"\" removes it).")
    var addition: String?
    @Option(name: .long, help: "Street and house number, or Packstation 123.") var street: String?
    @Option(name: .long, help: "Postcode.") var zip: String?
    @Option(name: .long, help: "City.") var city: String?
    @Option(name: .long, help: "Country, two letters (ISO 3166), such as DE or AT.") var country: String?
    @Option(name: .long, help: "What was corrected and why, for the batch log (required).")
    var note: String

    func run() throws {
        let change = AddressChange(name: name, addition: addition, street: street, zip: zip, city: city, country: country)
        let line = try global.pipeline().correctShipment(shipment, shop: shop, change: change, note: note)
        Commands.report(line)
        if line.status != .applied { throw ExitCode(ExitCodes.rejected) }
    }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Close the books up to the end of a month: nothing is posted dated inside it any more.",
        discussion: """
            What comes later for a closed month (a return, a bank line, a late invoice) is posted on the first open day and \
            cites its own date; invoices are then numbered in the year of that day. Months are closed in order: closing \
            2026-11 closes every month before it too. A batch of its own per shop, with your user name and the note in its \
            log; kontor revert opens the months again.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The month, YYYY-MM.") var month: String
    @Option(name: .long, help: "Only this shop (default: every shop).")
    var shop: String?
    @Option(name: .long, help: "Why, for the batch log (required), such as \"USt-Voranmeldung 11/2026 abgegeben\".")
    var note: String

    func validate() throws {
        guard parsed != nil else { throw ValidationError("the month must be YYYY-MM, such as 2026-11") }
    }

    var parsed: (year: Int, month: Int)? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              (1...12).contains(m) else { return nil }
        return (y, m)
    }

    func run() throws {
        guard let (year, month) = parsed else { return }
        let lines = try global.pipeline().close(year: year, month: month, shop: shop, note: note)
        for line in lines { Commands.report(line) }
        if lines.contains(where: { $0.status != .applied }) { throw ExitCode(ExitCodes.rejected) }
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

struct Dunning: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dun overdue invoices on a day: letters, fees and default interest; or stop dunning an invoice.",
        discussion: """
            With --date: per shop, one batch, all or nothing, issues the next level (reminder, first, final dunning) \
            for each overdue open invoice, posts fees and interest (§ 288 BGB) to the customer's receivable and \
            writes one letter per customer to outbox/<shop>/dunning/<date>/. A second run for the same day issues \
            nothing. With --stop INVOICE: no run names that invoice again. kontor revert takes either back.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The day of the letters (YYYY-MM-DD), not after today.")
    var date: String?
    @Option(name: .long, help: "Stop dunning this invoice instead.")
    var stop: String?
    @Option(name: .long, help: "Only this shop.")
    var shop: String?
    @Option(name: .long, help: "Why, for the batch log (required).")
    var note: String

    func run() throws {
        switch (date, stop) {
        case (let date?, nil):
            guard let day = CalendarDate(parsing: date), date.count == 10 else { throw UsageError("--date takes a date as YYYY-MM-DD") }
            let outcome = try global.pipeline().dunning(date: day, shop: shop, note: note)
            if outcome.batches.isEmpty { print("nothing to dun on \(day) / keine neuen Mahnungen zum \(day)") }
            for line in outcome.batches { Commands.report(line) }
            for letter in outcome.letters { print("wrote \(letter)") }
            if outcome.batches.contains(where: { $0.status != .applied }) { throw ExitCode(ExitCodes.rejected) }
        case (nil, let invoice?):
            let line = try global.pipeline().stopDunning(invoice: invoice, shop: shop, note: note)
            Commands.report(line)
            if line.status != .applied { throw ExitCode(ExitCodes.rejected) }
        default:
            throw UsageError("give either --date D (a dunning run) or --stop INVOICE (stop dunning an invoice)")
        }
    }
}
