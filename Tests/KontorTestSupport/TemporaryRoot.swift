import Foundation

/// A Kontor root in a temporary folder, removed when the value is released.
public final class TemporaryRoot: @unchecked Sendable {
    public let path: String

    /// A new root; `initialized` (the default) gives it a `kontor.toml` of defaults, as
    /// `kontor init` would, so that Kontor accepts the folder as a root.
    public init(initialized: Bool = true) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if initialized {
            try Data("# A Kontor root for a test: every setting has its default.\n".utf8)
                .write(to: URL(fileURLWithPath: path + "/kontor.toml"))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file under the root, creating its folders; with `done`, also its `.done` marker.
    public func write(_ relative: String, _ text: String, done: Bool = false) throws {
        try write(relative, Data(text.utf8), done: done)
    }

    public func write(_ relative: String, _ data: Data, done: Bool = false) throws {
        let target = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temp = target + ".part"
        try data.write(to: URL(fileURLWithPath: temp))
        // rename(2) replaces an existing file in one step, as an upload under a temporary name does.
        guard rename(temp, target) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target]) }
        if done { _ = FileManager.default.createFile(atPath: target + ".done", contents: Data()) }
    }

    /// The text of a file under the root, or nil.
    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).flatMap { String(data: $0, encoding: .utf8) }
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// Names in a folder under the root, sorted, recursively with `recursive`.
    public func list(_ relative: String, recursive: Bool = false) -> [String] {
        let folder = path + "/" + relative
        if recursive {
            return (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { !isFolder(relative + "/" + $0) }.sorted()
        }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    private func isFolder(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isDir) && isDir.boolValue
    }
}
