import GRDB
import KontorStore

extension Pipeline {
    /// Writes one report of one shop (for `period`, if given) into the shop's outbox, and
    /// returns where it went, relative to the root.
    public func writeReport(_ report: Report, shop: String, period: ReportPeriod? = nil,
                            database: KontorDatabase) throws -> String {
        let file = try database.writer.read { try report.produce(shop, period, $0) }
        try emit(file.bytes, to: root.outbox(shop) + "/" + file.path)
        return "outbox/\(shop)/\(file.path)"
    }
}
