import KontorCore
import KontorOrders
import Testing

@Suite struct AttentionHoldTests {
    let place = SourceLocation(file: "orders.csv")
    let catalogue: [String: VATRate] = ["TEA": .reduced, "POT": .standard]

    func line(_ sku: String, rate: VATRate? = nil) -> OrderLine {
        OrderLine(sku: sku, quantity: 1, unitPrice: 100, vatRate: rate, location: place)
    }

    @Test func anOrderOfKnownArticlesAtTheirRatesNeedsNothing() {
        let holds = AttentionHold.check(lines: [line("TEA"), line("POT", rate: .standard)], article: { catalogue[$0] },
                                        onAccount: true, customer: "K-1", customerKnown: true)
        #expect(holds.isEmpty)
    }

    @Test func eachNeedIsNamedOnceInTheOrderOfTheLines() {
        let holds = AttentionHold.check(lines: [line("MUG"), line("TEA", rate: .standard), line("MUG"), line("POT", rate: .zero)],
                                        article: { catalogue[$0] }, onAccount: true, customer: "K-9", customerKnown: false)
        #expect(holds.map(\.need) == [.article, .rate, .rate, .customer])
        #expect(holds.map(\.subject) == ["MUG", "TEA", "POT", "K-9"])
        #expect(holds[1].reason == "article \"TEA\" is at 7 % VAT in the catalogue, the order says 19 %")
    }

    @Test func anUnknownCustomerMattersOnlyOnAccountAndWhenNamed() {
        let prepaid = AttentionHold.check(lines: [line("TEA")], article: { catalogue[$0] }, onAccount: false,
                                          customer: "K-9", customerKnown: false)
        #expect(prepaid.isEmpty)
        let guest = AttentionHold.check(lines: [line("TEA")], article: { catalogue[$0] }, onAccount: true,
                                        customer: nil, customerKnown: false)
        #expect(guest.isEmpty)
    }
}
