import CLibCrypto
import Foundation

/// The seals of the journal (GoBD): a SHA-256 over each entry's content and lines, and per
/// shop a chain over the batches, each batch's seal a SHA-256 over the previous seal and the
/// hashes of the batch's entries in order.
public enum EntrySeal {
    /// One posted line, as it is sealed.
    public struct Line: Sendable {
        public var account, debit, credit: Int
        public var document, customer: String?

        public init(account: Int, debit: Int, credit: Int, document: String?, customer: String?) {
            self.account = account
            self.debit = debit
            self.credit = credit
            self.document = document
            self.customer = customer
        }
    }

    /// The hash of an entry: its shop, date, document, text, batch, what it reverses, and each
    /// line (account, debit, credit, document, customer) in the order posted.
    public static func hash(shop: String, date: String, document: String, text: String, batch: Int64, reverses: Int64?,
                            lines: [Line]) -> String {
        var content = [shop, date, document, text, String(batch), reverses.map(String.init) ?? ""].joined(separator: "\u{1F}")
        for line in lines {
            content += "\u{1E}" + [String(line.account), String(line.debit), String(line.credit), line.document ?? "",
                                   line.customer ?? ""].joined(separator: "\u{1F}")
        }
        return sha256(Array(content.utf8))
    }

    /// The seal of a batch: over the previous seal of the shop (none for the first) and the
    /// hashes of the batch's entries in the order posted.
    public static func chain(previous: String?, entries: [String]) -> String {
        var chain = Chain(previous: previous)
        for entry in entries { chain.add(entry) }
        return chain.seal()
    }

    /// The seal of a batch computed as its entries' hashes come, one at a time, so that a
    /// batch of a million entries is sealed without holding their hashes: the same SHA-256
    /// as over the previous seal, a group separator, and the hashes joined by record
    /// separators.
    public struct Chain {
        private let digest = Digest()
        private var first = true

        /// A chain after `previous`, the shop's last seal (none for its first batch).
        public init(previous: String?) {
            digest.update(Array(((previous ?? "") + "\u{1D}").utf8))
        }

        /// Adds the hash of the next entry.
        public mutating func add(_ entry: String) {
            if !first { digest.update([0x1E]) }
            first = false
            digest.update(Array(entry.utf8))
        }

        /// The seal, in hexadecimal.
        public func seal() -> String { digest.hex() }
    }

    /// An OpenSSL SHA-256 context, freed with its owner.
    private final class Digest {
        private let context = EVP_MD_CTX_new()

        init() { EVP_DigestInit_ex(context, EVP_sha256(), nil) }

        deinit { EVP_MD_CTX_free(context) }

        func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }

        func hex() -> String {
            var digest = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &digest, &length)
            return EntrySeal.hex(digest)
        }
    }

    private static func sha256(_ bytes: [UInt8]) -> String {
        guard let context = EVP_MD_CTX_new() else { return "" }
        defer { EVP_MD_CTX_free(context) }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        EVP_DigestFinal_ex(context, &digest, &length)
        return hex(digest)
    }

    /// 32 bytes as 64 lower-case hexadecimal digits.
    private static func hex(_ digest: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
