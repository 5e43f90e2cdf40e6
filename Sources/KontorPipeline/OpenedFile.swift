import CLibCrypto
import Foundation
import KontorFormats
#if canImport(Glibc)
import Glibc
#endif

/// An input file held open by its descriptor from the moment Kontor takes it: fingerprinted,
/// read, checked and archived through that one descriptor, so that what Kontor books is the
/// file it fingerprinted, whatever happens to the name meanwhile.
///
/// It is opened with `O_NOFOLLOW | O_NONBLOCK`: a symbolic link is refused, and a FIFO or a
/// device swapped in under the name cannot make Kontor wait; the type is checked on the
/// descriptor, not on the name.
final class OpenedFile {
    let fd: Int32
    let path: String
    /// The identity of the file on its file system.
    let device: UInt64, inode: UInt64

    /// Why a file could not be taken.
    enum Refusal: Error, CustomStringConvertible {
        /// Kontor may not read it (permissions).
        case unreadable(String)
        /// A symbolic link, FIFO, socket, device or folder, not a regular file.
        case notARegularFile(String)
        /// Gone before it could be opened.
        case vanished
        case failed(String)

        var description: String {
            switch self {
            case .unreadable(let why): "Kontor may not read the file (\(why))"
            case .notARegularFile(let what): "it is \(what), not a regular file"
            case .vanished: "the file vanished"
            case .failed(let why): why
            }
        }
    }

    private init(fd: Int32, path: String, device: UInt64, inode: UInt64) {
        self.fd = fd
        self.path = path
        self.device = device
        self.inode = inode
    }

    deinit { close(fd) }

    /// Opens a regular file for reading, by its path as raw bytes.
    static func open(rawPath: [UInt8]) throws(Refusal) -> OpenedFile {
        let display = String(decoding: rawPath, as: UTF8.self)
        let fd = (rawPath + [0]).withUnsafeBufferPointer {
            Glibc.open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                       O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        }
        guard fd >= 0 else {
            switch errno {
            case EACCES, EPERM: throw .unreadable(String(cString: strerror(errno)))
            case ELOOP: throw .notARegularFile("a symbolic link")
            case ENOENT: throw .vanished
            default: throw .failed("cannot open \(display): \(String(cString: strerror(errno)))")
            }
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .failed("cannot inspect \(display): \(reason)")
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            let what = switch st.st_mode & S_IFMT {
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFDIR: "a folder"
            case S_IFSOCK: "a socket"
            case S_IFCHR, S_IFBLK: "a device"
            default: "not a file"
            }
            throw .notARegularFile(what)
        }
        // Reads of a regular file never block; the flag was only for the open.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return OpenedFile(fd: fd, path: display, device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    static func open(path: String) throws(Refusal) -> OpenedFile {
        try open(rawPath: Array(path.utf8))
    }

    /// Whether `path` names this very file now (after a rename, say).
    func isNamed(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        return UInt64(st.st_dev) == device && UInt64(st.st_ino) == inode
    }

    /// The file's size now, by its descriptor.
    func currentSize() -> Int64 {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int64(st.st_size) : -1
    }

    /// The file's bytes from the start, in chunks; each call starts again at the beginning.
    func bytes() -> DescriptorByteSource {
        DescriptorByteSource(file: self)
    }

    /// SHA-256, size, UTF-8 validity and head of the file as it is now.
    func fingerprint() throws -> Fingerprint {
        var source = bytes()
        return try Fingerprint.of(source: &source)
    }

    /// The file changed after Kontor fingerprinted it.
    struct Changed: Error, CustomStringConvertible {
        var path: String
        var sizeBefore: Int64
        var sizeNow: Int64
        var description: String {
            sizeBefore == sizeNow
                ? "\(path) changed while Kontor read it (same size, other bytes)"
                : "\(path) changed while Kontor read it (\(sizeBefore) bytes when taken, \(sizeNow) now)"
        }
    }

    /// Reads the whole file once more and checks that it is still the one fingerprinted;
    /// with `copy`, the bytes go to that path too (atomically, through `staging`), so that
    /// the copy is exactly what was checked.
    func verify(_ expected: Fingerprint, copyTo copy: String?, staging: String) throws {
        var sink: AtomicFileWriter? = nil
        if let copy { sink = try AtomicFileWriter(target: copy, staging: staging) }
        guard let context = EVP_MD_CTX_new() else { throw OperationalError("cannot create a SHA-256 context") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var source = bytes()
        var size: Int64 = 0
        while let chunk = try source.nextChunk() {
            chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            try sink?.write(chunk)
            size += Int64(chunk.count)
        }
        let changed = Changed(path: path, sizeBefore: expected.size, sizeNow: size)
        guard size == expected.size, Fingerprint.hex(finishing: context) == expected.sha256 else {
            sink?.discard()
            throw changed
        }
        try sink?.commit()
    }
}

/// The bytes of an open file, read with `pread(2)` from the start in chunks of 64 KiB.
struct DescriptorByteSource: ByteSource {
    let file: OpenedFile
    private var offset: Int64 = 0
    static let chunkSize = 65_536

    init(file: OpenedFile) { self.file = file }

    mutating func nextChunk() throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress, Self.chunkSize, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw OperationalError("cannot read \(file.path): \(String(cString: strerror(errno)))", code: "file.read")
            }
            if n == 0 { return nil }
            offset += Int64(n)
            buffer.removeLast(Self.chunkSize - n)
            return buffer
        }
    }
}
