import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failure of the disk, the file system or the database: an operational error, not a bad
/// input. The command line maps it to exit code 3.
public struct OperationalError: Error, CustomStringConvertible, Sendable {
    /// A stable code scripts may rely on: `file.write`, `file.read`, `database.open`,
    /// `books.missing`, `lock`, or `operational` where nothing more precise is known.
    public var code: String
    /// What went wrong and where, for people.
    public var description: String
    /// The error underneath, as the system or the database reported it.
    public var cause: (any Error & Sendable)?

    public init(_ description: String, code: String = "operational", cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.description = description
        self.cause = cause
    }
}

/// File system steps with the guarantees the way of one file needs: atomic renames,
/// outputs written to a temporary name, flushed, then renamed into place.
enum FileOps {
    /// Creates a folder (and its parents). A symbolic link in its place is refused: Kontor
    /// never writes through a link, which could lead outside the root.
    static func makeDirectory(_ path: String) throws {
        let existing = status(path)
        if existing.kind == .folder { return }
        if existing.kind != .missing {
            throw OperationalError("\(path) is not a folder (a symbolic link or a file); Kontor does not write through it")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OperationalError("cannot create folder \(path): \(error.localizedDescription)", code: "file.write", cause: error)
        }
    }

    /// Writes `data` to `path` atomically: a temporary file in `staging` (on the same file
    /// system), fsync, rename. A crash leaves either the old file or the new one, never a part.
    static func writeAtomically(_ data: Data, to path: String, staging: String) throws {
        let writer = try AtomicFileWriter(target: path, staging: staging)
        do {
            try writer.write(data)
        } catch {
            writer.discard()
            throw error
        }
        try writer.commit()
    }

    /// Removes temporary files that processes no longer alive left in `staging`.
    static func sweep(staging: String) {
        for name in list(staging) {
            guard let pid = Int32(name.prefix { $0 != "-" }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(staging + "/" + name) }
        }
    }

    /// Renames atomically; false if the source is gone (another process took it).
    static func move(_ source: String, to target: String) throws -> Bool {
        if rename(source, target) == 0 { return true }
        if errno == ENOENT { return false }
        throw OperationalError("cannot move \(source) to \(target): \(String(cString: strerror(errno)))", code: "file.move")
    }

    /// How many files lie below a folder, counting up to `limit`; 0 if there is no folder.
    static func countFiles(under folder: String, upTo limit: Int) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var count = 0
        while count < limit, let name = walker.nextObject() as? String {
            if status(folder + "/" + name).kind == .file { count += 1 }
        }
        return count
    }

    static func remove(_ path: String) {
        unlink(path)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Names in a folder, sorted; empty if the folder does not exist.
    static func list(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Names in a folder exactly as the file system holds them (bytes that may not be
    /// UTF-8), without `.` and `..`, sorted.
    static func listRaw(_ folder: String) -> [[UInt8]] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// `lstat` of a path given as raw bytes.
    static func status(rawPath: [UInt8]) -> Status {
        status(cPath: rawPath + [0])
    }

    /// Renames a file whose path is given as raw bytes; false if the source is gone.
    static func move(rawPath: [UInt8], to target: String) throws -> Bool {
        let ok = (rawPath + [0]).withUnsafeBufferPointer { src in
            rename(UnsafeRawPointer(src.baseAddress!).assumingMemoryBound(to: CChar.self), target) == 0
        }
        if ok { return true }
        if errno == ENOENT { return false }
        throw OperationalError("cannot claim \(String(decoding: rawPath, as: UTF8.self)): \(String(cString: strerror(errno)))")
    }

    /// Removes a file whose path is given as raw bytes.
    static func remove(rawPath: [UInt8]) {
        _ = (rawPath + [0]).withUnsafeBufferPointer { unlink(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
    }

    /// What `lstat` says of a path: regular file, folder, symbolic link, or other.
    enum Kind { case file, folder, link, other, missing }

    struct Status {
        var kind: Kind
        var size: Int64
        var mtimeNanos: Int64
    }

    static func status(_ path: String) -> Status {
        status(cPath: Array(path.utf8) + [0])
    }

    private static func status(cPath: [UInt8]) -> Status {
        var st = stat()
        let found = cPath.withUnsafeBufferPointer { lstat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &st) == 0 }
        guard found else { return Status(kind: .missing, size: 0, mtimeNanos: 0) }
        let kind: Kind = switch st.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .link
        default: .other
        }
        return Status(kind: kind, size: Int64(st.st_size),
                      mtimeNanos: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }
}

/// A file written in pieces to a temporary name in the staging folder, then flushed and
/// renamed into place: readers see the old file or the whole new one, never a part.
final class AtomicFileWriter {
    private let target: String
    private let temp: String
    private var fd: Int32

    init(target: String, staging: String) throws {
        try FileOps.makeDirectory((target as NSString).deletingLastPathComponent)
        try FileOps.makeDirectory(staging)
        self.target = target
        temp = staging + "/\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OperationalError("cannot write \(temp): \(String(cString: strerror(errno)))", code: "file.write") }
    }

    deinit { discard() }

    func write(_ bytes: some ContiguousBytes) throws {
        let ok = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard ok else { throw OperationalError("cannot write \(target): \(String(cString: strerror(errno)))", code: "file.write") }
    }

    /// Flushes and renames the file into place.
    func commit() throws {
        let synced = fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        close(fd)
        fd = -1
        guard synced, rename(temp, target) == 0 else {
            let why = synced ? String(cString: strerror(errno)) : reason
            unlink(temp)
            throw OperationalError("cannot write \(target): \(why)", code: "file.write")
        }
    }

    /// Gives up: the temporary file is removed and the target left as it was.
    func discard() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(temp)
    }
}
