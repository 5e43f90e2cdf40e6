import Foundation

/// The folders and files under one Kontor root.
public struct Root: Sendable {
    public let path: String

    public init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    public var settingsFile: String { path + "/kontor.toml" }
    public var database: String { path + "/kontor.sqlite" }
    public var inbox: String { path + "/inbox" }
    public var outbox: String { path + "/outbox" }
    public var archive: String { path + "/archive" }
    /// Kontor's own working area: claimed files and locks, out of the shops' sight.
    public var state: String { path + "/.kontor" }

    /// Where outputs are written before they are renamed into place.
    public var staging: String { state + "/tmp" }

    public func inbox(_ shop: String) -> String { inbox + "/" + shop }
    public func rejected(_ shop: String) -> String { inbox(shop) + "/rejected" }
    public func outbox(_ shop: String) -> String { outbox + "/" + shop }
    public func receipts(_ shop: String) -> String { outbox(shop) + "/receipts" }
    public func work(_ shop: String) -> String { state + "/work/" + shop }
    public func lock(_ shop: String) -> String { state + "/locks/" + shop + ".lock" }

    /// `archive/<shop>/<yyyy>/<mm>`, relative to the root.
    public func archiveFolder(shop: String, year: Int, month: Int) -> String {
        "archive/\(shop)/\(year)/\(month < 10 ? "0" : "")\(month)"
    }

    /// A path relative to the root made absolute.
    public func absolute(_ relative: String) -> String { path + "/" + relative }
}
