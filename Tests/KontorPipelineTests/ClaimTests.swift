import Foundation
import Logging
@testable import KontorPipeline
import Testing

/// What is swapped in under a file's name between the poll that saw it and the claim is
/// never followed, never waited on and never moved.
@Suite(.timeLimit(.minutes(1))) struct ClaimTests {
    /// A root with one shop and a pipeline on it; the candidate is seen while it is a file.
    func setUp() throws -> (root: String, pipeline: Pipeline, candidate: Candidate) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-claim-\(UUID().uuidString)").path
        let root = Root(path: path)
        let pipeline = Pipeline(root: root, settings: Settings(), logger: Logger(label: "test"), actor: "test")
        try pipeline.initialize()
        try FileManager.default.createDirectory(atPath: root.inbox("shop"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root.inbox("shop") + "/orders.csv", contents: Data("sku,counted\nA,1\n".utf8))
        let candidate = try #require(Discovery.candidates(root: root, shop: "shop").first)
        return (path, pipeline, candidate)
    }

    @Test func aFIFOSwappedInBeforeTheClaimIsLeftInPlaceWithoutWaiting() throws {
        let (path, pipeline, candidate) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let name = path + "/inbox/shop/orders.csv"
        try FileManager.default.removeItem(atPath: name)
        #expect(mkfifo(name, 0o644) == 0)
        var noticed = Set<String>()
        let line = try pipeline.claimAndProcess(candidate, database: pipeline.openDatabase(), noticed: &noticed)
        #expect(line?.status == .leftInPlace)
        #expect(line?.detail.contains("a FIFO (named pipe), not a regular file") == true)
        #expect(FileOps.status(name).kind == .other)
        #expect(FileOps.list(path + "/.kontor/work/shop").isEmpty)
    }

    @Test func aLinkSwappedInBeforeTheClaimIsNeitherFollowedNorMoved() throws {
        let (path, pipeline, candidate) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let name = path + "/inbox/shop/orders.csv"
        try FileManager.default.removeItem(atPath: name)
        try FileManager.default.createSymbolicLink(atPath: name, withDestinationPath: "/etc/passwd")
        var noticed = Set<String>()
        let line = try pipeline.claimAndProcess(candidate, database: pipeline.openDatabase(), noticed: &noticed)
        #expect(line?.status == .leftInPlace)
        #expect(FileOps.status(name).kind == .link)
        #expect(FileOps.list(path + "/.kontor/work/shop").isEmpty)
        // Reported once, not at every poll.
        #expect(try pipeline.claimAndProcess(candidate, database: pipeline.openDatabase(), noticed: &noticed) == nil)
    }

    @Test func aFileThatChangesAfterItsFingerprintFailsItsCheck() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-changed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 200_000))
        let file = try OpenedFile.open(path: path)
        let fingerprint = try file.fingerprint()
        let writer = try #require(FileHandle(forWritingAtPath: path))
        try writer.truncate(atOffset: 1_000)
        try writer.close()
        #expect(throws: OpenedFile.Changed.self) { try file.verify(fingerprint, copyTo: nil, staging: "/tmp") }
        #expect(file.currentSize() == 1_000)
    }
}
