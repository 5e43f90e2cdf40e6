import ArgumentParser
import Foundation
import KontorCore
import KontorPipeline
import KontorStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "List the reports, or (re)write one into outbox/<shop>/.",
        discussion: "Without a name, lists the reports. With one, writes it for --shop, or for every shop.")
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print one JSON document on standard output (the list of reports).")
    var json = false
    @Option(name: .long, help: "Only this shop.")
    var shop: String?
    @Option(name: .long, help: "The first day of the period (YYYY-MM-DD), for reports that take one.")
    var from: String?
    @Option(name: .long, help: "The last day of the period (YYYY-MM-DD), for reports that take one; alone for a report as of a day.")
    var to: String?
    @Option(name: .long, help: "The day a report as of a day is made for (YYYY-MM-DD), the first day of a forecast: the same as --to alone.")
    var date: String?
    @Argument(help: "The report to write.") var name: String?

    struct Row: Encodable {
        var name, title: String
        var period: Bool
    }

    func run() throws {
        guard let name else {
            let rows = ReportRegistry.all.map { Row(name: $0.name, title: $0.title, period: $0.takesPeriod) }
            if json { return try Output.json(rows) }
            return Output.table(["report", "title", "period"], rows.map { [$0.name, $0.title, $0.period ? "yes" : "no"] })
        }
        guard ReportRegistry.report(named: name) != nil else {
            throw UsageError("there is no report \"\(name)\"; kontor report lists them")
        }
        let pipeline = try global.pipeline()
        guard let report = ReportRegistry.report(named: name, settings: pipeline.settings) else { return }
        let period = try period(for: report)
        guard FileManager.default.fileExists(atPath: pipeline.root.database) else {
            throw OperationalError("no books at \(pipeline.root.database); run kontor init or kontor run first")
        }
        let database = try pipeline.openDatabase()
        let known = try Books(database: database).shops()
        if let shop, !known.contains(shop) {
            throw UsageError("the books know no shop \"\(shop)\"")
        }
        for shop in shop.map({ [$0] }) ?? known {
            let paths = try pipeline.writeReport(report, shop: shop, period: period, database: database) { warning in
                print("warning: shop \(shop): \(warning)")
            }
            for path in paths { print("wrote \(path)") }
        }
    }

    /// The period asked for: both ends or neither, and only for a report that takes one; a
    /// report as of a day (`Report.asOf`) takes `--to` alone.
    private func period(for report: Report) throws -> ReportPeriod? {
        if let date {
            guard from == nil, to == nil else { throw UsageError("--date stands alone; leave out --from and --to") }
            guard report.asOf else { throw UsageError("the report \(report.name) is not made as of a day; leave out --date") }
            guard let day = CalendarDate(parsing: date) else { throw UsageError("--date takes a date as YYYY-MM-DD") }
            return ReportPeriod(from: day, to: day)
        }
        switch (from, to) {
        case (nil, nil): return nil
        case (nil, let to?) where report.asOf:
            guard let day = CalendarDate(parsing: to) else { throw UsageError("--to takes a date as YYYY-MM-DD") }
            return ReportPeriod(from: day, to: day)
        case (let from?, let to?):
            guard report.takesPeriod else { throw UsageError("the report \(report.name) covers no period; leave out --from and --to") }
            guard let first = CalendarDate(parsing: from), let last = CalendarDate(parsing: to) else {
                throw UsageError("--from and --to take dates as YYYY-MM-DD")
            }
            guard first <= last else { throw UsageError("--from \(from) is after --to \(to)") }
            return ReportPeriod(from: first, to: last)
        default:
            throw UsageError("a period needs both --from and --to")
        }
    }
}

/// `kontor export gobd --from --to`: the export for a tax audit, as `kontor report gobd`
/// writes it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an export for others: gobd, the books of a period for a tax audit (GDPdU description standard).",
        discussion: "Writes outbox/<shop>/gobd/<from>_<to>/ with index.xml and the journal, accounts, invoices and customers as CSV.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Only this shop.")
    var shop: String?
    @Option(name: .long, help: "The first day of the period (YYYY-MM-DD); without a period, the current year.")
    var from: String?
    @Option(name: .long, help: "The last day of the period (YYYY-MM-DD).")
    var to: String?
    @Argument(help: "What to export: gobd.") var name: String

    func run() throws {
        guard name == "gobd" else { throw UsageError("there is no export \"\(name)\"; kontor export gobd writes the tax audit export") }
        var arguments = ["gobd"] + (global.root.map { ["--root", $0] } ?? []) + (global.verbose ? ["--verbose"] : [])
        arguments += (shop.map { ["--shop", $0] } ?? []) + (from.map { ["--from", $0] } ?? []) + (to.map { ["--to", $0] } ?? [])
        let report = try ReportCommand.parse(arguments)
        try report.run()
    }
}
