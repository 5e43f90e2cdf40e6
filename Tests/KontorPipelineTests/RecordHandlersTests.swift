@testable import KontorPipeline
import Testing

@Suite struct RecordHandlersTests {
    /// The applier finds a handler for every kind of record a file can hand out, and only one.
    @Test func everyKindOfRecordHasOneHandler() {
        let kinds = RecordHandlers.all.map(\.kind)
        // tracking: applied by the logistics handler, which is not written yet; remove this
        // known issue with it (the test then fails until it is removed).
        withKnownIssue("tracking records have no handler yet") {
            #expect(RecordHandlers.all.contains { $0.kind == .tracking })
        }
        let others = RecordKind.allCases.filter { $0 != .tracking }
        #expect(Set(kinds) == Set(others))
        #expect(kinds.count == others.count)
    }
}
