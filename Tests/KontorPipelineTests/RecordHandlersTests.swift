@testable import KontorPipeline
import Testing

@Suite struct RecordHandlersTests {
    /// The applier finds a handler for every kind of record a file can hand out, and only one.
    @Test func everyKindOfRecordHasOneHandler() {
        let kinds = RecordHandlers.all.map(\.kind)
        #expect(Set(kinds) == Set(RecordKind.allCases))
        #expect(kinds.count == RecordKind.allCases.count)
    }
}
