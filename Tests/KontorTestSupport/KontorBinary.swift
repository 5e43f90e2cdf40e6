import Foundation

/// What a run of the `kontor` binary printed and how it ended.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs the built `kontor` binary, as a shop's admin would.
public enum KontorBinary {
    /// The binary beside the test bundle, or `$KONTOR_BIN`.
    public static var path: String {
        if let explicit = ProcessInfo.processInfo.environment["KONTOR_BIN"] { return explicit }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kontor").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/kontor").path
    }

    /// Runs `kontor ARGS --root ROOT` and waits for it.
    @discardableResult
    public static func run(_ arguments: [String], root: String, environment: [String: String] = [:]) throws -> CommandResult {
        let process = try start(arguments, root: root, environment: environment)
        return process.finish()
    }

    /// Starts `kontor ARGS --root ROOT` without waiting.
    public static func start(_ arguments: [String], root: String, environment: [String: String] = [:]) throws -> RunningCommand {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + ["--root", root]
        var env = ProcessInfo.processInfo.environment
        env["KONTOR_ROOT"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, out: out, err: err)
    }
}

/// A `kontor` process that is running.
public final class RunningCommand: @unchecked Sendable {
    public let process: Process
    private let out: Pipe
    private let err: Pipe
    private var outData = Data()
    private var errData = Data()
    private let group = DispatchGroup()

    init(process: Process, out: Pipe, err: Pipe) {
        self.process = process
        self.out = out
        self.err = err
        group.enter()
        DispatchQueue.global().async { [self] in
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
    }

    /// Sends SIGKILL.
    public func kill() { Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the end and returns what it printed.
    public func finish() -> CommandResult {
        process.waitUntilExit()
        group.wait()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A text dump of a SQLite database by the `sqlite3` shell, for before/after comparisons.
public func databaseDump(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, ".dump"]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
