import GRDB
import KontorStore

extension Books {
    /// Every shop the books know, by name.
    public func shops() throws -> [String] {
        try database.writer.read { try BatchJournal.shops(in: $0) }
    }
}
