import KontorAccounting
import Testing

/// The seal of a batch, computed as its entries come, is the SHA-256 the seals always were:
/// over the previous seal, a group separator and the entries' hashes joined by record
/// separators (figures from Python's hashlib).
@Suite struct EntrySealTests {
    @Test func theChainIsTheHashOverPreviousSealAndEntries() {
        #expect(EntrySeal.chain(previous: "abc", entries: ["e1", "e2"])
                == "d8e9560c8c2750f3699166acc27bb50382de93f8756807682f9943b1390cee42")
        var chain = EntrySeal.Chain(previous: nil)
        chain.add("x")
        #expect(chain.seal() == "ed4efbf526358e72a6f86a4643db9e579140dcbc6e4288ee9865f2f0e5ea96e4")
    }
}
