import ArgumentParser
import Foundation
import KontorPipeline
import Logging

/// The command line: parses arguments, calls the pipeline, maps errors to exit codes.
@main
struct Kontor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontor",
        abstract: "The back office of small online shops: files in, books, stock and shipments out.",
        discussion: """
            Exit codes: 0 all files accepted, 1 at least one file rejected, 2 usage error, \
            3 operational failure (disk, database, lock).
            """,
        subcommands: [Init.self, Run.self, Watch.self, Demo.self, Batches.self, BatchCommand.self, Rerun.self,
                      Stock.self, LedgerCommand.self, Customers.self, Shipments.self, Orders.self, ReportCommand.self, ExportCommand.self, Release.self, Ship.self, Cancel.self, Close.self, Revert.self, Dunning.self, Doctor.self,
                      Verify.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as OperationalError {
            FileHandle.standardError.write(Data("kontor: \(error.description) [\(error.code)]\n".utf8))
            Foundation.exit(ExitCodes.operational)
        } catch let error as RerunRefused {
            FileHandle.standardError.write(Data("kontor: \(error.description)\n".utf8))
            Foundation.exit(ExitCodes.usage)
        } catch let error as CommandRefused {
            FileHandle.standardError.write(Data("kontor: \(error.description)\n".utf8))
            Foundation.exit(ExitCodes.usage)
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("kontor: \(error.description)\n".utf8))
            Foundation.exit(ExitCodes.usage)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure || error is ValidationError {
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                Foundation.exit(ExitCodes.usage)
            }
            FileHandle.standardError.write(Data("kontor: \(error)\n".utf8))
            Foundation.exit(ExitCodes.operational)
        }
    }
}

/// The exit codes scripts rely on.
enum ExitCodes {
    static let accepted: Int32 = 0
    static let rejected: Int32 = 1
    static let usage: Int32 = 2
    static let operational: Int32 = 3
}

/// A command that cannot do what was asked, for a reason the caller can mend (a batch
/// that does not exist, a folder that is not a Kontor root): exit code 2, no usage text.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The Kontor root folder (default: $KONTOR_ROOT or the current folder).")
    var root: String?

    @Flag(name: .shortAndLong, help: "Log each step to standard error.")
    var verbose = false

    var resolvedRoot: Root {
        Root(path: root ?? ProcessInfo.processInfo.environment["KONTOR_ROOT"] ?? FileManager.default.currentDirectoryPath)
    }

    /// The pipeline of the root. Unless `initializing`, the root must be one: a folder with
    /// `kontor.toml` or `kontor.sqlite`, so that a mistyped `--root` never starts empty books.
    func pipeline(settle: Double? = nil, initializing: Bool = false) throws -> Pipeline {
        let root = resolvedRoot
        if !initializing, !FileManager.default.fileExists(atPath: root.settingsFile),
           !FileManager.default.fileExists(atPath: root.database) {
            throw UsageError("""
                \(root.path) is not a Kontor root (it has no kontor.toml and no kontor.sqlite). \
                Check --root or KONTOR_ROOT; to make it one, run kontor init --root \(root.path)
                """)
        }
        var settings: Settings
        do {
            settings = try SettingsFile.load(root: root)
        } catch let error as SettingsFile.ParseError {
            throw ValidationError(error.description)
        }
        if let settle { settings.settleSeconds = settle }
        var logger = Logger(label: "kontor") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .info : .warning
        return Pipeline(root: root, settings: settings, logger: logger)
    }
}

/// Options of the listings.
struct ListOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on standard output.")
    var json = false

    @Option(name: .long, help: "Only this shop.")
    var shop: String?
}
