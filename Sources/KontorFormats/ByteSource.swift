#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of bytes handed out in chunks: what every reader consumes.
///
/// Readers never ask for the whole input; they pull the next chunk when they need it.
/// Tests feed the same bytes in chunks of 1, 2, 3, 7, 64 and 4096 bytes.
public protocol ByteSource {
    /// The next chunk (never empty), or nil at the end of the input.
    mutating func nextChunk() throws -> [UInt8]?
}

/// Bytes from memory, in chunks of a fixed size.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 65_536) {
        precondition(chunkSize > 0)
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    public init(_ text: String, chunkSize: Int = 65_536) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    public mutating func nextChunk() throws -> [UInt8]? {
        guard offset < bytes.count else { return nil }
        let end = min(offset + chunkSize, bytes.count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}

/// Why a file could not be read.
public struct FileReadError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var errno: Int32
    public var description: String { "cannot read \(path): \(String(cString: strerror(errno)))" }
}

/// Bytes from a file, read with `read(2)` in chunks of 64 KiB. The file is closed when
/// the source reaches the end or is released.
public final class FileByteSource: ByteSource {
    private var fd: Int32
    private let chunkSize: Int
    public let path: String

    /// Opens `path` for reading; refuses to follow a symbolic link.
    public init(path: String, chunkSize: Int = 65_536) throws {
        self.path = path
        self.chunkSize = chunkSize
        fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 { throw FileReadError(path: path, errno: errno) }
    }

    deinit { if fd >= 0 { close(fd) } }

    public func nextChunk() throws -> [UInt8]? {
        guard fd >= 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, errno: errno)
            }
            if n == 0 {
                close(fd)
                fd = -1
                return nil
            }
            buffer.removeLast(chunkSize - n)
            return buffer
        }
    }
}
