import GRDB

extension BatchJournal {
    /// Every shop the books know, by name.
    public static func shops(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT shop FROM shops ORDER BY shop")
    }
}
