import ArgumentParser
import Foundation
import KontorPipeline
import Synchronization

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the folders and a commented kontor.toml.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let pipeline = try global.pipeline(initializing: true)
        try pipeline.initialize()
        print("Kontor root ready at \(pipeline.root.path): inbox/, outbox/, archive/, kontor.toml, kontor.sqlite")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Process every ready file once, then exit.")
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Validate every ready file and report what would be applied; change nothing.")
    var dryRun = false
    @Option(name: .long, help: "Seconds a file must stay unchanged before it is taken (default 2, or kontor.toml).")
    var settle: Double?
    @Flag(name: .long, help: "Print one JSON document on standard output.")
    var json = false

    func run() throws {
        let report = try global.pipeline(settle: settle).run(dryRun: dryRun)
        if json { try Output.reportJSON(report) } else { Output.report(report, dryRun: dryRun) }
        if !report.failures.isEmpty { throw ExitCode(ExitCodes.operational) }
        if report.rejected > 0 { throw ExitCode(ExitCodes.rejected) }
    }
}

/// Set by SIGINT or SIGTERM: stop taking files, finish the one in hand.
let stopRequested = Atomic<Bool>(false)

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll the inboxes until SIGINT or SIGTERM, finishing the file in hand.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "Seconds a file must stay unchanged before it is taken.")
    var settle: Double?

    func run() throws {
        var signals = sigset_t()
        sigemptyset(&signals)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in stopRequested.store(true, ordering: .relaxed) }
            sigaddset(&signals, sig)
        }
        // A parent may have started Kontor with these signals blocked; the service must hear them.
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let pipeline = try global.pipeline(settle: settle)
        FileHandle.standardError.write(Data("kontor: watching \(pipeline.root.inbox) (Ctrl-C to stop)\n".utf8))
        let report = try pipeline.run(watch: true, shouldStop: { stopRequested.load(ordering: .relaxed) })
        Output.report(report, dryRun: false)
        // A watcher that stopped on request stopped cleanly: what it rejected on the way is in
        // its report and the log, not in its exit code (systemd would mark the service failed).
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the sample shop into the inbox and run: the quick start.",
        discussion: "Exits 0 when the demo ran, although its broken sample file is rejected on purpose.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "The samples folder (default: Samples/ in the root).")
    var samples: String?

    func run() throws {
        var pipeline = try global.pipeline(initializing: true)
        let root = pipeline.root
        let source = samples ?? root.path + "/Samples"
        if !FileManager.default.fileExists(atPath: root.settingsFile) {
            // The samples' own settings (seller, GS1 prefix) when they bring them.
            if FileManager.default.fileExists(atPath: source + "/kontor.toml") {
                try pipeline.initialize()
                try? FileManager.default.removeItem(atPath: root.settingsFile)
                try FileManager.default.copyItem(atPath: source + "/kontor.toml", toPath: root.settingsFile)
                pipeline = try global.pipeline(initializing: true)
            } else {
                try pipeline.initialize()
            }
        }
        let fm = FileManager.default
        let shops = ((try? fm.contentsOfDirectory(atPath: source)) ?? []).sorted().filter {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: source + "/" + $0, isDirectory: &isDir) && isDir.boolValue
        }
        guard !shops.isEmpty else { throw ValidationError("no sample shops found in \(source); pass --samples DIR") }
        for shop in shops {
            let inbox = root.inbox(shop)
            try fm.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            for file in try fm.contentsOfDirectory(atPath: source + "/" + shop).sorted() where !file.hasPrefix(".") {
                let temp = inbox + "/" + file + ".part"
                try? fm.removeItem(atPath: temp)
                try fm.copyItem(atPath: source + "/" + shop + "/" + file, toPath: temp)
                try? fm.removeItem(atPath: inbox + "/" + file)
                try fm.moveItem(atPath: temp, toPath: inbox + "/" + file)
                _ = fm.createFile(atPath: inbox + "/" + file + ".done", contents: Data())
            }
            print("staged the samples of \(shop) into inbox/\(shop)/")
        }
        let report = try pipeline.run()
        Output.report(report, dryRun: false)
        let books = Books(database: try pipeline.openDatabase())
        let ledger = try books.ledger()
        let debit = ledger.reduce(0) { $0 + (Int($1.debit.replacingOccurrences(of: ".", with: "")) ?? 0) }
        let credit = ledger.reduce(0) { $0 + (Int($1.credit.replacingOccurrences(of: ".", with: "")) ?? 0) }
        print("""

            Books: \(try books.stock().count) articles in stock, \(try books.shipments().count) shipments, \
            \(try books.customers().filter(\.on_hold).count) customer(s) on credit hold.
            Journal: debits \(Self.amount(debit)) = credits \(Self.amount(credit)) EUR.
            Look at outbox/<shop>/ (receipts, stock.csv, journal.csv, orders/: what needs doing) and inbox/<shop>/rejected/.
            Try: kontor orders, kontor stock, kontor ledger, kontor customers, kontor shipments, kontor batches.
            """)
    }

    static func amount(_ cents: Int) -> String {
        "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}

struct Rerun: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process the archived input of a batch again.",
        discussion: "An applied batch is only rerun with --force, which first reverses its effects, in one transaction.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The batch id.") var id: Int64
    @Flag(name: .long, help: "Reverse an applied batch's effects and apply its file again.")
    var force = false

    func run() throws {
        let line = try global.pipeline().rerun(batch: id, force: force)
        print("batch \(id) rerun as batch \(line.batch.map(String.init) ?? "-"): \(line.status.rawValue) \(line.detail)")
        if line.status == .rejected { throw ExitCode(ExitCodes.rejected) }
    }
}

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the root: books whole and matching the archive, nothing stuck or misplaced.",
        discussion: "Exits 0 when nothing needs mending, 3 when a problem was found.")
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Print one JSON document on standard output.")
    var json = false

    func run() throws {
        let findings = try global.pipeline(initializing: true).doctor()
        if json {
            try Output.json(findings)
        } else if findings.isEmpty {
            print("All well: the books are whole and match the archive.")
        } else {
            for finding in findings { print("\(finding.severity): \(finding.message)") }
        }
        if findings.contains(where: { $0.severity == "problem" }) { throw ExitCode(ExitCodes.operational) }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the journal against its seals (a SHA-256 per entry, a chain per batch), and the running figures of books and stock.",
        discussion: "Names the first entry of each shop that was changed after it was posted, a batch whose entries were removed or added, debits that differ from credits, customer balances that differ from their receivables, stock on hand or reserved that differ from their movements and reservations, and stock values that differ from the sum of their movements' values. Exits 0 when all match, 3 when not.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var list: ListOptions

    func run() throws {
        let result = try openBooks(global).verify(shop: list.shop)
        if list.json {
            try Output.json(result)
        } else if result.breaches.isEmpty {
            print("The journal matches its seals: \(result.entries) entries, \(result.seals) batches sealed; debits equal credits;")
            print("stock on hand and reserved equal their movements and reservations, and stock values their movements' values.")
        } else {
            for breach in result.breaches { print("problem: \(breach)") }
        }
        if !result.breaches.isEmpty { throw ExitCode(ExitCodes.operational) }
    }
}
