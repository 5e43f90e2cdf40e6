import Foundation

/// A file in a shop's inbox that may be an upload to process.
struct Candidate: Hashable, Sendable {
    var shop: String
    /// The name Kontor uses for the file: its name as uploaded if that is UTF-8 without
    /// control characters and at most 200 bytes long, else a readable, safe version of it.
    var name: String
    /// The name as the file system holds it.
    var rawName: [UInt8]
    var size: Int64
    var mtimeNanos: Int64
    /// `<name>.done` lies beside it: the shop says the upload is complete.
    var marked: Bool
}

/// Looks into `inbox/*/` for uploads, skipping what is not (yet) one.
enum Discovery {
    /// Suffixes of uploads still in progress.
    static let partialSuffixes = [".part", ".filepart", ".tmp", ".crdownload"]
    static let markerSuffix = ".done"

    /// Whether a folder name is usable as a shop name: letters, digits, `.`, `_`, `-`, not
    /// starting with a dot, at most 64 characters.
    static func isValidShopName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 64, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// The shops: every valid folder in the inbox.
    static func shops(root: Root) -> [String] {
        FileOps.list(root.inbox).filter { isValidShopName($0) && FileOps.status(root.inbox($0)).kind == .folder }
    }

    /// What lies in `inbox/` that Kontor does not take, each with what to do: files dropped
    /// into `inbox/` itself, and folders whose names are no valid shop name.
    static func strays(root: Root) -> [String] {
        FileOps.listRaw(root.inbox).compactMap { raw in
            let name = displayName(raw)
            if name.hasPrefix(".") { return nil }
            switch FileOps.status(rawPath: Array(root.inbox.utf8) + [0x2F] + raw).kind {
            case .folder where !isValidShopName(name):
                return "inbox/\(name)/ is not read: a shop folder's name may hold only the letters a-z and A-Z, digits, '.', '_' and '-' (at most 64); rename the folder"
            case .file:
                return "inbox/\(name) is not read: files belong into a shop's folder, inbox/<shop>/\(name)"
            default:
                return nil
            }
        }
    }

    /// Why a name in an inbox is not taken, or nil if it is a candidate.
    static func skipReason(_ name: String) -> String? {
        if name.hasPrefix(".") { return "hidden file" }
        if name == "rejected" { return "rejected folder" }
        if name.hasSuffix(markerSuffix) { return "marker" }
        if name.hasSuffix(".errors.txt") { return "error report" }
        if partialSuffixes.contains(where: { name.lowercased().hasSuffix($0) }) { return "upload in progress" }
        return nil
    }

    /// The candidates of one shop, in name order. Symbolic links, folders and empty files
    /// are never taken.
    static func candidates(root: Root, shop: String) -> [Candidate] {
        let folder = Array(root.inbox(shop).utf8) + [0x2F]
        let names = FileOps.listRaw(root.inbox(shop))
        let present = Set(names)
        var result: [Candidate] = []
        for raw in names {
            let name = displayName(raw)
            guard skipReason(name) == nil else { continue }
            let status = FileOps.status(rawPath: folder + raw)
            guard status.kind == .file, status.size > 0 else { continue }
            result.append(Candidate(shop: shop, name: name, rawName: raw, size: status.size, mtimeNanos: status.mtimeNanos,
                                    marked: present.contains(raw + Array(markerSuffix.utf8))))
        }
        return result
    }

    /// The most bytes of a name Kontor keeps, so that `<batch>-<name>.receipt.txt` fits a file name.
    static let maxNameBytes = 200

    /// A file name safe to use in Kontor's folders and reports: invalid UTF-8 is read as
    /// Windows-1252 (what Windows SFTP clients send), control characters become `_`, and a
    /// name longer than 200 bytes is shortened, keeping its extension.
    static func displayName(_ raw: [UInt8]) -> String {
        var text = String(validating: raw, as: UTF8.self) ?? String(raw.map { Character(Unicode.Scalar(windows1252: $0)) })
        text = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "_" : Character($0) })
        guard text.utf8.count > maxNameBytes else { return text }
        let dot = text.lastIndex(of: ".")
        let ext = dot.map { String(text[$0...]) }.flatMap { $0.utf8.count <= 12 ? $0 : nil } ?? ""
        var digest: UInt32 = 2_166_136_261
        for byte in raw { digest = (digest ^ UInt32(byte)) &* 16_777_619 }
        var head = ""
        for ch in text where head.utf8.count + ch.utf8.count <= 150 { head.append(ch) }
        return head + "~" + String(digest, radix: 16) + ext
    }
}

extension Unicode.Scalar {
    /// The character a Windows-1252 byte stands for.
    init(windows1252 byte: UInt8) {
        let table: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                               0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                               0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        let value = (0x80...0x9F).contains(byte) ? table[Int(byte) - 0x80] : UInt32(byte)
        self = Unicode.Scalar(value) ?? "?"
    }
}
