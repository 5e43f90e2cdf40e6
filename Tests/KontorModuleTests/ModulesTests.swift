import GRDB
import KontorPipeline
import KontorStore
import Testing

@Suite struct ModulesTests {
    @Test func everyModuleIsListedOnce() {
        #expect(Modules.all.map(\.name) == ["inventory", "accounting", "credit", "logistics", "orders"])
    }

    /// The order book's migrations keep the identifiers they were released under.
    @Test func theOrderBookKeepsItsReleasedMigrations() {
        let migrations = Pipeline.migrator.migrations
        #expect(Set(migrations).count == migrations.count)
        #expect(migrations.firstIndex(of: "pipeline-1").map { migrations[$0...].prefix(2) } == ["pipeline-1", "pipeline-2"])
        #expect(migrations.first == "store-1")
    }
}
