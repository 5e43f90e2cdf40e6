import Foundation
import GRDB
import KontorStore
import Logging

/// The way of one file, for every file of a root: discover, settle, claim, fingerprint,
/// detect, parse, apply in one transaction, emit, archive.
public struct Pipeline: Sendable {
    public let root: Root
    public let settings: Settings
    public let logger: Logger
    /// Who acts, for the batch journal: the operator's user name.
    public let actor: String
    /// Called with the SQL of every statement that applying a file runs (not its values),
    /// for the query-plan test; nil in production.
    public var statementTrace: (@Sendable (String) -> Void)?
    /// Called with every SQL statement the reports written after a run execute (tests of
    /// their query plans); nil in normal use.
    public var reportTrace: (@Sendable (String) -> Void)?

    public init(root: Root, settings: Settings, logger: Logger, actor: String = Pipeline.currentUser()) {
        self.root = root
        self.settings = settings
        self.logger = logger
        self.actor = actor
    }

    /// The operator's user name as the environment gives it.
    public static func currentUser() -> String {
        let env = ProcessInfo.processInfo.environment
        return env["SUDO_USER"] ?? env["USER"] ?? env["LOGNAME"] ?? "uid \(getuid())"
    }

    /// Every migration: the store's, then each module's in the order of `Modules.all`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        StoreMigrations.register(in: &migrator)
        for module in Modules.all {
            module.registerMigrations(in: &migrator)
        }
        return migrator
    }

    /// Opens the root's books, creating them on first use.
    public func openDatabase() throws -> KontorDatabase {
        do {
            return try KontorDatabase.open(path: root.database, migrator: Self.migrator)
        } catch {
            throw OperationalError("cannot open the database \(root.database): \(error)", code: "database.open", cause: error)
        }
    }

    /// Creates the folders (and a commented settings file) of a root.
    public func initialize() throws {
        try checkBooksAreThere()
        for folder in [root.inbox, root.outbox, root.archive, root.state + "/work", root.state + "/locks"] {
            try FileOps.makeDirectory(folder)
        }
        if !FileOps.exists(root.settingsFile) {
            try emit(SettingsFile.template, to: root.settingsFile)
        }
        _ = try openDatabase()
    }

    /// Writes an output atomically through the root's staging folder.
    func emit(_ data: Data, to path: String) throws {
        try FileOps.writeAtomically(data, to: path, staging: root.staging)
    }

    func emit(_ text: String, to path: String) throws {
        try emit(Data(text.utf8), to: path)
    }

    /// Copies a file atomically; an existing target is left as it is.
    func emitCopy(from source: String, to target: String) throws {
        if FileOps.exists(target) { return }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw OperationalError("cannot read \(source)")
        }
        try emit(data, to: target)
    }

    /// The time now, as the journal records it (UTC, ISO 8601).
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// What a run did, file by file.
public struct RunReport: Sendable {
    /// One file's outcome.
    public struct Line: Sendable {
        public var batch: Int64?
        public var shop: String
        public var file: String
        public var status: FileOutcome
        public var kind: String?
        public var records: Int
        public var errors: Int
        public var detail: String
        /// The problems found, for a dry run's report.
        public var diagnostics: [String] = []
    }

    public var lines: [Line] = []
    /// Files seen that were still being uploaded when the run ended.
    public var stillSettling: [String] = []
    /// Things in the inbox that Kontor does not take, and shops it skipped, for the admin.
    public var notices: [String] = []
    /// Shops that a problem stopped (the other shops went on), one message each.
    public var failures: [String] = []

    public var rejected: Int { lines.count(where: { $0.status.isRefusal }) }
    public var accepted: Int { lines.count(where: { $0.status.isAcceptance }) }
    public var duplicates: Int { lines.count(where: { $0.status == .duplicate }) }
}
