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
        sha256(Array(((previous ?? "") + "\u{1D}" + entries.joined(separator: "\u{1E}")).utf8))
    }

    private static func sha256(_ bytes: [UInt8]) -> String {
        guard let context = EVP_MD_CTX_new() else { return "" }
        defer { EVP_MD_CTX_free(context) }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        EVP_DigestFinal_ex(context, &digest, &length)
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
