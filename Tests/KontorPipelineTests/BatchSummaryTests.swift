import Foundation
@testable import KontorPipeline
import Testing

@Suite struct BatchSummaryTests {
    @Test func aCappedListKeepsItsFirstElementsAndCountsAll() throws {
        var list = CappedList<String>()
        for i in 1...1_500 { list.append("SH-\(i)") }
        #expect(list.count == 1_000)
        #expect(list.total == 1_500)
        #expect(list.left == 500)
        #expect(list.last == "SH-1000")
        let again = try JSONDecoder().decode(CappedList<String>.self, from: JSONEncoder().encode(list))
        #expect(again == list)
    }

    @Test func summariesStoredWithPlainListsAreStillRead() throws {
        let stored = #"""
            {"applied":2,"bank_movements":0,"credit_notes":[],"holds":[],"invoices":[],"payments":[],"read":2,"refused":[],
             "shipments":["SH-00001 (order 1)","SH-00002 (order 2)"],"stock_movements":0,"unmatched_payments":[]}
            """#
        let summary = BatchSummary.from(json: stored)
        #expect(summary.shipments.total == 2)
        #expect(summary.headline == "2 shipments")
    }
}
