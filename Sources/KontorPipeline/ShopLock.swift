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

    /// Takes the lock, or returns nil when another process holds it.
    static func tryAcquire(root: Root, shop: String) throws -> ShopLock? {
        try FileOps.makeDirectory(root.state + "/locks")
        let fd = open(root.lock(shop), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OperationalError("cannot open lock \(root.lock(shop)): \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            close(fd)
            if busy { return nil }
            throw OperationalError("cannot lock shop \(shop): \(String(cString: strerror(errno)))")
        }
        return ShopLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
