import CLibCrypto
import KontorFormats

/// What one read of a file's bytes tells: its SHA-256, its size, whether it is valid
/// UTF-8, and its first bytes for detection.
public struct Fingerprint: Sendable {
    public var sha256: String
    public var size: Int64
    public var isValidUTF8: Bool
    public var head: [UInt8]

    /// How many bytes of the head are kept for detection.
    static let headSize = 64 * 1024

    public static func of(source: inout some ByteSource) throws -> Fingerprint {
        guard let context = EVP_MD_CTX_new() else { throw OperationalError("cannot create a SHA-256 context") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        var validator = UTF8Validator()
        var size: Int64 = 0
        var head: [UInt8] = []
        while let chunk = try source.nextChunk() {
            chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            validator.feed(chunk)
            if head.count < headSize { head.append(contentsOf: chunk.prefix(headSize - head.count)) }
            size += Int64(chunk.count)
        }
        return Fingerprint(sha256: hex(finishing: context), size: size, isValidUTF8: validator.finish(), head: head)
    }

    /// Finishes a SHA-256 context and returns the digest in lower-case hex.
    static func hex(finishing context: OpaquePointer) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
