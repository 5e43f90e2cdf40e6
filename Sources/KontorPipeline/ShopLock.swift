import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one shop, held through `flock(2)` on a file under `.kontor/locks`,
/// so that two Kontor processes on one root never work the same shop at once. The kernel
/// drops the lock when the process dies, even by SIGKILL.
final class ShopLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// What an attempt to take the lock found.
    enum Attempt {
        case acquired(ShopLock)
        /// Another process holds it; who, as far as the lock file tells.
        case busy(String)
    }

    /// Takes the lock, or says who holds it. The holder writes its process id into the lock
    /// file, so that an admin can see who works the shop.
    static func tryAcquire(root: Root, shop: String) throws -> Attempt {
        try FileOps.makeDirectory(root.state + "/locks")
        let fd = open(root.lock(shop), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OperationalError("cannot open lock \(root.lock(shop)): \(String(cString: strerror(errno)))", code: "lock") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, 0) }
            close(fd)
            guard busy else { throw OperationalError("cannot lock shop \(shop): \(String(cString: strerror(errno)))", code: "lock") }
            let pid = n > 0 ? String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            return .busy(pid.isEmpty ? "another Kontor process" : "Kontor process \(pid)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return .acquired(ShopLock(fd: fd))
    }

    /// Takes the lock, or returns nil when another process holds it.
    static func acquireIfFree(root: Root, shop: String) throws -> ShopLock? {
        if case .acquired(let lock) = try tryAcquire(root: root, shop: shop) { return lock }
        return nil
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
