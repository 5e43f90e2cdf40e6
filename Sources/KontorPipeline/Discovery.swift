import Foundation

/// A file in a shop's inbox that may be an upload to process.
struct Candidate: Hashable, Sendable {
    var shop: String
    var name: String
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

    /// Why a name in an inbox is not taken, or nil if it is a candidate.
    static func skipReason(_ name: String) -> String? {
        if name.hasPrefix(".") { return "hidden file" }
        if name == "rejected" { return "rejected folder" }
        if name.hasSuffix(markerSuffix) { return "marker" }
        if name.hasSuffix(".errors.txt") { return "error report" }
        if partialSuffixes.contains(where: { name.lowercased().hasSuffix($0) }) { return "upload in progress" }
        return nil
    }

    /// The candidates of one shop, in name order. Symbolic links, folders, empty files and
    /// names that are not valid UTF-8 are never taken.
    static func candidates(root: Root, shop: String) -> [Candidate] {
        let folder = root.inbox(shop)
        let names = FileOps.list(folder)
        let present = Set(names)
        var result: [Candidate] = []
        for name in names where skipReason(name) == nil {
            let status = FileOps.status(folder + "/" + name)
            guard status.kind == .file, status.size > 0 else { continue }
            result.append(Candidate(shop: shop, name: name, size: status.size, mtimeNanos: status.mtimeNanos,
                                    marked: present.contains(name + markerSuffix)))
        }
        return result
    }
}
