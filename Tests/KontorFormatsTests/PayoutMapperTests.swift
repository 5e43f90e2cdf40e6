import KontorCore
import KontorFormats
import Testing

@Suite struct PayoutMapperTests {
    private func payoutRow(_ line: Int, _ id: String, order: String, amount: String, net: String = "92.08") -> FlatRecord {
        row(line, [("payout_id", id), ("date", "2025-03-10"), ("method", "PayPal"), ("gross", "95.20"), ("fees", "3.12"),
                   ("net", net), ("order_number", order), ("amount", amount)])
    }

    @Test(arguments: [
        (["payout_id", "date", "gross", "fees", "net", "order_number", "amount"], DocumentKind.payouts),
        (["order_number", "amount", "reason"], .returns),
        (["order_number", "sku", "quantity", "amount"], .returns),
        (["reference", "amount", "date", "order_number"], .payments),
    ] as [([String], DocumentKind)])
    func detects(columns: [String], kind: DocumentKind) {
        #expect(KindDetector.detect(columns: columns) == kind)
    }

    @Test func consecutiveRowsOfOnePayoutIdAreOnePayout() {
        var mapper = CanonicalMapper(kind: .payouts)
        var log = DiagnosticLog()
        var records = mapper.map(payoutRow(2, "PP-1", order: "A-1", amount: "47.60"), log: &log)
        records += mapper.map(payoutRow(3, "PP-1", order: "A-2", amount: "47.60"), log: &log)
        records += mapper.map(row(4, [("payout_id", "PP-2"), ("date", "2025-03-11"), ("gross", "10.00"), ("fees", "0.00"),
                                      ("net", "10.00"), ("order_number", "A-3"), ("amount", "10.00")]), log: &log)
        #expect(records.count == 1)
        records += mapper.finish()
        #expect(log.diagnostics.isEmpty)
        let payouts = records.compactMap { record -> Payout? in if case .payout(let p) = record { p } else { nil } }
        #expect(payouts.map(\.id) == ["PP-1", "PP-2"])
        #expect(payouts[0].method == "paypal" && payouts[0].gross == 9520 && payouts[0].fees == 312 && payouts[0].net == 9208)
        #expect(payouts[0].orders.map(\.orderNumber) == ["A-1", "A-2"] && payouts[0].orders.map(\.amount) == [4760, 4760])
        #expect(payouts[1].method == nil && payouts[1].orders.count == 1)
    }

    @Test func aRowThatChangesThePayoutsColumnsIsAnError() {
        var mapper = CanonicalMapper(kind: .payouts)
        var log = DiagnosticLog()
        _ = mapper.map(payoutRow(2, "PP-1", order: "A-1", amount: "47.60"), log: &log)
        _ = mapper.map(payoutRow(3, "PP-1", order: "A-2", amount: "47.60", net: "92.00"), log: &log)
        #expect(log.diagnostics.map(\.description)
                == ["f.csv:3: payout PP-1 gives other date, method, gross, fees or net than on its first row"])
    }

    @Test func aReturnsRowWithAnAmountAndNoArticleIsAGoodwillRefund() {
        var mapper = CanonicalMapper(kind: .returns)
        var log = DiagnosticLog()
        let records = mapper.map(row(2, [("order_number", "1004"), ("sku", ""), ("quantity", ""), ("amount", "10.00"),
                                         ("vat_rate", "19"), ("reason", "Kratzer")]), log: &log)
        #expect(log.diagnostics.isEmpty)
        #expect(records == [.goodwillRefund(GoodwillRefund(orderNumber: "1004", amount: 1000, vatRate: .standard, reason: "Kratzer",
                                                           location: SourceLocation(file: "f.csv", line: 2)))])
        _ = mapper.map(row(3, [("order_number", "1004"), ("sku", "TEE-1"), ("quantity", "1"), ("amount", "10.00")]), log: &log)
        #expect(log.diagnostics.first?.description.hasPrefix("f.csv:3:4: a return gives either an article and quantity, or an amount") == true)
    }
}
